/** -f arguments: files, folders of manifests, `-` for standard input; URLs only in the browser. */

import { KubectlError, type KubectlContext } from '../context'
import { parseManifests, type ManifestDoc } from '../manifests'

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
