/**
 * Which images exist, since the playground has no registry to ask. Official Docker Hub
 * images (bare names such as `nginx`, `library/redis`) must be in this list, so a typo like
 * `ngnix` fails with ErrImagePull as on a real cluster; images under any other repository or
 * registry are assumed to exist. A learner can add names (`sim image add NAME`).
 * Sizes are approximate compressed sizes, so pull times feel right.
 */

const MB = 1024 * 1024

/** Official images and their rough sizes (bytes). */
export const OFFICIAL_IMAGES: Record<string, number> = {
  nginx: 72 * MB,
  busybox: 2 * MB,
  alpine: 3.5 * MB,
  ubuntu: 29 * MB,
  debian: 49 * MB,
  centos: 75 * MB,
  fedora: 60 * MB,
  httpd: 58 * MB,
  redis: 45 * MB,
  memcached: 30 * MB,
  postgres: 150 * MB,
  mysql: 170 * MB,
  mariadb: 120 * MB,
  mongo: 250 * MB,
  cassandra: 140 * MB,
  rabbitmq: 90 * MB,
  elasticsearch: 600 * MB,
  python: 380 * MB,
  node: 390 * MB,
  golang: 280 * MB,
  openjdk: 190 * MB,
  'eclipse-temurin': 180 * MB,
  tomcat: 150 * MB,
  php: 160 * MB,
  ruby: 330 * MB,
  perl: 320 * MB,
  wordpress: 230 * MB,
  ghost: 180 * MB,
  traefik: 45 * MB,
  haproxy: 40 * MB,
  caddy: 20 * MB,
  registry: 10 * MB,
  zookeeper: 110 * MB,
  consul: 60 * MB,
  vault: 90 * MB,
  influxdb: 100 * MB,
  telegraf: 90 * MB,
  grafana: 110 * MB,
  nats: 6 * MB,
  hello: 0.1 * MB,
  'hello-world': 0.1 * MB,
  docker: 120 * MB,
  jenkins: 290 * MB,
  sonarqube: 400 * MB,
  bash: 6 * MB,
  amazonlinux: 60 * MB,
  rockylinux: 70 * MB,
  almalinux: 70 * MB,
  solr: 280 * MB,
  kong: 110 * MB,
  couchdb: 90 * MB,
  neo4j: 300 * MB,
  nextcloud: 370 * MB,
  drupal: 180 * MB,
  joomla: 180 * MB,
  maven: 300 * MB,
  gradle: 400 * MB,
  rust: 500 * MB,
  swift: 600 * MB,
  erlang: 400 * MB,
  elixir: 420 * MB,
  clojure: 350 * MB,
  julia: 300 * MB,
  'adoptopenjdk': 200 * MB,
  percona: 200 * MB,
  flink: 350 * MB,
  'spark': 400 * MB,
  storm: 250 * MB,
  kibana: 500 * MB,
  logstash: 450 * MB,
  fluentd: 40 * MB,
  'nginx-unprivileged': 72 * MB,
}

export const DEFAULT_IMAGE_SIZE = 50 * MB

export interface ImageRef {
  /** docker.io/library/nginx */
  repository: string
  tag: string
  /** docker.io/library/nginx:latest, as containerd reports it */
  full: string
  official: boolean
  shortName: string
}

/** Normalizes an image reference the way containerd does (docker.io/library/... and :latest). */
export function parseImage(image: string): ImageRef {
  let name = image
  let tag = 'latest'
  const at = name.indexOf('@')
  if (at >= 0) {
    tag = name.slice(at + 1)
    name = name.slice(0, at)
  } else {
    const lastSlash = name.lastIndexOf('/')
    const colon = name.indexOf(':', lastSlash + 1)
    if (colon >= 0) {
      tag = name.slice(colon + 1)
      name = name.slice(0, colon)
    }
  }
  const first = name.split('/')[0]!
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  let repository = hasRegistry ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`
  repository = repository.replace(/^index\.docker\.io\//, 'docker.io/')
  const official = repository.startsWith('docker.io/library/')
  const shortName = official ? repository.slice('docker.io/library/'.length) : repository
  const sep = tag.startsWith('sha256:') ? '@' : ':'
  return { repository, tag, full: `${repository}${sep}${tag}`, official, shortName }
}

export class ImageCatalogue {
  private extra = new Map<string, number>()

  add(image: string, size = DEFAULT_IMAGE_SIZE): void {
    this.extra.set(parseImage(image).repository, size)
  }

  exists(image: string): boolean {
    const ref = parseImage(image)
    if (this.extra.has(ref.repository)) return true
    if (!ref.official) return true
    return Object.prototype.hasOwnProperty.call(OFFICIAL_IMAGES, ref.shortName)
  }

  sizeOf(image: string): number {
    const ref = parseImage(image)
    return this.extra.get(ref.repository) ?? OFFICIAL_IMAGES[ref.shortName] ?? DEFAULT_IMAGE_SIZE
  }

  added(): string[] {
    return [...this.extra.keys()]
  }
}
