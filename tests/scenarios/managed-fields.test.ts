import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const web = (replicas: number, image = 'nginx:1.27', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: ${replicas}
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
        image: ${image}
${extra}`

interface Entry {
  manager: string
  operation: string
  subresource?: string
  time?: string
  fieldsV1: Record<string, unknown>
}

function deployment(c: ReturnType<typeof createCluster>): { metadata: { labels: Record<string, string> }; spec: { replicas: number } } {
  return JSON.parse(c.kubectl('get deploy web -o json').stdout)
}

function entries(c: ReturnType<typeof createCluster>, what: string): Entry[] {
  const r = c.kubectl(`get ${what} -o json --show-managed-fields`)
  return (JSON.parse(r.stdout) as { metadata: { managedFields: Entry[] } }).metadata.managedFields
}

describe('managedFields', () => {
  it('records who set what on create, hidden unless --show-managed-fields', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl('get deploy web -o yaml').stdout).not.toContain('managedFields')
    const yaml = c.kubectl('get deploy web -o yaml --show-managed-fields').stdout
    expect(yaml).toContain(`    fieldsV1:
      f:metadata:
        f:labels:
          .: {}
          f:app: {}
      f:spec:
        f:progressDeadlineSeconds: {}
        f:replicas: {}
        f:revisionHistoryLimit: {}
        f:selector: {}
        f:strategy:
          f:rollingUpdate:
            .: {}
            f:maxSurge: {}
            f:maxUnavailable: {}
          f:type: {}
        f:template:
          f:metadata:
            f:labels:
              .: {}
              f:app: {}
          f:spec:
            f:containers:
              k:{"name":"nginx"}:
                .: {}
                f:image: {}
                f:imagePullPolicy: {}
                f:name: {}
                f:resources: {}
                f:terminationMessagePath: {}
                f:terminationMessagePolicy: {}
            f:dnsPolicy: {}
            f:restartPolicy: {}
            f:schedulerName: {}
            f:securityContext: {}
            f:terminationGracePeriodSeconds: {}
    manager: kubectl-create
    operation: Update
`)
  })

  it('scale takes .spec.replicas for kubectl under the scale subresource; controllers and the kubelet own status', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    c.advance('20s')
    c.kubectl('scale deployment web --replicas=2')
    const e = entries(c, 'deploy web')
    expect(e.map((x) => `${x.manager}/${x.subresource ?? ''}`)).toEqual(['kube-controller-manager/', 'kubectl-create/', 'kube-controller-manager/status', 'kubectl/scale'])
    expect(e[3]!.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } })
    expect(JSON.stringify(e[1]!.fieldsV1)).not.toContain('f:replicas')
    const pod = JSON.parse(c.kubectl('get pods -o json --show-managed-fields').stdout).items[0]
    const managers = (pod.metadata.managedFields as Entry[]).map((x) => `${x.manager}/${x.subresource ?? ''}`)
    expect(managers).toEqual(['kube-controller-manager/', 'kubelet/status'])
    // The token volume comes from admission, after the field manager: no one owns it.
    expect(JSON.stringify(pod.metadata.managedFields)).not.toContain('kube-api-access')
  })

  it('server-side apply: conflicts in kubectl words, --force-conflicts, and fields a manager stops applying go', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl('apply --server-side -f -', { stdin: web(2) }).stdout).toBe('deployment.apps/web serverside-applied\n')
    c.kubectl('scale deployment web --replicas=4')
    const conflict = c.kubectl('apply --server-side -f -', { stdin: web(3) })
    expect(conflict.exitCode).toBe(1)
    expect(conflict.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas\nPlease review the fields above--they currently have other managers\./)
    expect(c.kubectl('apply --server-side --force-conflicts -f -', { stdin: web(3) }).stdout).toBe('deployment.apps/web serverside-applied\n')
    expect(deployment(c).spec.replicas).toBe(3)
    expect(entries(c, 'deploy web').map((x) => x.manager)).not.toContain('kubectl/scale')
    // Shared: another manager applying the same value takes nothing and conflicts with no one.
    expect(c.kubectl('apply --server-side --field-manager=team-b -f -', { stdin: web(3) }).exitCode).toBe(0)
    // A label kubectl applied and then dropped is removed; one team-b still applies stays.
    c.kubectl('apply --server-side -f -', { stdin: web(3).replace('    app: web\nspec', '    app: web\n    tier: front\nspec') })
    expect(deployment(c).metadata.labels).toEqual({ app: 'web', tier: 'front' })
    c.kubectl('apply --server-side -f -', { stdin: web(3).replace('  labels:\n    app: web\nspec', 'spec') })
    expect(deployment(c).metadata.labels).toEqual({ app: 'web' })
  })

  it('dry-run=server shows the result without storing it', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl('apply --server-side --dry-run=server -f -', { stdin: web(2) }).stdout).toBe('deployment.apps/web serverside-applied (server dry run)\n')
    expect(c.kubectl('apply --dry-run=server -f -', { stdin: web(2) }).stdout).toBe('deployment.apps/web created (server dry run)\n')
    expect(c.kubectl('get deploy web').stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n')
    expect(c.kubectl('apply --server-side --dry-run=client -f -', { stdin: web(2) }).stderr).toBe("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n")
  })

  it('moves an object from client-side to server-side apply: the last-applied fields become kubectl\'s', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('apply -f -', { stdin: web(2) })
    expect(entries(c, 'deploy web')[0]!.manager).toBe('kubectl-client-side-apply')
    expect(c.kubectl('apply --server-side -f -', { stdin: web(2) }).exitCode).toBe(0)
    const e = entries(c, 'deploy web').filter((x) => x.operation === 'Apply')
    // kubectl-last-applied changed nothing, so its entry has no time and sorts first.
    expect(e.map((x) => `${x.manager} ${x.time ?? '-'}`)).toEqual(['kubectl-last-applied -', 'kubectl 2025-01-01T00:00:00Z'])
    expect(entries(c, 'deploy web').map((x) => x.manager)).not.toContain('kubectl-client-side-apply')
  })
})
