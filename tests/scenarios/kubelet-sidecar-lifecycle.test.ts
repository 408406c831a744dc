import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'
import { initialized, row, status, type Cluster } from './kubelet-helpers'

const events = (c: Cluster, reason: string) => c.kubectl(`get events --field-selector reason=${reason} --no-headers`).stdout

describe('kubelet: sidecar start-up and completion', { timeout: 20_000 }, () => {
  it('waits for a sidecar startup probe before the next init container starts', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: proxied
spec:
  initContainers:
  - name: proxy
    image: nginx
    restartPolicy: Always
    startupProbe:
      httpGet:
        path: /
        port: 80
      initialDelaySeconds: 8
  - name: setup
    image: busybox
    command: ["sh", "-c", "true"]
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`)
    c.advance('6s')
    expect(row(c, 'proxied')).toBe('proxied 0/2 Init:0/2 0 6s')
    expect(initialized(c, 'proxied')!.message).toBe('containers with incomplete status: [proxy setup]')
    expect(events(c, 'Created')).not.toContain('Created container setup')
    c.advance('14s')
    expect(row(c, 'proxied')).toBe('proxied 2/2 Running 0 20s')
  })

  it('stops the sidecar once the app containers of a run-to-completion pod have exited', () => {
    const c = createCluster({ seed: 2, workers: 1 })
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: task
spec:
  restartPolicy: Never
  initContainers:
  - name: shipper
    image: busybox
    restartPolicy: Always
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "sleep 3; echo done"]
`)
    c.advance('4s')
    expect(row(c, 'task')).toBe('task 2/2 Running 0 4s')
    c.advance('10s')
    expect(row(c, 'task')).toBe('task 0/2 Completed 0 14s')
    const st = status(c, 'task')
    expect(st.phase).toBe('Succeeded')
    expect(st.initContainerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(events(c, 'Killing')).toMatch(/Stopping container shipper\n$/)
  })
})
