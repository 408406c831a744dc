// kubectl wait as a learner sees it (checked against kubectl v1.31.9 by conformance script 53):
// the simulated clock moves while it waits, and it gives up at --timeout.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('kubectl wait', () => {
  it('waits for a condition, letting simulated time pass', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    const start = c.core.clock.now()
    expect(c.kubectl('wait --for=condition=Available deployment/web')).toEqual({ stdout: 'deployment.apps/web condition met\n', stderr: '', exitCode: 0 })
    expect(c.core.clock.now()).toBeGreaterThan(start)
    const pods = c.kubectl('wait --for=jsonpath={.status.phase}=Running pods -l app=web -o name')
    expect(pods.stdout.trim().split('\n')).toHaveLength(2)
  })

  it('times out with the object named, and checks once with --timeout=0', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    const start = c.core.clock.now()
    expect(c.kubectl('wait --for=condition=Ready deploy/web --timeout=5s')).toMatchObject({ stderr: 'error: timed out waiting for the condition on deployments/web\n', exitCode: 1 })
    expect(c.core.clock.now() - start).toBe(5000)
    expect(c.kubectl('wait --for=condition=Progressing=false deploy/web --timeout=0').stderr).toBe('error: condition not met for deployments/web\n')
  })

  it('waits for a deletion, and ignores objects already gone', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('run p --image=nginx')
    c.advance('10s')
    c.kubectl('delete pod p --wait=false')
    expect(c.kubectl('wait --for=delete pod/p --timeout=60s').stdout).toBe('pod/p condition met\n')
    expect(c.kubectl('wait --for=delete pod/p')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('rejects bad conditions and missing resources in kubectl words', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl('wait --for=bogus pod/x').stderr).toBe('error: unrecognized condition: "bogus"\n')
    expect(c.kubectl('wait --for=condition=Ready pods -l app=none').stderr).toBe('error: no matching resources found\n')
    expect(c.kubectl("wait --for=jsonpath='{.status.x}'= pod/x").stderr).toBe(
      "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n",
    )
  })
})
