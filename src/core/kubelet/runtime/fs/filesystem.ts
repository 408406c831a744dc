/**
 * A container's view of files: its own writable layer (lost when the container restarts, as
 * with a real overlay filesystem) with the pod's volumes mounted over paths in it. Volumes
 * are plain data, shared by every container that mounts them, so an emptyDir written by one
 * container is read by another, and the whole state can be saved with the simulation.
 */

/** A file's content as appended chunks, so `>>` and `tail -f` cost the new bytes only. */
export interface FileData {
  chunks: string[]
  size: number
  mtime: number
}

export function fileData(text: string, mtime: number): FileData {
  return { chunks: text ? [text] : [], size: text.length, mtime }
}

/** The whole text; the chunks are joined once and kept joined. */
export function fileText(f: FileData): string {
  if (f.chunks.length > 1) f.chunks = [f.chunks.join('')]
  return f.chunks[0] ?? ''
}

/** Files of one volume or layer, by path relative to its root ('' is the root itself). */
export interface VolumeData {
  files: Record<string, FileData>
  dirs: string[]
  /** configMap, secret, downwardAPI and projected volumes are always mounted read-only. */
  readOnly?: boolean
}

export interface Mount {
  path: string
  volume: VolumeData
  readOnly: boolean
  /** volumeMounts.subPath: the file or folder of the volume mounted here instead of its root. */
  subPath?: string
}

export function newVolume(files: Record<string, string> = {}, now = 0): VolumeData {
  const v: VolumeData = { files: {}, dirs: [''] }
  for (const [p, data] of Object.entries(files)) {
    v.files[p] = fileData(data, now)
    addParents(v, p)
  }
  return v
}

function addParents(v: VolumeData, rel: string): void {
  const parts = rel.split('/')
  for (let i = 1; i < parts.length; i++) {
    const d = parts.slice(0, i).join('/')
    if (!v.dirs.includes(d)) v.dirs.push(d)
  }
}

export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = []
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (!p || p === '.') continue
    if (p === '..') parts.pop()
    else parts.push(p)
  }
  return `/${parts.join('/')}`
}

export class FsError extends Error {
  constructor(readonly code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY') {
    super(code)
  }
}

/** Tells waiting readers (tail -f) that a file changed; keyed by the volume object. */
export type ChangeListener = (volume: VolumeData, rel: string) => void

export class ContainerFS {
  constructor(
    readonly root: VolumeData,
    readonly mounts: Mount[],
    private readonly now: () => number,
    private readonly changed: ChangeListener = () => {},
  ) {
    // Longest mount path first, so /var/log/app wins over /var/log.
    this.mounts.sort((a, b) => b.path.length - a.path.length)
    for (const m of mounts) if (m.path !== '/') this.mkdirAll(m.path.slice(0, m.path.lastIndexOf('/')) || '/', true)
  }

  /** The volume and relative path that an absolute path lands in. */
  locate(path: string): { volume: VolumeData; rel: string; readOnly: boolean } {
    const p = normalizePath(path)
    for (const m of this.mounts) {
      if (p === m.path || p.startsWith(`${m.path}/`)) {
        const rest = p.slice(m.path.length + 1)
        const rel = m.subPath ? (rest ? `${m.subPath}/${rest}` : m.subPath) : rest
        return { volume: m.volume, rel, readOnly: m.readOnly || !!m.volume.readOnly }
      }
    }
    return { volume: this.root, rel: p.slice(1), readOnly: false }
  }

  /** A folder mounted here (a subPath naming a file mounts a file, not a folder). */
  isMountPoint(path: string): boolean {
    const m = this.mounts.find((x) => x.path === normalizePath(path))
    return !!m && !(m.subPath && m.subPath in m.volume.files)
  }

  read(path: string): string {
    const { volume, rel } = this.locate(path)
    const f = volume.files[rel]
    if (f) return fileText(f)
    throw new FsError(this.isDir(path) ? 'EISDIR' : 'ENOENT')
  }

  exists(path: string): boolean {
    const { volume, rel } = this.locate(path)
    return rel in volume.files || volume.dirs.includes(rel) || this.isMountPoint(path) || this.mounts.some((m) => m.path === normalizePath(path))
  }

  isDir(path: string): boolean {
    const { volume, rel } = this.locate(path)
    return volume.dirs.includes(rel) || this.isMountPoint(path)
  }

  write(path: string, data: string, append: boolean): void {
    const { volume, rel, readOnly } = this.locate(path)
    if (readOnly) throw new FsError('EROFS')
    if (volume.dirs.includes(rel)) throw new FsError('EISDIR')
    const parent = normalizePath(`${path}/..`)
    if (!this.isDir(parent)) throw new FsError('ENOENT')
    const prev = volume.files[rel]
    if (append && prev) {
      if (data) prev.chunks.push(data)
      prev.size += data.length
      prev.mtime = this.now()
    } else volume.files[rel] = fileData(data, this.now())
    this.changed(volume, rel)
  }

  mkdir(path: string, parents: boolean): void {
    if (parents) return this.mkdirAll(path, false)
    const { volume, rel, readOnly } = this.locate(path)
    if (this.exists(path)) throw new FsError('EEXIST')
    if (!this.isDir(normalizePath(`${path}/..`))) throw new FsError('ENOENT')
    if (readOnly) throw new FsError('EROFS')
    volume.dirs.push(rel)
  }

  private mkdirAll(path: string, quiet: boolean): void {
    const parts = normalizePath(path).split('/').filter(Boolean)
    for (let i = 1; i <= parts.length; i++) {
      const p = `/${parts.slice(0, i).join('/')}`
      const { volume, rel, readOnly } = this.locate(p)
      if (rel in volume.files) {
        if (quiet) return
        throw new FsError('ENOTDIR')
      }
      if (!volume.dirs.includes(rel) && !this.isMountPoint(p)) {
        if (readOnly) throw new FsError('EROFS')
        volume.dirs.push(rel)
      }
    }
  }

  remove(path: string, recursive: boolean): void {
    const { volume, rel, readOnly } = this.locate(path)
    if (readOnly) throw new FsError('EROFS')
    if (rel in volume.files) {
      delete volume.files[rel]
      this.changed(volume, rel)
      return
    }
    if (!volume.dirs.includes(rel)) throw new FsError('ENOENT')
    if (!recursive) throw new FsError('EISDIR')
    const prefix = rel ? `${rel}/` : ''
    for (const f of Object.keys(volume.files)) if (f.startsWith(prefix)) delete volume.files[f]
    volume.dirs = volume.dirs.filter((d) => d !== rel && !d.startsWith(prefix))
    if (!rel) volume.dirs.push('')
  }

  /** Names in a directory, sorted as `ls` prints them; mount points show in their parent. */
  list(path: string): string[] {
    if (!this.isDir(path)) throw new FsError(this.exists(path) ? 'ENOTDIR' : 'ENOENT')
    const abs = normalizePath(path)
    const { volume, rel } = this.locate(abs)
    const names = new Set<string>()
    const prefix = rel ? `${rel}/` : ''
    const take = (p: string) => {
      if (p.startsWith(prefix) && p !== rel) names.add(p.slice(prefix.length).split('/')[0]!)
    }
    Object.keys(volume.files).forEach(take)
    volume.dirs.forEach(take)
    for (const m of this.mounts) {
      const parent = m.path.slice(0, m.path.lastIndexOf('/')) || '/'
      if (parent === abs) names.add(m.path.slice(parent.length === 1 ? 1 : parent.length + 1))
    }
    names.delete('')
    return [...names].sort()
  }

  size(path: string): number | undefined {
    const { volume, rel } = this.locate(path)
    return volume.files[rel]?.size
  }

  /** The text after `offset` (what `tail -f` prints next), without joining the whole file. */
  readFrom(path: string, offset: number): string {
    const { volume, rel } = this.locate(path)
    const f = volume.files[rel]
    if (!f) throw new FsError('ENOENT')
    let at = f.size
    let k = f.chunks.length
    while (k > 0 && at > offset) at -= f.chunks[--k]!.length
    const head = f.chunks[k] ?? ''
    return (at < offset ? head.slice(offset - at) : head) + f.chunks.slice(k + 1).join('')
  }

  mtime(path: string): number | undefined {
    const { volume, rel } = this.locate(path)
    return volume.files[rel]?.mtime
  }
}
