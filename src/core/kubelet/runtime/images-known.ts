/**
 * What the playground knows about the inside of well-known images: whether they have a shell
 * (and which: busybox ash, dash, bash), their ENTRYPOINT and CMD, environment, a few files,
 * which programs are installed, and which server their default command starts. Images not
 * listed are taken to be an application on a Debian-like base: a shell, and programs that
 * run briefly and exit 0.
 */

import { parseImage } from '../images/catalogue'
import type { ShellFlavour } from './shell/types'

export interface ServerProfile {
  /** Executable names that start this server. */
  binaries: string[]
  /** What it prints on start, given the start time and node CPU count. */
  banner?(now: number, cpus: number): string[]
  /** How long it takes to stop after SIGTERM (SIGQUIT for nginx). */
  stopAfterMs: number
  /** A web server: the folder it serves on port 80, and its 404 page. */
  http?: { docRoot: string; notFound: string }
  /** Ports it opens whatever the pod declares (its health endpoints, say), besides those declared. */
  ports?: number[]
}

export interface ImageProfile {
  shell?: ShellFlavour
  entrypoint?: string[]
  cmd?: string[]
  env?: Record<string, string>
  files?: Record<string, string>
  /** Programs installed beyond the shell's applets, and how long one run takes (ms). */
  programs?: Record<string, number>
  server?: ServerProfile
  /** Not an official base image: unknown commands are the application's own programs. */
  generic?: boolean
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
/** How long a program the playground knows nothing about runs before exiting 0. */
export const GENERIC_PROGRAM_MS = 3000

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

function nginxBanner(now: number, cpus: number): string[] {
  const d = new Date(now)
  const p = (n: number) => String(n).padStart(2, '0')
  const ts = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  const workers = Array.from({ length: cpus }, (_, k) => `${ts} [notice] 1#1: start worker process ${29 + k}`)
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${ts} [notice] 1#1: using the "epoll" event method`,
    `${ts} [notice] 1#1: nginx/1.27.3`,
    `${ts} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
    `${ts} [notice] 1#1: OS: Linux 6.8.0-sim`,
    `${ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${ts} [notice] 1#1: start worker processes`,
    ...workers,
  ]
}

const NGINX: ImageProfile = {
  shell: 'dash',
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' },
  files: { 'usr/share/nginx/html/index.html': NGINX_INDEX_HTML, 'usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n' },
  programs: { curl: 0 },
  server: {
    binaries: ['nginx'],
    banner: nginxBanner,
    stopAfterMs: 300,
    http: { docRoot: '/usr/share/nginx/html', notFound: '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.27.3</center>\n</body>\n</html>\n' },
  },
}

const PROFILES: Record<string, ImageProfile> = {
  busybox: { shell: 'busybox', cmd: ['sh'], programs: { wget: 0, nc: 0, nslookup: 0 } },
  alpine: { shell: 'busybox', cmd: ['/bin/sh'], programs: { wget: 0, nc: 0, nslookup: 0 } },
  debian: { shell: 'dash', cmd: ['bash'], programs: {} },
  ubuntu: { shell: 'dash', cmd: ['/bin/bash'], programs: {} },
  centos: { shell: 'bash', cmd: ['/bin/bash'], programs: { curl: 0 } },
  fedora: { shell: 'bash', cmd: ['/bin/bash'], programs: { curl: 0 } },
  bash: { shell: 'bash', entrypoint: ['docker-entrypoint.sh'], cmd: ['bash'], programs: {} },
  python: { shell: 'dash', cmd: ['python3'], env: { PYTHON_VERSION: '3.13.1', LANG: 'C.UTF-8' }, programs: { python: 1500, python3: 1500, pip: 3000, curl: 0 } },
  perl: { shell: 'dash', cmd: ['perl', '-de0'], programs: { perl: 8000, cpanm: 5000, curl: 0 } },
  node: { shell: 'dash', entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], env: { NODE_VERSION: '22.12.0' }, programs: { node: 1500, npm: 4000, curl: 0 } },
  golang: { shell: 'dash', cmd: ['bash'], programs: { go: 4000, curl: 0 } },
  nginx: NGINX,
  'nginx-unprivileged': NGINX,
  httpd: {
    shell: 'dash',
    cmd: ['httpd-foreground'],
    files: { 'usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
    server: {
      binaries: ['httpd-foreground', 'httpd'],
      stopAfterMs: 500,
      http: { docRoot: '/usr/local/apache2/htdocs', notFound: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n' },
    },
  },
  redis: { shell: 'dash', entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], programs: { 'redis-cli': 0 }, server: { binaries: ['redis-server'], stopAfterMs: 200 } },
  'hello-world': { cmd: ['/hello'], programs: { hello: 10 } },
  'registry.k8s.io/serve_hostname': { entrypoint: ['/serve_hostname'], server: { binaries: ['serve_hostname'], stopAfterMs: 100 } },
  // The busybox of the Kubernetes docs' probe examples (liveness-exec).
  'registry.k8s.io/busybox': { shell: 'busybox', cmd: ['sh'], programs: { wget: 0, nc: 0, nslookup: 0 } },
  // CoreDNS serves DNS on 53, and its health (8080 /health) and ready (8181 /ready) plugins,
  // which kubeadm's probes ask, on ports the Deployment does not declare.
  'registry.k8s.io/coredns/coredns': { entrypoint: ['/coredns'], server: { binaries: ['coredns'], stopAfterMs: 100, ports: [53, 8080, 8181, 9153] } },
  'registry.k8s.io/pause': { entrypoint: ['/pause'], server: { binaries: ['pause'], stopAfterMs: 0 } },
  'registry.k8s.io/e2e-test-images/agnhost': { shell: 'busybox', entrypoint: ['/agnhost'], programs: {}, server: { binaries: ['agnhost'], stopAfterMs: 100 } },
}

/** Servers behind official images with no entry above: they stay up. */
const OTHER_SERVERS = ['memcached', 'postgres', 'mysql', 'mariadb', 'mongo', 'rabbitmq', 'registry', 'traefik', 'haproxy', 'caddy', 'tomcat', 'wordpress', 'ghost', 'grafana', 'consul', 'vault', 'nats', 'zookeeper', 'elasticsearch', 'kibana', 'cassandra', 'couchdb', 'influxdb', 'jenkins']

export function profileFor(image: string): ImageProfile {
  const ref = parseImage(image)
  const key = ref.official ? ref.shortName : ref.repository.replace(/^k8s\.gcr\.io\//, 'registry.k8s.io/')
  const known = PROFILES[key]
  if (known) return known
  if (ref.official && OTHER_SERVERS.includes(ref.shortName)) {
    return { shell: 'dash', entrypoint: ['docker-entrypoint.sh'], cmd: [ref.shortName], server: { binaries: [ref.shortName], stopAfterMs: 300 } }
  }
  return { shell: 'dash', generic: true }
}

/** The argv a container runs: its command and args over the image's ENTRYPOINT and CMD. */
export function containerArgv(p: ImageProfile, command?: string[], args?: string[]): string[] {
  if (command?.length) return [...command, ...(args ?? [])]
  if (args?.length) return [...(p.entrypoint ?? []), ...args]
  return [...(p.entrypoint ?? []), ...(p.cmd ?? [])]
}

/** The files the kubelet manages in every container: hostname, hosts, resolv.conf. */
export function podManagedFiles(hostname: string, namespace: string, podIP: string | undefined): Record<string, string> {
  return {
    'etc/hostname': `${hostname}\n`,
    'etc/hosts': `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${podIP ?? ''}\t${hostname}\n`,
    'etc/resolv.conf': `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
  }
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
