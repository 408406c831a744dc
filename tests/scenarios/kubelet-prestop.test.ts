// preStop hooks at termination: the hook runs first, within the grace period, SIGTERM comes
// after it, and a failing hook is a FailedPreStopHook event in the kubelet's words.
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function pod(name: string, image: string, preStop: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: main
    image: ${image}
${extra}    lifecycle:
      preStop:
${preStop}
`
}

describe('preStop hooks', () => {
  it('keeps the pod Terminating while a sleeping preStop hook runs, then sends SIGTERM', () => {
    const c = createCluster({ seed: 7 })
    const trap = `    command: ["sh", "-c", "trap 'echo got TERM; exit 0' TERM; echo up; while true; do sleep 1; done"]\n`
    c.apply(pod('slow', 'busybox', '        exec:\n          command: ["sh", "-c", "sleep 20"]', trap))
    c.advance('20s')
    c.kubectl('delete pod slow --wait=false')
    c.advance('19s')
    expect(c.kubectl('get pod slow').stdout).toMatch(/^slow +1\/1 +Terminating/m)
    // SIGTERM would have ended it within a second (its trap exits): it has not been sent yet.
    expect(c.kubectl('logs slow').stdout).toBe('up\n')
    c.advance('2500ms')
    expect(c.kubectl('get pod slow').stderr).toBe('Error from server (NotFound): pods "slow" not found\n')
  })

  it('reports a failing exec or httpGet hook as FailedPreStopHook and still stops the container', () => {
    const c = createCluster({ seed: 7 })
    c.apply(pod('bad', 'nginx', '        exec:\n          command: ["sh", "-c", "echo bye; exit 3"]'))
    c.apply(pod('hook', 'nginx', '        httpGet:\n          port: 8080\n          path: /shutdown'))
    c.advance('20s')
    const uid = (n: string) => c.kubectl(`get pod ${n} -o jsonpath={.metadata.uid}`).stdout
    const ip = c.kubectl('get pod hook -o jsonpath={.status.podIP}').stdout
    const [badUID, hookUID] = [uid('bad'), uid('hook')]
    expect(c.kubectl('delete pod bad hook').stdout).toBe('pod "bad" deleted\npod "hook" deleted\n')
    const events = c.kubectl(['get', 'events', '--field-selector', 'reason=FailedPreStopHook', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}']).stdout
    expect(events).toBe(
      `Exec lifecycle hook ([sh -c echo bye; exit 3]) for Container "main" in Pod "bad_default(${badUID})" failed - error: command 'sh -c echo bye; exit 3' exited with 3: , message: "bye\\n"\n` +
        `HTTP lifecycle hook (/shutdown) for Container "main" in Pod "hook_default(${hookUID})" failed - error: Get "http://${ip}:8080/shutdown": dial tcp ${ip}:8080: connect: connection refused\n`,
    )
  })

  it('cuts a hook longer than the grace period short and gives SIGTERM the 2 s minimum', () => {
    const c = createCluster({ seed: 7 })
    c.apply(pod('long', 'busybox', '        sleep:\n          seconds: 60', '    command: ["sh", "-c", "while true; do sleep 1; done"]\n'))
    c.advance('20s')
    c.kubectl('delete pod long --grace-period=5 --wait=false')
    c.advance('6s')
    expect(c.kubectl('get pod long').stdout).toMatch(/^long +1\/1 +Terminating/m)
    c.advance('2s')
    expect(c.kubectl('get pod long').stderr).toContain('not found')
  })
})
