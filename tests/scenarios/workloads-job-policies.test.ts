import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

type Cluster = ReturnType<typeof createCluster>

interface JobJSON {
  status: { conditions?: { type: string; reason?: string; message?: string }[]; failed?: number; succeeded?: number; completedIndexes?: string; failedIndexes?: string; active?: number }
}

const job = (c: Cluster, name: string) => JSON.parse(c.kubectl(`get job ${name} -o json`).stdout) as JobJSON
const conditions = (c: Cluster, name: string) => (job(c, name).status.conditions ?? []).map((x) => `${x.type}/${x.reason}: ${x.message}`)
const pods = (c: Cluster) => c.kubectl('get pods --no-headers').stdout.trim().split('\n').filter(Boolean).map((l) => l.split(/\s+/))

function manifest(name: string, spec: string, command: string): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", ${JSON.stringify(command)}]
`
}

const INDEXED = (completions: number, extra: string) => `  completions: ${completions}\n  parallelism: ${completions}\n  completionMode: Indexed\n${extra}`

describe('Job podFailurePolicy', { timeout: 30_000 }, () => {
  it('FailJob on a matching exit code fails the Job at once, through FailureTarget', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    const policy = '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        containerName: main\n        operator: In\n        values: [42]\n'
    c.apply(manifest('pfp', policy, 'sleep 2; exit 42'))
    c.advance('30s')
    const msg = /Container main for pod default\/pfp-\w+ failed with exit code 42 matching FailJob rule at index 0/
    const conds = conditions(c, 'pfp')
    expect(conds.map((x) => x.split(':')[0])).toEqual(['FailureTarget/PodFailurePolicy', 'Failed/PodFailurePolicy'])
    expect(conds[1]).toMatch(msg)
    expect(c.kubectl('get job pfp --no-headers').stdout).toMatch(/^pfp\s+Failed\s+0\/1\s/)
    expect(pods(c)).toHaveLength(1)
    expect(c.kubectl('get events --field-selector reason=PodFailurePolicy --no-headers').stdout).toMatch(msg)
  })

  it('Ignore leaves a failure uncounted: backoffLimit 0 is never reached', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    const policy = '  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n        operator: In\n        values: [3]\n'
    c.apply(manifest('ign', policy, 'sleep 2; exit 3'))
    c.advance('20s')
    expect(pods(c).length).toBeGreaterThanOrEqual(3)
    expect(job(c, 'ign').status.failed).toBeUndefined()
    expect(c.kubectl('get job ign --no-headers').stdout).toMatch(/^ign\s+Running\s/)
  })

  it('Count with NotIn: any other exit code counts towards backoffLimit', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    const policy = '  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n        operator: NotIn\n        values: [7]\n    - action: Count\n      onExitCodes:\n        operator: In\n        values: [7]\n'
    c.apply(manifest('cnt', policy, 'sleep 2; exit 7'))
    c.advance('20s')
    expect(conditions(c, 'cnt').map((x) => x.split(':')[0])).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded'])
    expect(job(c, 'cnt').status.failed).toBe(1)
  })
})

describe('Indexed Job backoffLimitPerIndex', { timeout: 30_000 }, () => {
  it('retries a failing index on its own and fails the Job with FailedIndexes', () => {
    const c = createCluster({ seed: 2, workers: 2 })
    c.apply(manifest('pi', INDEXED(4, '  backoffLimitPerIndex: 1\n'), 'sleep 2; if [ $JOB_COMPLETION_INDEX = 1 ]; then exit 1; fi'))
    c.advance('60s')
    const st = job(c, 'pi').status
    expect(st.completedIndexes).toBe('0,2-3')
    expect(st.failedIndexes).toBe('1')
    expect(st.failed).toBe(2)
    expect(conditions(c, 'pi')).toEqual(['FailureTarget/FailedIndexes: Job has failed indexes', 'Failed/FailedIndexes: Job has failed indexes'])
    expect(pods(c).filter((p) => p[0]!.startsWith('pi-1-'))).toHaveLength(2)
    const second = JSON.parse(c.kubectl('get pods -o json').stdout).items.map((p: { metadata: { annotations: Record<string, string> } }) => p.metadata.annotations)
    expect(second.map((a: Record<string, string>) => a['batch.kubernetes.io/job-index-failure-count']).sort()).toEqual(['0', '0', '0', '0', '1'])
  })

  it('MaxFailedIndexesExceeded once more indexes fail than maxFailedIndexes', () => {
    const c = createCluster({ seed: 2, workers: 2 })
    c.apply(manifest('mfi', INDEXED(4, '  backoffLimitPerIndex: 0\n  maxFailedIndexes: 1\n'), 'sleep 2; if [ $JOB_COMPLETION_INDEX -gt 1 ]; then exit 1; fi; sleep 60'))
    c.advance('20s')
    expect(conditions(c, 'mfi')[0]).toBe('FailureTarget/MaxFailedIndexesExceeded: Job has exceeded the specified maximal number of failed indexes')
    c.advance('60s')
    expect(c.kubectl('get job mfi --no-headers').stdout).toMatch(/^mfi\s+Failed\s/)
  })

  it('FailIndex fails just that index on the first matching failure', () => {
    const c = createCluster({ seed: 2, workers: 2 })
    const extra = '  backoffLimitPerIndex: 3\n  podFailurePolicy:\n    rules:\n    - action: FailIndex\n      onExitCodes:\n        operator: In\n        values: [42]\n'
    c.apply(manifest('fi', INDEXED(2, extra), 'sleep 2; if [ $JOB_COMPLETION_INDEX = 0 ]; then exit 42; fi'))
    c.advance('30s')
    expect(job(c, 'fi').status.failedIndexes).toBe('0')
    expect(job(c, 'fi').status.completedIndexes).toBe('1')
    expect(pods(c)).toHaveLength(2)
  })
})

describe('Indexed Job successPolicy', { timeout: 30_000 }, () => {
  it('meets the criteria with the listed indexes, stops the rest, then Completes with the same reason', () => {
    const c = createCluster({ seed: 2, workers: 2 })
    const extra = '  successPolicy:\n    rules:\n    - succeededIndexes: "0"\n'
    c.apply(manifest('sp', INDEXED(3, extra), 'if [ $JOB_COMPLETION_INDEX = 0 ]; then sleep 2; else sleep 600; fi'))
    c.advance('20s')
    const first = conditions(c, 'sp')[0]
    expect(first).toBe('SuccessCriteriaMet/SuccessPolicy: Matched rules at index 0')
    c.advance('60s')
    expect(conditions(c, 'sp')).toEqual(['SuccessCriteriaMet/SuccessPolicy: Matched rules at index 0', 'Complete/SuccessPolicy: Matched rules at index 0'])
    expect(c.kubectl('get job sp --no-headers').stdout).toMatch(/^sp\s+Complete\s+1\/3\s/)
  })

  it('a Job without policy completes with CompletionsReached', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    c.apply(manifest('plain', '', 'sleep 1'))
    c.advance('20s')
    expect(conditions(c, 'plain')).toEqual(['SuccessCriteriaMet/CompletionsReached: Reached expected number of succeeded pods', 'Complete/CompletionsReached: Reached expected number of succeeded pods'])
  })
})

describe('Job policy validation', { timeout: 30_000 }, () => {
  const bad = (c: Cluster, spec: string) => c.kubectl('apply -f -', { stdin: manifest('bad', spec, 'true') }).stderr

  it('rejects the combinations upstream rejects', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    expect(bad(c, '  backoffLimitPerIndex: 1\n')).toBe('The Job "bad" is invalid: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode\n')
    expect(bad(c, INDEXED(2, '  maxFailedIndexes: 1\n'))).toBe('The Job "bad" is invalid: spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified\n')
    expect(bad(c, '  podFailurePolicy:\n    rules:\n    - action: FailIndex\n      onExitCodes:\n        operator: In\n        values: [0, 2, 1]\n')).toBe(
      'The Job "bad" is invalid: \n* spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set\n* spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator\n* spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 2, 1}: must be ordered\n',
    )
    expect(bad(c, '  podFailurePolicy:\n    rules:\n    - action: Ignore\n')).toBe('The Job "bad" is invalid: spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required\n')
    expect(bad(c, INDEXED(2, '  successPolicy:\n    rules:\n    - {}\n'))).toBe('The Job "bad" is invalid: spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified\n')
  })
})
