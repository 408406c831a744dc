import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'
import type { ExecStatus } from './exec'
import { createRestHandler } from './handler'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
`

function setup() {
  const cluster = createCluster({ seed: 5, workers: 1 })
  const h = createRestHandler(cluster.core.api, cluster.core.clock, {
    kubelet: (node) => cluster.core.kubelets.get(node)?.runtime,
  })
  const exec = (query: string) => h.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/box/exec', query, headers: {} })
  /** Runs a session to its end the way the host does: start, then poll after each clock step. */
  const run = (query: string) => {
    const r = exec(query)
    let out = ''
    let err = ''
    let status: ExecStatus | undefined
    const s = r.exec!.start({ out: (t) => (out += t), err: (t) => (err += t) }, (st) => (status = st))
    for (let i = 0; i < 20 && !status; i++) {
      cluster.advance('1s')
      s.poll()
    }
    return { out, err, status }
  }
  return { cluster, exec, run }
}

describe('REST face: pods/exec', () => {
  it('runs the command and reports the outcome as remotecommand Status', () => {
    const { cluster, run } = setup()
    cluster.apply(POD)
    cluster.advance('20s')
    expect(run('command=echo&command=hi&stdout=true')).toEqual({ out: 'hi\n', err: '', status: { metadata: {}, status: 'Success' } })
    const failed = run(`command=sh&command=-c&command=${encodeURIComponent('echo oops >&2; sleep 2; exit 3')}&container=main`)
    expect(failed.err).toBe('oops\n')
    expect(failed.status).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } })
    const missing = run('command=foo')
    expect(missing.status).toMatchObject({ status: 'Failure', reason: 'InternalError', code: 500 })
    expect(missing.status!.message).toMatch(/^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "foo": executable file not found in \$PATH: unknown$/)
  })

  it('refuses before any upgrade: no host, container not valid, container not running', () => {
    const { cluster, exec } = setup()
    cluster.apply(POD)
    const noHost = exec('command=echo')
    expect(noHost.status).toBe(400)
    expect(JSON.parse(noHost.body!).message).toBe('pod box does not have a host assigned')
    cluster.advance('1s')
    // The kubelet's own refusal is plain text; kubectl prints it after "unable to upgrade connection: ".
    expect(exec('command=echo&container=main')).toMatchObject({ status: 404, body: 'container not found ("main")' })
    const invalid = exec('command=echo&container=nope')
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body!).message).toBe('container nope is not valid for pod box')
  })
})
