import { describe, expect, it } from 'vitest'
import { createCluster, type KubeObject } from '../../src/core/cluster'

const JOB = (extra: string, container = '        image: busybox\n') => `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
${extra}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
${container}`

function job(c: ReturnType<typeof createCluster>): KubeObject {
  return c.api.get(c.api.registry.lookup('jobs')!, 'default', 'work')
}

function jobEvents(c: ReturnType<typeof createCluster>): string[] {
  return c.api
    .list(c.api.registry.lookup('events')!, { namespace: 'default' })
    .items.filter((e) => (e.involvedObject as { kind: string }).kind === 'Job')
    .map((e) => `${e.reason as string}: ${e.message as string}`)
}

function pods(c: ReturnType<typeof createCluster>): string[] {
  const out = c.kubectl('get pods --no-headers').stdout.trim()
  return out ? out.split('\n') : []
}

describe('Job', { timeout: 30_000 }, () => {
  it('runs completions with parallelism and ends SuccessCriteriaMet then Complete', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('  completions: 4\n  parallelism: 2\n'))
    c.advance('5ms')
    // Two at a time.
    expect(pods(c)).toHaveLength(2)
    c.advance('60s')
    expect(pods(c)).toHaveLength(4)
    expect(pods(c).every((l) => / 0\/1 +Completed /.test(l))).toBe(true)
    const j = job(c)
    const st = j.status as { succeeded: number; conditions: { type: string; reason: string; message: string }[]; uncountedTerminatedPods: object }
    expect(st.succeeded).toBe(4)
    expect(st.conditions.map((x) => `${x.type}/${x.reason}`)).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached'])
    expect(st.uncountedTerminatedPods).toEqual({})
    expect(j.spec).toMatchObject({ selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': j.metadata.uid } } })
    const events = jobEvents(c)
    expect(events.filter((e) => e.startsWith('SuccessfulCreate: Created pod: work-'))).toHaveLength(4)
    expect(events[events.length - 1]).toBe('Completed: Job completed')
    // The tracking finalizer is gone once each pod was counted.
    const p = c.api.list(c.api.registry.lookup('pods')!, { namespace: 'default' }).items[0]!
    expect(p.metadata.finalizers ?? []).not.toContain('batch.kubernetes.io/job-tracking')
    expect(p.metadata.labels).toMatchObject({ 'job-name': 'work', 'batch.kubernetes.io/job-name': 'work', 'controller-uid': j.metadata.uid })
  })

  it('Indexed mode names pods <job>-<index>-<5 chars> and records completedIndexes', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n'))
    c.advance('5ms')
    const names = pods(c).map((l) => l.split(/\s+/)[0]!)
    expect(names.map((n) => n.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, ''))).toEqual(['work-0', 'work-1', 'work-2'])
    const p = c.api.get(c.api.registry.lookup('pods')!, 'default', names[1]!)
    expect(p.metadata.annotations).toMatchObject({ 'batch.kubernetes.io/job-completion-index': '1' })
    expect(p.spec).toMatchObject({ hostname: 'work-1' })
    c.advance('60s')
    expect(job(c).status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 })
  })

  it('waits 10s, then 20s, before replacing failed pods and fails past backoffLimit', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('  backoffLimit: 2\n', '        image: busybox\n        command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('10s')
    const names = () => pods(c).map((l) => l.split(/\s+/)[0]!)
    const crashNewest = (seen: string[]) => {
      const n = names().find((x) => !seen.includes(x))!
      expect(c.sim(['pod', 'crash', n, '--exit-code', '1']).exitCode).toBe(0)
      seen.push(n)
    }
    const seen: string[] = []
    crashNewest(seen)
    c.advance('9s')
    expect(pods(c)).toHaveLength(1)
    c.advance('2s')
    expect(pods(c)).toHaveLength(2)
    c.advance('10s')
    crashNewest(seen)
    c.advance('19s')
    expect(pods(c)).toHaveLength(2)
    c.advance('2s')
    expect(pods(c)).toHaveLength(3)
    c.advance('10s')
    crashNewest(seen)
    c.advance('5s')
    const st = job(c).status as { failed: number; conditions: { type: string; reason: string }[] }
    expect(st.failed).toBe(3)
    expect(st.conditions.map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded'])
    expect(jobEvents(c)).toContain('BackoffLimitExceeded: Job has reached the specified backoff limit')
    expect(c.kubectl('get job work --no-headers').stdout).toMatch(/^work +Failed +0\/1 /)
    expect(pods(c).every((l) => / Error /.test(l))).toBe(true)
  })

  it('activeDeadlineSeconds stops the pods and fails the Job', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('  activeDeadlineSeconds: 30\n', '        image: busybox\n        command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('29s')
    expect(pods(c)[0]).toMatch(/ Running /)
    c.advance('40s')
    const st = job(c).status as { conditions: { type: string; reason: string; message: string }[] }
    expect(st.conditions.map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded'])
    expect(jobEvents(c)).toContain('DeadlineExceeded: Job was active longer than specified deadline')
  })

  it('suspend deletes the running pods; resuming starts them again', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('  parallelism: 2\n  completions: 2\n', '        image: busybox\n        command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('10s')
    expect(pods(c)).toHaveLength(2)
    c.apply(JOB('  parallelism: 2\n  completions: 2\n  suspend: true\n', '        image: busybox\n        command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('40s')
    expect(pods(c)).toEqual([])
    expect(c.kubectl('get job work --no-headers').stdout).toMatch(/^work +Suspended /)
    c.apply(JOB('  parallelism: 2\n  completions: 2\n  suspend: false\n', '        image: busybox\n        command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('10s')
    expect(pods(c).filter((l) => / Running /.test(l))).toHaveLength(2)
    const events = jobEvents(c)
    expect(events).toContain('Suspended: Job suspended')
    expect(events).toContain('Resumed: Job resumed')
    const cond = (job(c).status as { conditions: { type: string; status: string; reason: string }[] }).conditions
    expect(cond).toEqual([expect.objectContaining({ type: 'Suspended', status: 'False', reason: 'JobResumed' })])
  })

  it('deleting a running Job takes its pods with it (their tracking finalizer is released)', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('', '        image: busybox\n        command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('10s')
    expect(pods(c)).toHaveLength(1)
    expect(c.kubectl('delete job work').stdout).toBe('job.batch "work" deleted\n')
    c.advance('60s')
    expect(pods(c)).toEqual([])
  })

  it('ttlSecondsAfterFinished deletes the Job and its pods', () => {
    const c = createCluster({ seed: 6 })
    c.apply(JOB('  ttlSecondsAfterFinished: 30\n'))
    c.advance('20s')
    expect(c.kubectl('get jobs --no-headers').stdout).toMatch(/^work +Complete /)
    c.advance('30s')
    expect(c.kubectl('get jobs').stderr).toBe('No resources found in default namespace.\n')
    expect(pods(c)).toEqual([])
  })
})
