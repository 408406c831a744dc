/** -f arguments: files, folders of manifests, `-` for standard input; URLs only in the browser. */

import { KubectlError, type KubectlContext } from '../context'
import { parseManifests, readManifestStream, type ManifestDoc, type ManifestError } from '../manifests'

export function readManifestSources(ctx: KubectlContext, files: string[]): ManifestDoc[] {
  const docs: ManifestDoc[] = []
  for (const f of files) {
    if (f === '-') {
      docs.push(...parseManifests(ctx.io.stdin ?? '', ctx.io.stdinName ?? 'STDIN'))
      continue
    }
    if (/^https?:\/\//.test(f)) {
      throw new KubectlError(`error: unable to read URL "${f}", server reported offline: the playground has no network; paste the manifest instead`)
    }
    if (!ctx.io.readFile) throw new KubectlError(`error: the path "${f}" does not exist`)
    for (const file of ctx.io.readFile(f)) docs.push(...parseManifests(file.text, file.path))
  }
  return docs
}

/** Like readManifestSources, but each stream keeps the documents before its first bad one. */
export function readManifestStreams(ctx: KubectlContext, files: string[]): { docs: ManifestDoc[]; errors: ManifestError[] } {
  const docs: ManifestDoc[] = []
  const errors: ManifestError[] = []
  const take = (text: string, source: string) => {
    const r = readManifestStream(text, source)
    docs.push(...r.docs)
    if (r.error) errors.push(r.error)
  }
  for (const f of files) {
    if (f === '-') take(ctx.io.stdin ?? '', ctx.io.stdinName ?? 'STDIN')
    else if (/^https?:\/\//.test(f) || !ctx.io.readFile) readManifestSources(ctx, [f])
    else for (const file of ctx.io.readFile(f)) take(file.text, file.path)
  }
  return { docs, errors }
}
