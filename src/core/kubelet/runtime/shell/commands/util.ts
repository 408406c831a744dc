/** Helpers the built-in commands share: errno texts, globbing, option splitting. */

import { FsError, normalizePath, type ContainerFS } from '../../fs/filesystem'

const ERRNO: Record<FsError['code'], string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
}

export function fsErrorText(e: FsError): string {
  return ERRNO[e.code]
}

function segmentRegex(seg: string): RegExp {
  const re = seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')
  return new RegExp(`^${re}$`)
}

/** Paths matching an absolute glob pattern, sorted; relative to cwd when one is given. */
export function globPaths(fs: ContainerFS, pattern: string, cwd?: string): string[] {
  const segs = normalizePath(pattern).split('/').filter(Boolean)
  let found = ['/']
  for (const seg of segs) {
    const next: string[] = []
    for (const dir of found) {
      const base = dir === '/' ? '' : dir
      if (!/[*?]/.test(seg)) {
        if (fs.exists(`${base}/${seg}`)) next.push(`${base}/${seg}`)
        continue
      }
      if (!fs.isDir(dir)) continue
      const re = segmentRegex(seg)
      for (const name of fs.list(dir)) if (re.test(name) && (!name.startsWith('.') || seg.startsWith('.'))) next.push(`${base}/${name}`)
    }
    found = next
  }
  const prefix = cwd === undefined ? '' : cwd === '/' ? '/' : `${cwd}/`
  return found.sort().map((p) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p))
}

/** Splits `-abc` style short options until the first operand; returns flags and operands. */
export function shortOptions(args: string[], withValue = ''): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>()
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    if (a === '--') {
      i++
      break
    }
    if (!a.startsWith('-') || a === '-') break
    for (let k = 1; k < a.length; k++) {
      const c = a[k]!
      if (withValue.includes(c)) {
        opts.set(c, a.slice(k + 1) || args[++i] || '')
        break
      }
      opts.set(c, '')
    }
  }
  return { opts, rest: args.slice(i) }
}
