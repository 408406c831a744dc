import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function rolledTwice() {
  const c = createCluster({ seed: 2, workers: 1 })
  c.kubectl('create deployment web --image=nginx:1.25')
  c.advance('20s')
  c.kubectl(['annotate', 'deployment', 'web', 'kubernetes.io/change-cause=first image'])
  c.kubectl('set image deployment/web nginx=nginx:1.26')
  c.advance('30s')
  c.kubectl('set image deployment/web nginx=nginx:1.27')
  c.advance('30s')
  return c
}

describe('kubectl rollout history and the deployment it describes', () => {
  it("shows a revision's change-cause among its template's annotations, and undo still finds that template", () => {
    const c = rolledTwice()
    const rev2 = c.kubectl('rollout history deployment/web --revision=2').stdout
    expect(rev2).toContain('  Labels:\tapp=web\n\tpod-template-hash=')
    expect(rev2).toContain('\n  Annotations:\tkubernetes.io/change-cause: first image\n  Containers:\n')
    expect(c.kubectl('rollout history deployment/web --revision=1').stdout).not.toContain('Annotations')
    const rsBefore = c.kubectl('get rs --no-headers').stdout.split('\n').filter(Boolean).length
    c.kubectl('rollout undo deployment/web --to-revision=2')
    c.advance('30s')
    // The old ReplicaSet is scaled back up; no new one is made.
    expect(c.kubectl('get rs --no-headers').stdout.split('\n').filter(Boolean).length).toBe(rsBefore)
  })

  it('prints the revision objects with -o, without the zero minReadySeconds the API never sends', () => {
    const c = rolledTwice()
    const yaml = c.kubectl('rollout history deployment/web --revision=1 -o yaml').stdout
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: ReplicaSet\n/)
    expect(yaml).not.toContain('minReadySeconds')
    expect(yaml).not.toContain('managedFields')
    expect(c.kubectl('rollout history deployment/web -o name').stdout.split('\n').filter(Boolean)).toHaveLength(3)
    expect(c.kubectl('rollout history deployment/web --revision=7 -o yaml').stderr).toBe('error: unable to find the specified revision\n')
  })

  it('describes old ReplicaSets oldest first and names every argument of an unknown sub-command', () => {
    const c = rolledTwice()
    const names = c
      .kubectl('get rs --sort-by=.metadata.creationTimestamp --no-headers')
      .stdout.split('\n')
      .filter(Boolean)
      .map((l) => l.split(' ')[0])
    expect(c.kubectl('describe deployment web').stdout).toContain(`OldReplicaSets:  ${names[0]} (0/0 replicas created), ${names[1]} (0/0 replicas created)\n`)
    expect(c.kubectl('rollout frob deployment/web').stderr).toBe('error: unknown command "frob deployment/web"\nSee \'kubectl rollout -h\' for help and examples\n')
  })
})
