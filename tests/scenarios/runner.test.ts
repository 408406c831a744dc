import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

function kubeplay(script: string, args: string[] = [], env: Record<string, string> = {}) {
  // Each run is a fresh process, as a teacher's shell would start it (a few seconds on a busy machine).
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { input: script, encoding: 'utf8', cwd: process.cwd(), env: { ...process.env, ...env } })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status }
}

describe('the scenario runner (design/headless.md)', { timeout: 60_000 }, () => {
  it('reads files relative to where `npm run kubeplay` was typed, not the package root', () => {
    // npm starts the runner in the package root and names the user's folder in INIT_CWD.
    const dir = `${process.cwd()}/tests/conformance/scripts`
    const r = kubeplay('kubectl create configmap app --from-file=files/app.properties --dry-run=client -o yaml\n', [], { INIT_CWD: dir })
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('server.port=8080')
  })

  it('plays the acceptance script: three Running pods on worker nodes', () => {
    const r = kubeplay('kubectl create deployment web --image=nginx --replicas=3\nsleep 60\nkubectl get pods -o wide\n', ['--seed', '7'])
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toBe('deployment.apps/web created')
    expect(lines[1]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/)
    const pods = lines.slice(2)
    expect(pods).toHaveLength(3)
    for (const p of pods) expect(p).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +60s +10\.244\.\d+\.\d+ +node-\d +<none> +<none>$/)
  })

  it('feeds heredocs to kubectl apply -f -, echoes, and stops on the first failure under set -e', () => {
    const script = [
      '# a comment',
      'echo start here',
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: cfg',
      'data:',
      '  key: "$HOME stays as typed"',
      'EOF',
      'kubectl get configmap cfg -o yaml',
      'set -e',
      'kubectl get pod missing',
      'echo never printed',
      '',
    ].join('\n')
    const r = kubeplay(script)
    expect(r.stdout).toContain('start here\nconfigmap/cfg created\n')
    expect(r.stdout).toContain('  key: $HOME stays as typed\n')
    expect(r.stdout).not.toContain('never printed')
    expect(r.stderr).toBe('Error from server (NotFound): pods "missing" not found\n')
    expect(r.status).toBe(1)
  })

  it('exits 2 with the line number when the script cannot be parsed', () => {
    const r = kubeplay('echo ok\ncurl http://example\n')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('line 2')
    const unterminated = kubeplay('kubectl apply -f - <<EOF\nkind: Pod\n')
    expect(unterminated.status).toBe(2)
    expect(unterminated.stderr).toContain('line 1')
  })

  it('prints the same bytes twice for the same seed, and different names for another seed', () => {
    const s = 'kubectl create deployment web --image=nginx --replicas=2\nsleep 30\nkubectl get pods\n'
    const a = kubeplay(s, ['--seed', '4'])
    const b = kubeplay(s, ['--seed', '4'])
    const c = kubeplay(s, ['--seed', '5'])
    expect(a.stdout).toBe(b.stdout)
    expect(a.stdout).not.toBe(c.stdout)
  })

  it('answers verbs that are not built yet with a clear error and keeps going', () => {
    const r = kubeplay('sim traffic external svc/web --rps 5 --for 10s\necho after\n')
    expect(r.stderr).toBe('error: "sim traffic" is not available in this playground yet\n')
    expect(r.stdout).toBe('after\n')
    expect(r.status).toBe(0)
  })
})
