// What -o jsonpath and the generic printers show a learner (checked against kubectl v1.31.9
// by conformance scripts 50 and 51).
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('kubectl get -o jsonpath', () => {
  it('prints fields of one object, and of the List kubectl builds for several', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('20s')
    expect(c.kubectl(`get deploy web -o jsonpath='{.spec.replicas}{"\\n"}'`).stdout).toBe('2\n')
    expect(c.kubectl(`get deploy -o jsonpath='{.items[*].metadata.name} {.kind}'`).stdout).toBe('web List')
    const pods = c.kubectl(`get pods -o jsonpath='{range .items[*]}{.status.phase}{"\\n"}{end}'`)
    expect(pods.stdout).toBe('Running\nRunning\n')
  })

  it('reports a template that does not parse, and a missing key only when asked to', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl(`get deploy web -o jsonpath='{.spec'`)).toMatchObject({ stderr: 'error: error parsing jsonpath {.spec, unclosed action\n', exitCode: 1 })
    expect(c.kubectl(`get deploy web -o jsonpath='{.nope}'`)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
    const strict = c.kubectl(`get deploy web -o jsonpath='{.nope}' --allow-missing-template-keys=false`)
    expect(strict.stderr).toMatch(/^error: error executing jsonpath "\{\.nope\}": Error executing template: nope is not found\. /)
    expect(strict.exitCode).toBe(1)
  })

  it('prints an empty List, without "No resources found", for -o yaml of nothing', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl('get secrets -o yaml')).toEqual({
      stdout: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
      stderr: '',
      exitCode: 0,
    })
  })
})

describe('kubectl get -o custom-columns', () => {
  it('prints the chosen fields as a table, <none> where a field is missing', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx --replicas=2')
    c.advance('20s')
    expect(c.kubectl('get deploy -o custom-columns=NAME:.metadata.name,READY:.status.readyReplicas,PAUSED:.spec.paused').stdout).toBe(
      'NAME   READY   PAUSED\nweb    2       <none>\n',
    )
    expect(c.kubectl('get deploy -o custom-columns=NAME')).toMatchObject({ stderr: 'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n', exitCode: 1 })
  })
})

describe('-o jsonpath on verbs that print the object', () => {
  it('prints the template for run and scale, and a bad template changes nothing', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    expect(c.kubectl(`run web --image=nginx -o jsonpath='{.spec.containers[0].image}'`).stdout).toBe('nginx')
    expect(c.kubectl(`run bad --image=nginx -o jsonpath='{.spec'`).stderr).toBe('error: error parsing jsonpath {.spec, unclosed action\n')
    expect(c.kubectl('get pod bad').exitCode).toBe(1)
    c.kubectl('create deployment d --image=nginx')
    expect(c.kubectl(`scale deploy d --replicas=3 -o jsonpath='{.metadata.name}'`).stdout).toBe('d')
  })
})
