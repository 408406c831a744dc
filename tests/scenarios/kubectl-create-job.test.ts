import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

describe('kubectl create job / cronjob', { timeout: 30_000 }, () => {
  it('creates a Job from an image and command, and one from a CronJob', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    expect(c.kubectl('create job hello --image=busybox:1.36 -- echo hi').stdout).toBe('job.batch/hello created\n')
    expect(c.kubectl(['create', 'cronjob', 'tick', '--image=busybox:1.36', '--schedule=*/5 * * * *']).stderr).toBe('')
    c.advance('20s')
    expect(c.kubectl('logs job/hello').stdout).toBe('hi\n')
    expect(c.kubectl('get job hello --no-headers').stdout).toMatch(/^hello\s+Complete\s+1\/1\s/)
    expect(c.kubectl('create job manual --from=cronjob/tick').stdout).toBe('job.batch/manual created\n')
    const job = JSON.parse(c.kubectl('get job manual -o json').stdout)
    expect(job.metadata.annotations['cronjob.kubernetes.io/instantiate']).toBe('manual')
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true })
    expect(job.spec.template.spec.restartPolicy).toBe('OnFailure')
    expect(c.kubectl('create job x --image=busybox --from=cronjob/tick').stderr).toBe('error: either --image or --from must be specified\n')
    expect(c.kubectl('create job x --from=cronjob/tick -- date').stderr).toBe('error: cannot specify --from and command\n')
    expect(c.kubectl('create job x --from=cronjob/nope').stderr).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n')
    expect(c.kubectl('create cronjob y --image=busybox').stderr).toBe('error: required flag(s) "schedule" not set\n')
  })

  it('rejects a schedule robfig/cron cannot parse, in its words', () => {
    const c = createCluster({ seed: 3, workers: 1 })
    const bad = (s: string) => c.kubectl(['create', 'cronjob', 'bad', '--image=busybox', `--schedule=${s}`]).stderr
    expect(bad('bad')).toBe('error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]\n')
    expect(bad('61 * * * *')).toContain('spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61\n')
    expect(bad('@fortnightly')).toContain(': unrecognized descriptor: @fortnightly\n')
    expect(bad('x * * * *')).toContain(': failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax\n')
    expect(bad('CRON_TZ=UTC 0 0 * * *')).toContain(': cannot use TZ or CRON_TZ in schedule, use timeZone field instead\n')
    expect(c.kubectl(['create', 'cronjob', 'ok', '--image=busybox', '--schedule=0 9 * JAN-MAR mon-fri']).stdout).toBe('cronjob.batch/ok created\n')
  })
})
