// Preemption and PodDisruptionBudgets: the scheduler prefers the node where evicting victims
// violates no budget (pickOneNodeForPreemption's first criterion), though budgets never stop it.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const priorityClass = (name: string, value: number) => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: ${name}
value: ${value}
---
`

const pod = (name: string, node: string | undefined, pc: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  priorityClassName: ${pc}
${node ? `  nodeName: ${node}\n` : ''}  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: 1200m
---
`

const budget = (app: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: ${app}
`

function victimOf(protectedApp: string): string {
  const c = createCluster({ seed: 4, workers: 2 })
  c.apply(priorityClass('low', 100) + priorityClass('high', 1000) + pod('a', 'node-1', 'low') + pod('b', 'node-2', 'low') + budget(protectedApp))
  c.advance('20s')
  expect(c.kubectl(`get pdb ${protectedApp} -o jsonpath={.status.disruptionsAllowed}`).stdout).toBe('0')
  c.apply(pod('urgent', undefined, 'high'))
  c.advance('1s')
  return c.kubectl('get pod urgent -o jsonpath={.status.nominatedNodeName}').stdout
}

describe('preemption honours PodDisruptionBudgets where it can', () => {
  it('nominates the node whose victim no budget protects', () => {
    expect(victimOf('a')).toBe('node-2')
    expect(victimOf('b')).toBe('node-1')
  })
})
