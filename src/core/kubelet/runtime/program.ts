/**
 * What a container does once started: serve forever, or run and exit with a code.
 * This is the seam where the simulated shell (runtime/shell) plugs in; until a command is
 * understood, a container with ports is a server and anything else keeps running.
 */

import { parseImage } from '../images/catalogue'

export interface ContainerSpec {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: { containerPort?: number }[]
}

export interface ProgramOutcome {
  /** Undefined: runs until stopped. */
  exitAfterMs?: number
  exitCode?: number
  reason?: 'Completed' | 'Error' | 'OOMKilled'
  /** Lines written to the container's log, with their offsets from start. */
  logs?: { atMs: number; line: string }[]
  /** How long the process takes to stop after SIGTERM; undefined = it ignores SIGTERM. */
  stopAfterMs?: number
}

/** Images whose default command is a shell that exits at once without a terminal. */
const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'bash', 'amazonlinux', 'rockylinux', 'almalinux'])

/** Official server images that stay up and handle SIGTERM quickly. */
const SERVER_IMAGES = new Set(['nginx', 'httpd', 'redis', 'memcached', 'postgres', 'mysql', 'mariadb', 'mongo', 'rabbitmq', 'registry', 'traefik', 'haproxy', 'caddy', 'nginx-unprivileged', 'tomcat', 'wordpress', 'ghost', 'grafana', 'consul', 'vault', 'nats', 'zookeeper', 'elasticsearch', 'kibana', 'cassandra', 'couchdb', 'influxdb', 'jenkins'])

export function defaultProgram(c: ContainerSpec): ProgramOutcome {
  const ref = parseImage(c.image ?? '')
  const hasCommand = !!(c.command?.length || c.args?.length)
  if (!hasCommand && ref.official && SHELL_IMAGES.has(ref.shortName)) return { exitAfterMs: 50, exitCode: 0, reason: 'Completed', stopAfterMs: 0 }
  if (ref.official && (ref.shortName === 'hello-world' || ref.shortName === 'hello')) {
    return { exitAfterMs: 100, exitCode: 0, reason: 'Completed', logs: [{ atMs: 10, line: 'Hello from Docker!' }], stopAfterMs: 0 }
  }
  if (!hasCommand && ref.official && SERVER_IMAGES.has(ref.shortName)) return { stopAfterMs: 300 }
  if ((c.ports ?? []).length > 0) return { stopAfterMs: 500 }
  // A shell command (e.g. `sleep 3600`) runs as PID 1 and ignores SIGTERM: the grace period runs out.
  return { stopAfterMs: hasCommand ? undefined : 1000 }
}
