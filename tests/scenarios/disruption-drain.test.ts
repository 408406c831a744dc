// PodDisruptionBudgets as a learner meets them: the budget's status from the disruption
// controller, the Eviction API refusing with 429, and kubectl drain cordoning, evicting and
// retrying (texts checked against kubectl v1.31.9 in conformance scripts 64-66).
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const pdb = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
${spec}
  selector:
    matchLabels:
      app: web
`

function webCluster(replicas = 3) {
  const c = createCluster({ seed: 7 })
  c.kubectl(`create deployment web --image=nginx --replicas=${replicas}`)
  c.advance('30s')
  return c
}

function podOn(c: ReturnType<typeof createCluster>, node: string): string {
  const out = c.kubectl(`get pods -l app=web --field-selector spec.nodeName=${node} -o name`).stdout.trim()
  return out.replace('pod/', '')
}

describe('PodDisruptionBudget status', () => {
  it('counts healthy pods against minAvailable and maxUnavailable (int or percent of the scale)', () => {
    const c = webCluster()
    c.apply(pdb('  minAvailable: 2'))
    c.advance('1s')
    expect(c.kubectl('get pdb').stdout).toBe('NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    2               N/A               1                     1s\n')
    c.apply(pdb('  maxUnavailable: 50%'))
    c.advance('1s')
    const y = c.kubectl('get pdb web -o yaml').stdout
    expect(y).toContain('  currentHealthy: 3\n  desiredHealthy: 1\n  disruptionsAllowed: 2\n  expectedPods: 3\n  observedGeneration: 2\n')
    expect(y).toContain('    reason: SufficientPods\n    status: "True"\n    type: DisruptionAllowed\n')
  })

  it('allows nothing while a pod is not ready, and says so in its condition', () => {
    const c = webCluster()
    c.apply(pdb('  minAvailable: 3'))
    c.advance('1s')
    expect(c.kubectl('get pdb web -o yaml').stdout).toContain('    reason: InsufficientPods\n    status: "False"\n')
    c.kubectl('scale deployment web --replicas=4')
    c.advance('1s')
    expect(c.kubectl('describe pdb web').stdout).toContain('    Allowed disruptions:  0\n    Current:              3\n    Desired:              3\n    Total:                4\n')
  })

  it('rejects a budget with both minAvailable and maxUnavailable, or a bad percent', () => {
    const c = createCluster({ seed: 7 })
    const r = c.kubectl(['create', '-f', '-'], { stdin: pdb('  minAvailable: 150%') })
    expect(r.stderr).toContain('spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%')
  })
})

describe('the Eviction API and kubectl drain', () => {
  it('refuses an eviction the budget cannot afford, and drain retries every 5s until --timeout', () => {
    const c = webCluster()
    c.apply(pdb('  minAvailable: 3'))
    c.advance('1s')
    const pod = podOn(c, 'node-2')
    const r = c.kubectl('drain node-2 --ignore-daemonsets --pod-selector=app=web --timeout=12s')
    expect(r.stdout).toBe(`node/node-2 cordoned\n${`evicting pod default/${pod}\n`.repeat(4)}`)
    const retry = `error when evicting pods/"${pod}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`
    expect(r.stderr).toBe(
      retry.repeat(3) +
        `There are pending pods in node "node-2" when an error occurred: error when evicting pods/"${pod}" -n "default": global timeout reached: 12s\npod/${pod}\n` +
        `error: unable to drain node "node-2" due to error: error when evicting pods/"${pod}" -n "default": global timeout reached: 12s, continuing command...\n` +
        'There are pending nodes to be drained:\n node-2\n' +
        `error when evicting pods/"${pod}" -n "default": global timeout reached: 12s\n`,
    )
    expect(r.exitCode).toBe(1)
    expect(c.kubectl(`get pod ${pod} -o name`).stdout).toBe(`pod/${pod}\n`)
  })

  it('evicts when the budget allows it: DisruptionTarget on the pod, the budget decremented at once', () => {
    const c = webCluster()
    c.apply(pdb('  maxUnavailable: 1'))
    c.advance('1s')
    const pod = podOn(c, 'node-2')
    const seen: string[] = []
    c.core.store.watch('policy/poddisruptionbudgets', c.core.store.revision(), (ev) => seen.push(JSON.stringify(ev.object.status)))
    const podSeen: string[] = []
    c.core.store.watch('pods', c.core.store.revision(), (ev) => ev.object.metadata.name === pod && podSeen.push(JSON.stringify(ev.object.status)))
    const r = c.kubectl('drain node-2 --ignore-daemonsets --pod-selector=app=web')
    expect(r.stdout).toBe(`node/node-2 cordoned\nevicting pod default/${pod}\npod/${pod} evicted\nnode/node-2 drained\n`)
    expect(seen[0]).toContain(`"disruptionsAllowed":0`)
    expect(seen[0]).toContain(`"disruptedPods":{"${pod}":"2025-01-01T00:00:31Z"}`)
    expect(podSeen[0]).toContain('"type":"DisruptionTarget","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-01T00:00:31Z","reason":"EvictionByEvictionAPI","message":"Eviction API: evicting"')
  })

  it('refuses DaemonSet pods and pods without a controller unless told, and deletes with --disable-eviction', () => {
    const c = webCluster()
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  labels: {run: solo}\nspec:\n  nodeName: node-3\n  containers: [{name: c, image: nginx}]\n')
    c.advance('10s')
    const r = c.kubectl('drain node-3 --ignore-daemonsets')
    expect(r.stderr).toContain('cannot delete Pods that declare no controller (use --force to override): default/solo')
    const f = c.kubectl('drain node-3 --ignore-daemonsets --force --disable-eviction --pod-selector=run=solo')
    expect(f.stderr).toBe('Warning: deleting Pods that declare no controller: default/solo\n')
    expect(f.stdout).toBe('node/node-3 already cordoned\npod/solo deleted\nnode/node-3 drained\n')
  })
})
