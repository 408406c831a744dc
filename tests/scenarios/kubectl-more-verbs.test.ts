/**
 * label, annotate, taint, cordon, run, expose, api-resources and version as a learner uses
 * them; the byte-for-byte comparison with kubectl 1.31.9 is in tests/conformance (18-26),
 * these hold when the real binary is not installed.
 */

import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('kubectl verbs that edit metadata and nodes', () => {
  it('labels and annotates, refusing to overwrite without --overwrite', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl('label deployment web tier=front').stdout).toBe('deployment.apps/web labeled\n')
    const clash = c.kubectl('label deployment web tier=back')
    expect(clash.stderr).toBe("error: 'tier' already has a value (front), and --overwrite is false\n")
    expect(clash.exitCode).toBe(1)
    expect(c.kubectl('label deployment web tier-').stdout).toBe('deployment.apps/web unlabeled\n')
    expect(c.kubectl('label deployment web tier-').stdout).toBe('label "tier" not found.\ndeployment.apps/web not labeled\n')
    expect(c.kubectl('annotate deployment web owner=alice').stdout).toBe('deployment.apps/web annotated\n')
    expect(c.kubectl('annotate deployment web owner=bob').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)\n",
    )
  })

  it('taints and cordons a node through the API, so the scheduler sees it', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    const node = c.kubectl('get nodes -o name').stdout.trim().split('\n').pop()!.split('/')[1]!
    expect(c.kubectl(`taint nodes ${node} dedicated=gpu:NoSchedule`).stdout).toBe(`node/${node} tainted\n`)
    expect(c.kubectl(`taint nodes ${node} dedicated=gpu:NoSchedule`).stderr).toBe(
      `error: node ${node} already has dedicated taint(s) with same effect(s) and --overwrite is false\n`,
    )
    expect(c.kubectl(`taint nodes ${node} dedicated-`).stdout).toBe(`node/${node} untainted\n`)
    expect(c.kubectl(`cordon ${node}`).stdout).toBe(`node/${node} cordoned\n`)
    expect(c.kubectl(`cordon ${node}`).stdout).toBe(`node/${node} already cordoned\n`)
    expect(c.kubectl(`get node ${node}`).stdout).toContain('Ready,SchedulingDisabled')
    c.kubectl('run waiting --image=nginx')
    c.advance('10s')
    expect(c.kubectl('get pod waiting --no-headers').stdout).toMatch(/^waiting +0\/1 +Pending /)
    expect(c.kubectl(`uncordon ${node}`).stdout).toBe(`node/${node} uncordoned\n`)
  })
})

describe('kubectl run and expose', () => {
  it('runs a pod and exposes it as a Service on its container port', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    expect(c.kubectl('run web --image=nginx --port=80').stdout).toBe('pod/web created\n')
    expect(c.kubectl('expose pod web').stdout).toBe('service/web exposed\n')
    expect(c.kubectl('get svc web -o yaml').stdout).toContain('  - port: 80\n    protocol: TCP\n    targetPort: 80\n')
    expect(c.kubectl('run bare --image=nginx').exitCode).toBe(0)
    expect(c.kubectl('expose pod bare').stderr).toBe("error: couldn't find port via --port flag or introspection\n")
    const dry = c.kubectl('run x --image=busybox --restart=Never --dry-run=client -o yaml -- sleep 5').stdout
    expect(dry).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: x\n  name: x\nspec:\n  containers:\n  - args:\n    - sleep\n    - "5"\n    image: busybox\n    name: x\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    )
  })
})

describe('kubectl discovery verbs', () => {
  it('lists resources from discovery and prints the v1.31.9 versions', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    const apps = c.kubectl('api-resources --api-group=apps -o name').stdout
    expect(apps).toBe('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n')
    expect(c.kubectl('api-versions').stdout).toContain('apps/v1\n')
    expect(c.kubectl('version').stdout).toBe('Client Version: v1.31.9\nKustomize Version: v5.4.2\nServer Version: v1.31.9\n')
  })
})
