/**
 * The node's container log files (what CRI writes under /var/log/pods): one list of lines per
 * container instance, keyed by container ID, each line with its time and stream. Plain data,
 * so it is saved with the simulation. Like the kubelet, it keeps a bounded amount per
 * container (containerLogMaxSize rotation) and drops a container's logs when the runtime
 * removes that container.
 */

export interface LogLine {
  /** Simulated time the line was written (ms). */
  t: number
  stream: 'stdout' | 'stderr'
  text: string
}

/** Lines kept per container: about what 10Mi x 5 rotated files of short lines come to. */
export const MAX_LINES_PER_CONTAINER = 20_000

export interface LogQuery {
  tailLines?: number
  sinceMs?: number
}

export class ContainerLogStore {
  readonly files: Record<string, LogLine[]> = {}
  /** A line still being written (no newline yet), per container and stream. */
  readonly partial: Record<string, string> = {}

  write(containerID: string, stream: LogLine['stream'], text: string, now: number): void {
    const key = `${containerID}/${stream}`
    const buf = (this.partial[key] ?? '') + text
    const parts = buf.split('\n')
    this.partial[key] = parts.pop()!
    if (!this.partial[key]) delete this.partial[key]
    if (!parts.length) return
    const lines = (this.files[containerID] ??= [])
    for (const p of parts) lines.push({ t: now, stream, text: p })
    if (lines.length > MAX_LINES_PER_CONTAINER) lines.splice(0, lines.length - MAX_LINES_PER_CONTAINER)
  }

  /** The process ended: an unfinished last line is written as it is. */
  close(containerID: string, now: number): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const key = `${containerID}/${stream}`
      if (this.partial[key] !== undefined) this.write(containerID, stream, '\n', now)
    }
  }

  read(containerID: string, q: LogQuery = {}): LogLine[] {
    // As the kubelet reads a log file: seek to the last N lines first, then skip older ones.
    let lines = this.files[containerID] ?? []
    if (q.tailLines !== undefined && q.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - q.tailLines))
    if (q.sinceMs !== undefined) lines = lines.filter((l) => l.t >= q.sinceMs!)
    return lines
  }

  remove(containerID: string): void {
    delete this.files[containerID]
    for (const k of Object.keys(this.partial)) if (k.startsWith(`${containerID}/`)) delete this.partial[k]
  }
}
