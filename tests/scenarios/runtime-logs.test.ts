import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

describe('container logs: the streaming sidecar counter (kubernetes.io logging example)', { timeout: 60_000 }, () => {
  it('prints what each sidecar tails from the shared emptyDir after 5 seconds', () => {
    const c = createCluster({ seed: 4 })
    expect(c.apply(fixture('two-files-counter-pod-streaming-sidecar.yaml')).stdout).toBe('pod/counter created\n')
    c.advance('5s')
    expect(c.kubectl('get pods --no-headers').stdout).toMatch(/^counter +3\/3 +Running +0 +5s\n$/)
    expect(c.kubectl('logs counter count-log-1').stdout).toBe(
      ['0: Wed Jan  1 00:00:01 UTC 2025', '1: Wed Jan  1 00:00:02 UTC 2025', '2: Wed Jan  1 00:00:03 UTC 2025', '3: Wed Jan  1 00:00:04 UTC 2025', ''].join('\n'),
    )
    expect(c.kubectl('logs counter -c count-log-2').stdout).toBe(
      ['Wed Jan  1 00:00:01 UTC 2025 INFO 0', 'Wed Jan  1 00:00:02 UTC 2025 INFO 1', 'Wed Jan  1 00:00:03 UTC 2025 INFO 2', 'Wed Jan  1 00:00:04 UTC 2025 INFO 3', ''].join('\n'),
    )
    // The counter itself writes only to files; kubectl picks the first container and says so.
    expect(c.kubectl('logs counter')).toEqual({ stdout: '', stderr: 'Defaulted container "count" out of: count, count-log-1, count-log-2\n', exitCode: 0 })
    expect(c.kubectl('logs counter -c count-log-1 --tail 1').stdout).toBe('3: Wed Jan  1 00:00:04 UTC 2025\n')
    expect(c.kubectl('logs counter -c count-log-1 --since 2s').stdout).toBe('2: Wed Jan  1 00:00:03 UTC 2025\n3: Wed Jan  1 00:00:04 UTC 2025\n')
    expect(c.kubectl('logs counter -c count-log-1 --timestamps --tail 1').stdout).toMatch(/^2025-01-01T00:00:04\.\d{9}Z 3: Wed Jan {2}1 00:00:04 UTC 2025\n$/)
    expect(c.kubectl('exec counter -c count -- cat /var/log/2.log').stdout).toBe(c.kubectl('logs counter -c count-log-2').stdout)
  })

  it('reads the course notes copy the same way, and follows with -f until the request timeout', () => {
    const c = createCluster({ seed: 4 })
    c.apply(fixture('counter-pod-streaming-sidecar.yaml'))
    c.advance('5s')
    const start = c.now()
    const r = c.kubectl('logs counter -c count-log-1 -f --request-timeout 3s')
    expect(c.now() - start).toBe(3000)
    expect(r.stdout.trim().split('\n').map((l) => l.split(':')[0])).toEqual(['0', '1', '2', '3', '4', '5', '6'])
  })

  it('answers with the kubelet and kubectl refusals', () => {
    const c = createCluster({ seed: 4 })
    c.apply(fixture('counter-pod-streaming-sidecar.yaml'))
    c.kubectl('create deployment web --image=ngnix')
    c.advance('5s')
    expect(c.kubectl('logs nope')).toEqual({ stdout: '', stderr: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', exitCode: 1 })
    expect(c.kubectl('logs counter -c nope').stderr).toBe('error: container nope is not valid for pod counter\n')
    expect(c.kubectl('logs counter -c count --previous').stderr).toBe('Error from server (BadRequest): previous terminated container "count" in pod "counter" not found\n')
    expect(c.kubectl('logs counter count-log-1 -c count').stderr).toBe('error: only one of -c or an inline [CONTAINER] arg is allowed\n')
    expect(c.kubectl('logs').stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    )
    expect(c.kubectl('logs deploy/web').stderr).toMatch(/^Error from server \(BadRequest\): container "ngnix" in pod "web-[a-z0-9]+-[a-z0-9]{5}" is waiting to start: (image can't be pulled|trying and failing to pull image)\n$/)
  })

  it('reads every container with --all-containers and --prefix, pods by label, and the first pod of a deployment', () => {
    const c = createCluster({ seed: 4 })
    c.apply(fixture('counter-pod-streaming-sidecar.yaml').replace('  name: counter\n', '  name: counter\n  labels: {app: counter}\n'))
    c.kubectl('create deployment web --image=nginx --replicas=2')
    // The containers start one after another once busybox is pulled; catch the moment the last
    // one is still being created: what came before it is printed, then the refusal.
    let elapsed = 0
    let early = c.kubectl('logs counter --all-containers --prefix --tail 1')
    while (!early.stderr.includes('"count-log-2"') && elapsed < 10_000) {
      c.advance(500)
      elapsed += 500
      early = c.kubectl('logs counter --all-containers --prefix --tail 1')
    }
    expect(early.stderr).toBe('Error from server (BadRequest): container "count-log-2" in pod "counter" is waiting to start: ContainerCreating\n')
    expect(early.exitCode).toBe(1)
    expect(early.stdout).toMatch(/^(\[pod\/counter\/count-log-1\] \d+: Wed Jan {2}1 00:00:0\d UTC 2025\n)?$/)
    c.advance(5000 - elapsed)
    const all = c.kubectl('logs counter --all-containers --prefix --tail 1').stdout
    expect(all).toBe('[pod/counter/count-log-1] 3: Wed Jan  1 00:00:04 UTC 2025\n[pod/counter/count-log-2] Wed Jan  1 00:00:04 UTC 2025 INFO 3\n')
    expect(c.kubectl('logs -l app=counter -c count-log-1 --tail 1').stdout).toBe('3: Wed Jan  1 00:00:04 UTC 2025\n')
    const deploy = c.kubectl('logs deploy/web --tail 1')
    expect(deploy.stderr).toMatch(/^Found 2 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/)
    expect(deploy.stdout).toMatch(/\[notice\] 1#1: start worker process \d+\n$/)
    // A finished container's log is complete: -f returns at once.
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: once\nspec:\n  restartPolicy: Never\n  containers:\n  - {name: c, image: busybox, command: [echo, bye]}\n')
    c.advance('10s')
    const before = c.now()
    expect(c.kubectl('logs once -f').stdout).toBe('bye\n')
    expect(c.now()).toBe(before)
  })
})
