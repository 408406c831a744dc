/**
 * The two CLI faces of the HTTP API: `kubeplay serve` answering the real kubectl through the
 * kubeconfig it prints, and the runner's `--kubectl PATH` playing a script with the binary.
 */

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REAL_KUBECTL, realKubectlAvailable } from './harness'

const home = () => mkdtempSync(join(tmpdir(), 'kubeplay-test-home-'))

describe.skipIf(!realKubectlAvailable())('kubeplay serve and --kubectl', { timeout: 60_000 }, () => {
  it('serve prints a kubeconfig the real kubectl uses, and stops on Ctrl-C, removing it', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--seed', '2', '--workers', '1'], { cwd: process.cwd() })
    let out = ''
    server.stdout.setEncoding('utf8').on('data', (t: string) => (out += t))
    // Never leave the server behind, whatever fails below.
    const cleanup = setTimeout(() => server.kill('SIGKILL'), 50_000)
    const kubeconfig = await new Promise<string>((resolve, reject) => {
      server.on('exit', () => reject(new Error(`serve exited: ${out}`)))
      const timer = setInterval(() => {
        const m = /^kubeconfig: (.+)$/m.exec(out)
        if (m) {
          clearInterval(timer)
          resolve(m[1]!)
        }
      }, 50)
    })
    expect(out).toMatch(/^kubeplay API server listening on https:\/\/127\.0\.0\.1:\d+$/m)
    const r = spawnSync(REAL_KUBECTL, ['get', 'nodes', '-o', 'name'], { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home() }, encoding: 'utf8' })
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
    server.kill('SIGINT')
    expect(await exited).toBe(0)
    clearTimeout(cleanup)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('node/control-plane\nnode/node-1\n')
    expect(existsSync(kubeconfig)).toBe(false)
  })

  it('the runner plays kubectl lines with the binary given by --kubectl', () => {
    const script = 'kubectl create namespace dev\nkubectl get ns dev -o name\nkubectl get pod missing\n'
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--kubectl', REAL_KUBECTL], { input: script, encoding: 'utf8', cwd: process.cwd() })
    expect(r.stdout).toBe('namespace/dev created\nnamespace/dev\n')
    expect(r.stderr).toBe('Error from server (NotFound): pods "missing" not found\n')
    expect(r.status).toBe(0)
  })
})
