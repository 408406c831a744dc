import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster'

describe('resource arguments', () => {
  it("warn when a short name could also mean another group's resource, as kubectl 1.31 does", () => {
    const c = createCluster({ seed: 1, workers: 1 })
    const warning = 'Warning: short name "ev" could also match lower priority resource events.events.k8s.io\n'
    expect(c.kubectl('get ev --field-selector type=Nope').stderr).toBe(`${warning}No resources found in default namespace.\n`)
    expect(c.kubectl('describe ev -n kube-public').stderr).toBe(`${warning}No resources found in kube-public namespace.\n`)
    // Full names and group-qualified names are not short names.
    expect(c.kubectl('get events --field-selector type=Nope').stderr).toBe('No resources found in default namespace.\n')
    expect(c.kubectl('get deploy').stderr).toBe('No resources found in default namespace.\n')
  })
})
