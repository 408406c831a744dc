/**
 * The pod template block that `rollout history --revision=N` and `rollout undo --dry-run`
 * print (describe.DescribePodTemplate): labels, annotations, containers, volumes,
 * node selectors and tolerations. kubectl writes it through a bare PrefixWriter with no
 * tabwriter behind it (history.go printTemplate), so the tabs reach the terminal as they are.
 */

interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: { containerPort?: number; hostPort?: number; protocol?: string }[]
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> }
  env?: { name: string; value?: string; valueFrom?: unknown }[]
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[]
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
  spec?: {
    serviceAccountName?: string
    initContainers?: Container[]
    containers?: Container[]
    volumes?: ({ name: string } & Record<string, unknown>)[]
    priorityClassName?: string
    nodeSelector?: Record<string, string>
    tolerations?: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }[]
  }
}

const indent = (level: number) => '  '.repeat(level)

function multiline(lines: string[], title: string, map: Record<string, string> | undefined): void {
  const keys = Object.keys(map ?? {}).sort()
  if (!keys.length) {
    lines.push(`${title}:\t<none>`)
    return
  }
  keys.forEach((k, i) => lines.push(`${i === 0 ? `${title}:` : ''}\t${k}=${map![k]}`))
}

function containers(lines: string[], label: string, list: Container[]): void {
  lines.push(`  ${label}:${list.length ? '' : ' <none>'}`)
  for (const c of list) {
    lines.push(`${indent(1)} ${c.name}:`)
    lines.push(`${indent(2)}Image:\t${c.image ?? ''}`)
    const ports = (c.ports ?? []).map((p) => `${p.containerPort ?? 0}/${p.protocol ?? 'TCP'}`)
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
    lines.push(ports.length > 1 ? `${indent(2)}Ports:\t${ports.join(', ')}` : `${indent(2)}Port:\t${ports[0] ?? '<none>'}`)
    lines.push(hostPorts.length > 1 ? `${indent(2)}Host Ports:\t${hostPorts.join(', ')}` : `${indent(2)}Host Port:\t${hostPorts[0] ?? '<none>'}`)
    for (const [title, words] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!words?.length) continue
      lines.push(`${indent(2)}${title}:`)
      for (const w of words) for (const part of w.split('\n')) lines.push(`${indent(3)}${part}`)
    }
    for (const [title, q] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
      const names = Object.keys(q ?? {}).sort()
      if (!names.length) continue
      lines.push(`${indent(2)}${title}:`)
      for (const n of names) lines.push(`${indent(3)}${n}:\t${q![n]}`)
    }
    const env = c.env ?? []
    lines.push(`${indent(2)}Environment:${env.length ? '' : '\t<none>'}`)
    for (const e of env) lines.push(`${indent(3)}${e.name}:\t${e.value ?? ''}`)
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))
    lines.push(`${indent(2)}Mounts:${mounts.length ? '' : '\t<none>'}`)
    for (const m of mounts) {
      const fl = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])]
      lines.push(`${indent(3)}${m.mountPath} from ${m.name} (${fl.join(',')})`)
    }
  }
}

function volumes(lines: string[], list: NonNullable<PodTemplate['spec']>['volumes']): void {
  if (!list?.length) {
    lines.push('  Volumes:\t<none>')
    return
  }
  lines.push('  Volumes:')
  for (const v of list) {
    lines.push(`${indent(1)} ${v.name}:`)
    if (v.emptyDir) {
      const ed = v.emptyDir as { medium?: string; sizeLimit?: string }
      lines.push(`${indent(2)}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)`)
      lines.push(`${indent(2)}Medium:\t${ed.medium ?? ''}`)
      lines.push(`${indent(2)}SizeLimit:\t${ed.sizeLimit ?? '<unset>'}`)
    } else if (v.configMap) {
      const cm = v.configMap as { name?: string; optional?: boolean }
      lines.push(`${indent(2)}Type:\tConfigMap (a volume populated by a ConfigMap)`)
      lines.push(`${indent(2)}Name:\t${cm.name ?? ''}`)
      lines.push(`${indent(2)}Optional:\t${cm.optional ? 'true' : 'false'}`)
    } else if (v.secret) {
      const s = v.secret as { secretName?: string; optional?: boolean }
      lines.push(`${indent(2)}Type:\tSecret (a volume populated by a Secret)`)
      lines.push(`${indent(2)}SecretName:\t${s.secretName ?? ''}`)
      lines.push(`${indent(2)}Optional:\t${s.optional ? 'true' : 'false'}`)
    } else if (v.persistentVolumeClaim) {
      const p = v.persistentVolumeClaim as { claimName?: string; readOnly?: boolean }
      lines.push(`${indent(2)}Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)`)
      lines.push(`${indent(2)}ClaimName:\t${p.claimName ?? ''}`)
      lines.push(`${indent(2)}ReadOnly:\t${p.readOnly ? 'true' : 'false'}`)
    }
  }
}

export function describePodTemplate(t: PodTemplate): string {
  const lines: string[] = ['Pod Template:']
  multiline(lines, '  Labels', t.metadata?.labels)
  if (Object.keys(t.metadata?.annotations ?? {}).length) multiline(lines, '  Annotations', t.metadata?.annotations)
  const spec = t.spec ?? {}
  if (spec.serviceAccountName) lines.push(`  Service Account:\t${spec.serviceAccountName}`)
  if (spec.initContainers?.length) containers(lines, 'Init Containers', spec.initContainers)
  containers(lines, 'Containers', spec.containers ?? [])
  volumes(lines, spec.volumes)
  if (spec.priorityClassName) lines.push(`  Priority Class Name:\t${spec.priorityClassName}`)
  multiline(lines, '  Node-Selectors', spec.nodeSelector)
  const tols = [...(spec.tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1))
  if (!tols.length) lines.push('  Tolerations:\t<none>')
  tols.forEach((tol, i) => {
    let s = tol.key ?? ''
    if (tol.value) s += `=${tol.value}`
    if (tol.effect) s += `:${tol.effect}`
    if (tol.operator === 'Exists' && !tol.value) s += tol.key || tol.effect ? ' op=Exists' : 'op=Exists'
    if (tol.tolerationSeconds !== undefined) s += ` for ${tol.tolerationSeconds}s`
    lines.push(`${i === 0 ? '  Tolerations:' : ''}\t${s}`)
  })
  return `${lines.join('\n')}\n`
}
