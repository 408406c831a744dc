import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const CJ = (schedule: string, extra = '', command = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "${schedule}"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox
${command}`

// 2025-01-01T00:00:00Z in minutes since the epoch: job names carry the scheduled minute.
const EPOCH_MINUTES = 28928160

function jobNames(c: ReturnType<typeof createCluster>): string[] {
  const out = c.kubectl('get jobs --no-headers').stdout.trim()
  return out ? out.split('\n').map((l) => l.split(/\s+/)[0]!) : []
}

function cjEvents(c: ReturnType<typeof createCluster>): string[] {
  return c.api
    .list(c.api.registry.lookup('events')!, { namespace: 'default' })
    .items.filter((e) => (e.involvedObject as { kind: string }).kind === 'CronJob')
    .map((e) => `${e.reason as string}: ${e.message as string}`)
}

describe('CronJob', { timeout: 30_000 }, () => {
  it('creates a Job at each scheduled minute and keeps three successful ones', () => {
    const c = createCluster({ seed: 8 })
    c.apply(CJ('*/2 * * * *'))
    c.advance('1m59s')
    expect(jobNames(c)).toEqual([])
    c.advance('2s')
    expect(jobNames(c)).toEqual([`tick-${EPOCH_MINUTES + 2}`])
    const first = c.api.get(c.api.registry.lookup('jobs')!, 'default', `tick-${EPOCH_MINUTES + 2}`)
    expect(first.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T00:02:00Z' })
    expect(first.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true })
    c.advance('8m5s')
    // Jobs at minutes 2, 4, 6, 8, 10: once the fifth finished, the oldest two were trimmed.
    expect(jobNames(c)).toEqual([6, 8, 10].map((m) => `tick-${EPOCH_MINUTES + m}`))
    const events = cjEvents(c)
    expect(events.slice(0, 2)).toEqual([`SuccessfulCreate: Created job tick-${EPOCH_MINUTES + 2}`, `SawCompletedJob: Saw completed job: tick-${EPOCH_MINUTES + 2}, condition: Complete`])
    expect(events).toContain(`SuccessfulDelete: Deleted job tick-${EPOCH_MINUTES + 2}`)
    expect(c.kubectl('get cronjob tick --no-headers').stdout).toMatch(/^tick +\*\/2 \* \* \* \* +<none> +False +0 +/)
    const st = c.api.get(c.api.registry.lookup('cronjobs')!, 'default', 'tick').status
    expect(st).toMatchObject({ lastScheduleTime: '2025-01-01T00:10:00Z' })
  })

  it('suspend stops new Jobs; resuming does not run the missed ones past the deadline', () => {
    const c = createCluster({ seed: 8 })
    c.apply(CJ('* * * * *', '  suspend: true\n  startingDeadlineSeconds: 10\n'))
    c.advance('3m30s')
    expect(jobNames(c)).toEqual([])
    c.apply(CJ('* * * * *', '  suspend: false\n  startingDeadlineSeconds: 10\n'))
    c.advance('5s')
    // The 00:03 run is 30s late, past startingDeadlineSeconds: it is not run at all.
    expect(jobNames(c)).toEqual([])
    c.advance('30s')
    expect(jobNames(c)).toEqual([`tick-${EPOCH_MINUTES + 4}`])
  })

  it('concurrencyPolicy Forbid skips a run while the previous Job is active', () => {
    const c = createCluster({ seed: 8 })
    c.apply(CJ('* * * * *', '  concurrencyPolicy: Forbid\n', '            command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('2m30s')
    expect(jobNames(c)).toEqual([`tick-${EPOCH_MINUTES + 1}`])
    expect(cjEvents(c)).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid')
  })

  it('concurrencyPolicy Replace deletes the running Job for the new one', () => {
    const c = createCluster({ seed: 8 })
    c.apply(CJ('* * * * *', '  concurrencyPolicy: Replace\n', '            command: ["sh", "-c", "sleep 3600"]\n'))
    c.advance('2m30s')
    expect(jobNames(c)).toEqual([`tick-${EPOCH_MINUTES + 2}`])
    expect(cjEvents(c)).toContain(`SuccessfulDelete: Deleted job tick-${EPOCH_MINUTES + 1}`)
  })

  it('timeZone shifts the schedule', () => {
    const c = createCluster({ seed: 8 })
    // 05:35 in India (UTC+05:30) is 00:05 UTC.
    c.apply(CJ('35 5 * * *', '  timeZone: Asia/Kolkata\n'))
    c.advance('4m59s')
    expect(jobNames(c)).toEqual([])
    c.advance('2s')
    expect(jobNames(c)).toEqual([`tick-${EPOCH_MINUTES + 5}`])
    const job = c.api.get(c.api.registry.lookup('jobs')!, 'default', `tick-${EPOCH_MINUTES + 5}`)
    expect(job.metadata.annotations).toMatchObject({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T05:35:00+05:30' })
  })
})
