import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

type Cluster = ReturnType<typeof createCluster>

const DS = (strategy = '', limit = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
${limit}  selector:
    matchLabels:
      app: agent
${strategy}  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sleep", "3600"]
`

const SURGE = `  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
`

function images(c: Cluster): string {
  const list = JSON.parse(c.kubectl('get pods -l app=agent -o json').stdout) as { items: { spec: { containers: { image: string }[] } }[] }
  return list.items.map((p) => p.spec.containers[0]!.image).join(' ')
}

function rows(c: Cluster, what: string): string[][] {
  const out = c.kubectl(`get ${what} --no-headers`).stdout.trim()
  return out ? out.split('\n').map((l) => l.split(/\s+/)) : []
}

describe('DaemonSet ControllerRevisions', { timeout: 30_000 }, () => {
  it('records each template as <ds>-<hash>, labels the pods with the hash, and rolls back', () => {
    const c = createCluster({ seed: 3, workers: 2 })
    c.apply(DS())
    c.advance('30s')
    const first = rows(c, 'controllerrevisions')
    expect(first).toHaveLength(1)
    const [name, controller, revision] = first[0]!
    expect(controller).toBe('daemonset.apps/agent')
    expect(revision).toBe('1')
    const hash = name!.slice('agent-'.length)
    const pods = c.kubectl('get pods -l app=agent -L controller-revision-hash --no-headers').stdout.trim().split('\n')
    expect(pods).toHaveLength(2)
    for (const p of pods) expect(p.trim().endsWith(` ${hash}`)).toBe(true)

    c.kubectl('set image ds/agent agent=busybox:1.37')
    c.advance('3m')
    expect(rows(c, 'controllerrevisions').map((r) => r[2]).sort()).toEqual(['1', '2'])
    expect(c.kubectl('rollout history daemonset/agent').stdout).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    expect(c.kubectl('rollout history daemonset/agent --revision=1').stdout).toContain('    Image:\tbusybox:1.36\n')
    expect(images(c)).toBe('busybox:1.37 busybox:1.37')

    // Undo: the revision-1 template becomes current again and is renumbered 3.
    expect(c.kubectl('rollout undo daemonset/agent').stdout).toBe('daemonset.apps/agent rolled back\n')
    c.advance('3m')
    const after = rows(c, 'controllerrevisions')
    expect(after.find((r) => r[0] === name)?.[2]).toBe('3')
    expect(images(c)).toBe('busybox:1.36 busybox:1.36')
    expect(c.kubectl('rollout undo ds/agent --to-revision=3').stdout).toBe('daemonset.apps/agent skipped rollback (current template already matches revision 3)\n')
    const r = c.kubectl('rollout undo ds/agent --to-revision=9')
    expect(r.stderr).toBe('error: unable to find specified revision 9 in history\n')
    expect(c.kubectl('rollout status ds/agent').stdout).toBe('daemon set "agent" successfully rolled out\n')
  })

  it('keeps at most revisionHistoryLimit old revisions', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.apply(DS('', '  revisionHistoryLimit: 1\n'))
    c.advance('20s')
    for (const tag of ['1.35', '1.34', '1.33']) {
      c.kubectl(`set image ds/agent agent=busybox:${tag}`)
      c.advance('90s')
    }
    expect(rows(c, 'controllerrevisions').map((r) => r[2]).sort()).toEqual(['3', '4'])
    expect(c.kubectl('rollout history ds/agent').stdout).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n\n')
  })
})

describe('DaemonSet RollingUpdate with maxSurge', { timeout: 30_000 }, () => {
  it('starts the new pod beside the old one and removes the old one once the new is available', () => {
    const c = createCluster({ seed: 5, workers: 3 })
    c.apply(DS(SURGE))
    c.advance('30s')
    expect(rows(c, 'ds agent')[0]!.slice(1, 6)).toEqual(['3', '3', '3', '3', '3'])
    c.kubectl('set image ds/agent agent=busybox:1.37')
    c.advance('50ms')
    // maxSurge 1: one node runs two pods for a while; no old pod has gone yet.
    const during = rows(c, 'pods -l app=agent -o wide')
    expect(during).toHaveLength(4)
    expect(during.filter((r) => r[2] === 'Running')).toHaveLength(3)
    const nodes = during.map((r) => r[6])
    expect(new Set(nodes).size).toBe(3)
    // The ready count never drops below 3 during the rollout.
    for (let i = 0; i < 60; i++) {
      c.advance('1s')
      expect(Number(rows(c, 'ds agent')[0]![3])).toBeGreaterThanOrEqual(3)
    }
    c.advance('2m')
    expect(images(c).split(' ')).toEqual(['busybox:1.37', 'busybox:1.37', 'busybox:1.37'])
  })

  it('rejects maxSurge together with maxUnavailable, and both zero', () => {
    const c = createCluster({ seed: 5, workers: 1 })
    const both = c.kubectl('apply -f -', { stdin: DS(SURGE.replace('maxUnavailable: 0', 'maxUnavailable: 1')) })
    expect(both.stderr).toBe('The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero\n')
    const none = c.kubectl('apply -f -', { stdin: DS(SURGE.replace('maxSurge: 1', 'maxSurge: 0')) })
    expect(none.stderr).toBe('The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0\n')
  })
})
