import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function rsRows(c: ReturnType<typeof createCluster>): string[] {
  return c.kubectl('get rs --no-headers').stdout.trim().split('\n')
}

function settled(replicas = 4) {
  const c = createCluster({ seed: 3 })
  c.kubectl(`create deployment web --image=nginx --replicas=${replicas}`)
  c.advance('30s')
  return c
}

describe('Deployment RollingUpdate (maxSurge 25% up, maxUnavailable 25% down)', { timeout: 30_000 }, () => {
  it('surges one new pod, drops one old, then waits for availability', () => {
    const c = settled()
    const oldRS = rsRows(c)[0]!.split(/\s+/)[0]!
    expect(c.kubectl('set image deployment/web nginx=nginx:1.27').stdout).toBe('deployment.apps/web image updated\n')
    c.advance('5ms')
    // 4 replicas: 5 pods at most, 3 available at least; the new pods are not ready yet.
    const rows = rsRows(c)
    const newRS = rows.map((r) => r.split(/\s+/)[0]!).find((n) => n !== oldRS)!
    expect(rows.find((r) => r.startsWith(`${oldRS} `))).toMatch(new RegExp(`^${oldRS} +3 +3 +3 `))
    expect(rows.find((r) => r.startsWith(`${newRS} `))).toMatch(new RegExp(`^${newRS} +2 +2 +0 `))
    c.advance('30s')
    const messages = c.api
      .list(c.api.registry.lookup('events')!, { namespace: 'default' })
      .items.filter((e) => (e.involvedObject as { kind: string }).kind === 'Deployment')
      .map((e) => e.message as string)
    expect(messages).toEqual([
      `Scaled up replica set ${oldRS} to 4`,
      `Scaled up replica set ${newRS} to 1`,
      `Scaled down replica set ${oldRS} to 3 from 4`,
      `Scaled up replica set ${newRS} to 2 from 1`,
      `Scaled down replica set ${oldRS} to 2 from 3`,
      `Scaled up replica set ${newRS} to 3 from 2`,
      `Scaled down replica set ${oldRS} to 1 from 2`,
      `Scaled up replica set ${newRS} to 4 from 3`,
      `Scaled down replica set ${oldRS} to 0 from 1`,
    ])
    expect(rsRows(c).find((r) => r.startsWith(`${newRS} `))).toMatch(/ +4 +4 +4 /)
  })

  it('rollout status prints each observed change and ends with success', () => {
    const c = settled()
    c.kubectl('set image deployment/web nginx=nginx:1.27')
    const t0 = c.now()
    const r = c.kubectl('rollout status deployment/web')
    expect(r.exitCode).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toBe('Waiting for deployment spec update to be observed...')
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...')
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...')
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out')
    // The clock moved while it waited, as a terminal's would.
    expect(c.now() - t0).toBeGreaterThan(2000)
    // Already done: one line, at once.
    expect(c.kubectl('rollout status deploy/web').stdout).toBe('deployment "web" successfully rolled out\n')
  })

  it('history, history --revision, undo and undo --to-revision', () => {
    const c = settled()
    c.kubectl('set image deployment/web nginx=nginx:1.27')
    c.advance('30s')
    expect(c.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    const rev2 = c.kubectl('rollout history deployment/web --revision=2').stdout
    expect(rev2.startsWith('deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=')).toBe(true)
    expect(rev2).toContain('    Image:\tnginx:1.27\n')
    expect(c.kubectl('rollout history deployment/web --revision=5').stderr).toBe('error: unable to find the specified revision\n')
    expect(c.kubectl('rollout undo deployment/web --to-revision=7')).toMatchObject({ stderr: 'error: unable to find specified revision 7 in history\n', exitCode: 1 })
    expect(c.kubectl('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n')
    c.advance('30s')
    // Revision 1 came back as revision 3.
    expect(c.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
    const d = c.api.get(c.api.registry.lookup('deployments')!, 'default', 'web')
    expect((d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image).toBe('nginx')
    expect(c.kubectl('rollout undo deployment/web --to-revision=3').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n')
  })

  it('pause, resume and restart', () => {
    const c = settled(2)
    expect(c.kubectl('rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n')
    expect(c.kubectl('rollout pause deployment/web')).toMatchObject({ stderr: 'error: deployments.apps "web" is already paused\n', exitCode: 1 })
    c.kubectl('set image deployment/web nginx=nginx:1.27')
    c.advance('20s')
    // Paused: the new template is not rolled out.
    expect(rsRows(c)).toHaveLength(1)
    expect(c.kubectl('rollout restart deployment/web').stderr).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`)
    // kubectl looks for the previous revision before it checks for a pause.
    expect(c.kubectl('rollout undo deployment/web').stderr).toBe('error: no rollout history found for deployment "web"\n')
    expect(c.kubectl('rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n')
    expect(c.kubectl('rollout resume deployment/web').stderr).toBe('error: deployments.apps "web" is not paused\n')
    c.advance('30s')
    expect(rsRows(c)).toHaveLength(2)
    c.kubectl('rollout pause deployment/web')
    expect(c.kubectl('rollout undo deployment/web').stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n")
    c.kubectl('rollout resume deployment/web')
    expect(c.kubectl('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n')
    const d = c.api.get(c.api.registry.lookup('deployments')!, 'default', 'web')
    expect((d.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2025-01-01T00:01:20Z')
    c.advance('30s')
    expect(rsRows(c)).toHaveLength(3)
  })

  it('a stuck rollout ends with ProgressDeadlineExceeded and rollout status fails', () => {
    const c = settled(2)
    const d = c.api.get(c.api.registry.lookup('deployments')!, 'default', 'web')
    ;(d.spec as { progressDeadlineSeconds: number }).progressDeadlineSeconds = 60
    c.api.update(c.api.registry.lookup('deployments')!, d)
    c.kubectl('set image deployment/web nginx=ngnix')
    const r = c.kubectl('rollout status deployment/web --timeout=10s')
    expect(r).toMatchObject({ stderr: 'error: timed out waiting for the condition\n', exitCode: 1 })
    const r2 = c.kubectl('rollout status deployment/web')
    expect(r2).toMatchObject({ stderr: 'error: deployment "web" exceeded its progress deadline\n', exitCode: 1 })
    const p = (c.api.get(c.api.registry.lookup('deployments')!, 'default', 'web').status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions.find((x) => x.type === 'Progressing')!
    expect(p).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' })
    expect(p.message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/)
  })

  it('scaling mid-rollout resizes the ReplicaSets in proportion', () => {
    const c = settled(10)
    c.kubectl('set image deployment/web nginx=ngnix')
    c.advance('20s')
    // Stuck: the new ReplicaSet has 5 (surge 3 + unavailable 2), the old one 8.
    expect(rsRows(c).map((r) => r.split(/\s+/)[1]).sort()).toEqual(['5', '8'])
    c.kubectl('scale deployment web --replicas=20')
    c.advance('2s')
    // 25 allowed: 5 x 25/13 -> 10, 8 x 25/13 -> 15.
    expect(rsRows(c).map((r) => r.split(/\s+/)[1]).sort()).toEqual(['10', '15'])
  })

  it('CHANGE-CAUSE comes from the kubernetes.io/change-cause annotation', () => {
    const c = settled(2)
    const t = c.api.registry.lookup('deployments')!
    const d = c.api.get(t, 'default', 'web')
    d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'image 1.27 for the CVE fix' }
    ;(d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'nginx:1.27'
    c.api.update(t, d)
    c.advance('30s')
    expect(c.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.27 for the CVE fix\n\n')
  })

  it('Recreate stops every old pod before starting new ones; revisionHistoryLimit trims old ReplicaSets', () => {
    const c = createCluster({ seed: 3 })
    c.apply(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  revisionHistoryLimit: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`)
    c.advance('30s')
    c.kubectl('set image deployment/web nginx=nginx:1.26')
    c.advance('100ms')
    const pods = c.kubectl('get pods --no-headers').stdout.trim().split('\n')
    expect(pods).toHaveLength(3)
    expect(pods.every((l) => / Terminating /.test(l))).toBe(true)
    c.advance('30s')
    c.kubectl('set image deployment/web nginx=nginx:1.27')
    c.advance('30s')
    // Revision 1 went: only one old ReplicaSet is kept.
    expect(rsRows(c)).toHaveLength(2)
    expect(c.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
  })

  it('answers usage mistakes in kubectl v1.31.9 words', () => {
    const c = createCluster({ seed: 3 })
    expect(c.kubectl('rollout foo')).toMatchObject({ stderr: `error: unknown command "foo"\nSee 'kubectl rollout -h' for help and examples\n`, exitCode: 1 })
    expect(c.kubectl('rollout status')).toMatchObject({ stderr: 'error: required resource not specified\n', exitCode: 1 })
    expect(c.kubectl('rollout status deploy/web --revision=-1').stderr).toBe('error: revision must be a positive integer: -1\n')
    expect(c.kubectl('set image').stderr.split('\n')[0]).toBe('error: You must provide one or more resources by argument or filename.')
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl('set image deployment/web').stderr).toBe('error: at least one image update is required\n')
    expect(c.kubectl('set image deployment/web redis=redis').stderr).toBe('error: unable to find container named "redis"\n')
    // The same image again is an empty patch: nothing is printed.
    expect(c.kubectl('set image deployment/web nginx=nginx')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
  })
})
