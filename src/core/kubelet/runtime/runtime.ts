/**
 * The node's container runtime (containerd's part in the simulation): pod sandboxes with their
 * volumes, containers with their own writable layer, the processes running in them (the
 * simulated shell or a known program), their log files, and `exec` into a running container.
 * Files and logs are plain data; processes are rebuilt from the pod specs after a restore.
 */

import type { KubeObject } from '../../api/types'
import type { Clock } from '../../sim/clock'
import { containerEnv, ContainerConfigError, type EnvContainer, type EnvSource } from './env'
import { ContainerFS, fileText, FsError, newVolume, normalizePath, type VolumeData } from './fs/filesystem'
import { baseName, podManagedFiles, profileFor, type ImageProfile } from './images-known'
import { ContainerLogStore, type LogLine, type LogQuery } from './logs'
import { isExecutable, processArgv, subPathView, waitForever } from './launch'
import { Process, runWithin } from './process'
import { externalProgram, type LocalHTTP } from './programs'
import { BUILTINS } from './shell/commands'
import { Shell } from './shell/interpreter'
import type { IO } from './shell/types'
import { buildVolumes, type NodeStorage } from './volumes'

export interface RuntimeNode {
  name: string
  cpu: number
  memoryBytes: number
  internalIP: string
}

export interface RuntimeContainerSpec extends EnvContainer {
  image?: string
  command?: string[]
  args?: string[]
  workingDir?: string
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[]
  ports?: unknown[]
  /** stdin: true keeps an interactive shell's input open (kubectl run -it). */
  stdin?: boolean
}

interface Sandbox {
  uid: string
  hostname: string
  namespace: string
  podIP?: string
  volumes: Record<string, VolumeData>
}

interface ContainerRecord {
  id: string
  podUID: string
  name: string
  profile: ImageProfile
  fs: ContainerFS
  env: Record<string, string>
  workingDir: string
  appStaysUp: boolean
  /** The shell running as PID 1 and how long the program takes to stop on SIGTERM without a trap. */
  main?: Shell
  stopAfterMs?: number
  /** Ports its PID 1 listens on (probes): a server's declared containerPorts, 80 for a web server. */
  listens?: number[]
}




export class ContainerRuntime {
  readonly logs = new ContainerLogStore()
  readonly storage: NodeStorage = { hostPaths: {}, claims: {} }
  private sandboxes = new Map<string, Sandbox>()
  private containers = new Map<string, ContainerRecord>()
  private processes = new Map<string, Process>()
  private watchers = new Map<VolumeData, Map<string, Set<() => void>>>()

  constructor(
    private readonly clock: Clock,
    private readonly source: EnvSource,
    private readonly node: RuntimeNode,
  ) {}

  /** Sets up the pod's volumes; throws MountError when a ConfigMap or Secret is missing. */
  createSandbox(pod: KubeObject): void {
    const spec = pod.spec as { hostname?: string; subdomain?: string }
    const volumes = buildVolumes(pod, this.source, this.storage, this.node.name, this.clock.now())
    this.sandboxes.set(pod.metadata.uid!, { uid: pod.metadata.uid!, hostname: spec.hostname ?? pod.metadata.name!, namespace: pod.metadata.namespace ?? 'default', volumes })
  }

  /**
   * The kubelet's periodic sync rewrites configMap and secret volumes from the current
   * objects (the atomic writer swaps the files), so mounted files follow updates within a
   * sync period; environment variables do not change, as upstream.
   */
  refreshVolumes(pod: KubeObject): void {
    const sb = this.sandboxes.get(pod.metadata.uid!)
    if (!sb) return
    const specs = ((pod.spec as { volumes?: { name: string; configMap?: object; secret?: object }[] }).volumes ?? []).filter((v) => v.configMap || v.secret)
    if (!specs.length) return
    let fresh: Record<string, VolumeData>
    try {
      fresh = buildVolumes({ ...pod, spec: { ...(pod.spec as object), volumes: specs } } as KubeObject, this.source, this.storage, this.node.name, this.clock.now())
    } catch {
      return // A source was deleted: the kubelet keeps the last files it wrote.
    }
    for (const v of specs) {
      const old = sb.volumes[v.name]
      const next = fresh[v.name]
      if (!old || !next) continue
      const changed = Object.keys({ ...old.files, ...next.files }).filter((k) => !old.files[k] || !next.files[k] || fileText(old.files[k]) !== fileText(next.files[k]))
      if (!changed.length) continue
      old.files = next.files
      old.dirs = next.dirs
      for (const k of changed) this.fire(old, k)
    }
  }

  setPodIP(uid: string, ip: string): void {
    const sb = this.sandboxes.get(uid)
    if (sb) sb.podIP = ip
  }

  /** The container's environment; throws ContainerConfigError (CreateContainerConfigError). */
  environment(pod: KubeObject, c: RuntimeContainerSpec): Record<string, string> {
    const sb = this.sandboxes.get(pod.metadata.uid!)
    return containerEnv({ pod, container: c, profile: profileFor(c.image ?? ''), hostname: sb?.hostname ?? pod.metadata.name!, podIP: sb?.podIP, hostIP: this.node.internalIP, node: this.node, source: this.source })
  }

  private fire(volume: VolumeData, rel: string): void {
    const set = this.watchers.get(volume)?.get(rel)
    if (set) for (const wake of [...set]) wake()
  }

  private watch(fs: ContainerFS, paths: string[], wake: () => void): () => void {
    const keys = paths.map((p) => fs.locate(p))
    for (const k of keys) {
      const byRel = this.watchers.get(k.volume) ?? new Map<string, Set<() => void>>()
      this.watchers.set(k.volume, byRel)
      const set = byRel.get(k.rel) ?? new Set()
      byRel.set(k.rel, set)
      set.add(wake)
    }
    return () => {
      for (const k of keys) this.watchers.get(k.volume)?.get(k.rel)?.delete(wake)
    }
  }

  private rootLayer(profile: ImageProfile, sb: Sandbox): VolumeData {
    const files = { ...(profile.files ?? {}), ...podManagedFiles(sb.hostname, sb.namespace, sb.podIP) }
    const root = newVolume(files, this.clock.now())
    for (const d of ['bin', 'dev', 'proc', 'root', 'sys', 'tmp', 'usr', 'var', 'home']) if (!root.dirs.includes(d)) root.dirs.push(d)
    return root
  }


  private shellFor(rec: ContainerRecord, env: Record<string, string>): Shell {
    const sb = this.sandboxes.get(rec.podUID)
    const shell = new Shell(
      {
        fs: rec.fs,
        now: () => this.clock.now(),
        hostname: sb?.hostname ?? '',
        flavour: rec.profile.shell ?? 'busybox',
        external: (argv, io) =>
          externalProgram(argv, io, { profile: rec.profile, appStaysUp: rec.appStaysUp, now: () => this.clock.now(), cpus: this.node.cpu, localHTTP: this.localHTTP(rec.podUID), save: (p, d) => rec.fs.write(shell.resolve(p), d, false) }, sb?.hostname ?? '', sb?.podIP),
      },
      env,
    )
    shell.cwd = rec.workingDir
    return shell
  }

  /** A web server listening in the pod: serves files from its container's document root. */
  private localHTTP(podUID: string): LocalHTTP {
    return (port, path) => {
      for (const rec of this.containers.values()) {
        if (rec.podUID !== podUID || !this.processes.get(rec.id) || this.processes.get(rec.id)!.done) continue
        const http = rec.profile.server?.http
        if (!http || port !== 80) continue
        const root = http.docRoot
        const file = path.endsWith('/') ? `${root}${path}index.html` : `${root}${path}`
        try {
          return { status: 200, body: rec.fs.read(file) }
        } catch (e) {
          if (!(e instanceof FsError)) throw e
          return { status: 404, body: http.notFound }
        }
      }
      return undefined
    }
  }

  /**
   * Creates and starts a container. Returns a runc-style start error message when its command
   * cannot be executed; otherwise onExit is called when its process ends.
   */
  start(pod: KubeObject, c: RuntimeContainerSpec, id: string, env: Record<string, string>, onExit: (code: number) => void): { startError?: string; stopAfterMs?: number } {
    const uid = pod.metadata.uid!
    // The kubelet keeps one dead instance per container (for --previous); older ones go.
    const older = [...this.containers.values()].filter((r) => r.podUID === uid && r.name === c.name)
    for (const r of older.slice(0, -1)) this.remove(r.id)
    const sb = this.sandboxes.get(uid) ?? { uid, hostname: pod.metadata.name!, namespace: pod.metadata.namespace ?? 'default', volumes: {} }
    const profile = profileFor(c.image ?? '')
    const mounts = (c.volumeMounts ?? [])
      .filter((m) => sb.volumes[m.name])
      .map((m) => ({ path: normalizePath(m.mountPath), volume: subPathView(sb.volumes[m.name]!, m.subPath), readOnly: !!m.readOnly, subPath: m.subPath ? normalizePath(m.subPath).slice(1) : undefined }))
    // A subPath that does not exist yet is created as a folder, as the kubelet does.
    for (const m of mounts) if (m.subPath && !(m.subPath in m.volume.files) && !m.volume.dirs.includes(m.subPath)) m.volume.dirs.push(m.subPath)
    const fs = new ContainerFS(this.rootLayer(profile, sb), mounts, () => this.clock.now(), (v, rel) => this.fire(v, rel))
    // An application image's program is its server unless the pod is a run-to-completion one.
    const restartPolicy = (pod.spec as { restartPolicy?: string }).restartPolicy ?? 'Always'
    const appStaysUp = !(c.command?.length || c.args?.length) || !!c.ports?.length || restartPolicy === 'Always'
    const rec: ContainerRecord = { id, podUID: uid, name: c.name, profile, fs, env, workingDir: c.workingDir ?? '/', appStaysUp }
    this.containers.set(id, rec)
    const argv = processArgv(profile, c.command, c.args, env)
    if (!argv.length || !isExecutable(profile, argv[0]!)) {
      const what = argv[0] ?? ''
      return { startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${what}": ${what.includes('/') ? 'stat ' + what + ': no such file or directory' : 'executable file not found in $PATH'}: unknown` }
    }
    const io = this.logIO(id)
    rec.main = this.shellFor(rec, env)
    // An interactive shell with its stdin held open waits for input instead of exiting.
    const interactive = !!c.stdin && argv.length === 1 && ['sh', 'ash', 'bash', 'dash'].includes(baseName(argv[0]!))
    const proc = new Process(
      interactive ? waitForever() : rec.main.runMain(argv, io),
      this.clock,
      (paths, wake) => this.watch(fs, paths, wake),
      (code) => {
        this.logs.close(id, this.clock.now())
        onExit(code)
      },
      io.err,
    )
    this.processes.set(id, proc)
    // The process starts once the kubelet has recorded the container as running.
    this.clock.after(0, () => {
      if (this.processes.get(id) === proc) proc.start()
    })
    const base = baseName(argv[0]!)
    // The entrypoint script execs the server (nginx's /docker-entrypoint.sh nginx -g ...).
    const server = argv.some((a) => profile.server?.binaries.includes(baseName(a)))
    const serving = !interactive && (server || (!!profile.generic && appStaysUp && !BUILTINS[base]))
    const declared = ((c.ports ?? []) as { containerPort?: number }[]).map((p) => p.containerPort ?? 0)
    rec.listens = !serving ? [] : profile.server?.http ? [80] : [...new Set([...declared, ...(profile.server?.ports ?? [])])]
    // A shell or applet as PID 1 ignores SIGTERM (no default handler): the grace period runs out.
    rec.stopAfterMs = profile.server?.binaries.includes(base) ? profile.server.stopAfterMs : profile.generic && appStaysUp && !BUILTINS[base] ? 500 : BUILTINS[base] ? undefined : 1000
    return { stopAfterMs: rec.stopAfterMs }
  }

  /**
   * SIGTERM to PID 1: how long until the container stops, or undefined if it ignores it.
   * A shell with a TERM trap runs the trap once its current command (a sleep) ends.
   */
  sigterm(id: string): number | undefined {
    const rec = this.containers.get(id)
    const proc = this.processes.get(id)
    if (!rec || !proc || proc.done) return 0
    const action = rec.main?.traps.get('TERM')
    if (action === undefined) return rec.stopAfterMs
    if (!action || !/\bexit\b/.test(action)) return undefined
    rec.main!.pendingSignal = 'TERM'
    // `wait` returns at once on a trapped signal; a foreground sleep has to end first.
    if (proc.waiting) {
      proc.interrupt()
      return 0
    }
    return proc.wakeAt === undefined ? undefined : Math.max(0, proc.wakeAt - this.clock.now())
  }

  private logIO(id: string): IO {
    return {
      out: (t) => this.logs.write(id, 'stdout', t, this.clock.now()),
      err: (t) => this.logs.write(id, 'stderr', t, this.clock.now()),
    }
  }

  /** Stops the container's process (SIGKILL); its files and logs stay until it is removed. */
  stop(id: string): void {
    this.processes.get(id)?.kill()
    this.processes.delete(id)
  }

  /** Removes a dead container: its writable layer and its log. */
  remove(id: string): void {
    this.stop(id)
    this.containers.delete(id)
    this.logs.remove(id)
  }

  removePod(uid: string): void {
    for (const rec of [...this.containers.values()]) if (rec.podUID === uid) this.remove(rec.id)
    this.sandboxes.delete(uid)
  }

  /** Whether a running container of the pod listens on the port (tcpSocket and grpc probes). */
  listening(podUID: string, port: number): boolean {
    return [...this.containers.values()].some((r) => r.podUID === podUID && this.isRunning(r.id) && !!r.listens?.includes(port))
  }

  /**
   * An HTTP GET to the pod (httpGet probes): the web server's files on port 80; another
   * listening program answers 200, as the playground does not know its routes.
   */
  httpAnswer(podUID: string, port: number, path: string): { status: number } | undefined {
    const web = this.localHTTP(podUID)(port, path)
    if (web) return { status: web.status }
    return this.listening(podUID, port) ? { status: 200 } : undefined
  }

  isRunning(id: string): boolean {
    const p = this.processes.get(id)
    return !!p && !p.done
  }

  /** The kubelet's containerLogs endpoint: one container instance's log lines. */
  containerLogs(id: string, q: LogQuery = {}): LogLine[] {
    return this.logs.read(id, q)
  }

  /**
   * An exec probe: runs argv in the container at once and reports its exit code and output.
   * Sleeps inside count against timeoutMs without moving the clock (the probe's own time);
   * a command that waits longer, or for a file, times out as the kubelet's probe would.
   */
  probe(id: string, argv: string[], timeoutMs: number): { exitCode: number; output: string; timedOut: boolean } | undefined {
    const rec = this.containers.get(id)
    if (!rec || !this.isRunning(id) || !argv.length) return undefined
    let output = ''
    const io: IO = { out: (t) => (output += t), err: (t) => (output += t) }
    if (!isExecutable(rec.profile, argv[0]!)) return { exitCode: 128, output: `exec: "${argv[0]}": executable file not found in $PATH`, timedOut: false }
    const r = runWithin(this.shellFor(rec, { ...rec.env }).runArgv(argv, io), timeoutMs)
    return { exitCode: r.exitCode, output, timedOut: r.timedOut }
  }

  /** `kubectl exec` (and exec hooks): runs argv in the running container; undefined when it is not running. */
  exec(id: string, argv: string[], io: IO, onExit: (code: number) => void = () => {}): Process | { startError: string } | undefined {
    const rec = this.containers.get(id)
    if (!rec || !this.isRunning(id)) return undefined
    if (!isExecutable(rec.profile, argv[0]!)) return { startError: argv[0]! }
    const proc = new Process(this.shellFor(rec, { ...rec.env }).runArgv(argv, io), this.clock, (paths, wake) => this.watch(rec.fs, paths, wake), onExit, io.err)
    proc.start()
    return proc
  }
}

export { ContainerConfigError }
