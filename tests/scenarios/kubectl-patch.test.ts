// kubectl patch as a learner sees it (checked against kubectl v1.31.9 by conformance script 54).
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('kubectl patch', () => {
  it('patches with each patch type, and says when nothing changed', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl(`patch deployment web -p '{"spec":{"replicas":3}}'`).stdout).toBe('deployment.apps/web patched\n')
    expect(c.kubectl(`patch deployment web -p '{"spec":{"replicas":3}}'`).stdout).toBe('deployment.apps/web patched (no change)\n')
    expect(c.kubectl(`patch deploy web --type=merge -p '{"metadata":{"labels":{"tier":"front"}}}'`).exitCode).toBe(0)
    expect(c.kubectl(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`).exitCode).toBe(0)
    expect(c.kubectl(`patch deploy web -p 'spec: {minReadySeconds: 5}'`).exitCode).toBe(0)
    expect(c.kubectl(`get deploy web -o jsonpath='{.spec.replicas} {.spec.minReadySeconds} {.metadata.labels.tier}'`).stdout).toBe('1 5 front')
  })

  it('patches the scale subresource, and only pretends with --dry-run', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl(`patch deploy web --subresource=scale -p '{"spec":{"replicas":2}}'`).stdout).toBe('scale.autoscaling/web patched\n')
    expect(c.kubectl(`patch deploy web -p '{"spec":{"replicas":4}}' --dry-run=client -o jsonpath='{.spec.replicas}'`).stdout).toBe('4')
    expect(c.kubectl(`patch deploy web -p '{"spec":{"replicas":4}}' --dry-run=server`).stdout).toBe('deployment.apps/web patched\n')
    expect(c.kubectl(`get deploy web -o jsonpath='{.spec.replicas}'`).stdout).toBe('2')
  })

  it('reports bad patches and bad flags in kubectl words', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl(`patch deploy web -p '{"spec":'`).stderr).toBe('Error from server (BadRequest): unexpected end of JSON input\n')
    expect(c.kubectl(`patch deploy web -p 'spec: [a'`).stderr).toBe(`error: unable to parse "spec: [a": yaml: line 1: did not find expected ',' or ']'\n`)
    expect(c.kubectl(`patch deploy web --type=bogus -p '{}'`).stderr).toBe('error: --type must be one of [json merge strategic], not "bogus"\n')
    expect(c.kubectl(`patch deploy web -p '{"spec":{"replicas":-1}}'`).stderr).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    )
    expect(c.kubectl('patch deploy web').stderr).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n')
  })
})
