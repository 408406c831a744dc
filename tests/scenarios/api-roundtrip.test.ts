// `kubectl get -o yaml` output goes back through `kubectl apply -f -` without decoding errors:
// everything the cluster's components write must be a field the API knows, or a learner's
// edit-and-apply would fail with a strict decoding error they never caused.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const WORKLOADS = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: nginx}]}
  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec: {template: {spec: {restartPolicy: Never, containers: [{name: pi, image: perl, command: [perl, -e, 'print 1']}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}
`

describe('get -o yaml, then apply', () => {
  it('decodes every object the components wrote', () => {
    const c = createCluster({ seed: 3, workers: 2 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    expect(c.apply(WORKLOADS).exitCode).toBe(0)
    c.advance('2m')
    const kinds = ['deployments', 'replicasets', 'pods', 'services', 'statefulsets', 'jobs', 'persistentvolumeclaims', 'nodes', 'configmaps', 'serviceaccounts', 'events']
    let checked = 0
    for (const kind of kinds) {
      const names = c.kubectl(`get ${kind} -o name`).stdout.trim().split('\n').filter(Boolean)
      for (const ref of names) {
        const yaml = c.kubectl(`get ${ref} -o yaml`).stdout
        const r = c.kubectl('apply -f -', { stdin: yaml })
        expect(r.stderr, ref).not.toMatch(/BadRequest|unable to decode/)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(15)
  })
})
