/** A kubeconfig for the served engine: cluster kubeplay, user kubernetes-admin, a bearer token. */

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function kubeconfigText(port: number, token: string, caCert: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubeplay',
    '  cluster:',
    `    certificate-authority-data: ${Buffer.from(caCert).toString('base64')}`,
    `    server: https://127.0.0.1:${port}`,
    'users:',
    '- name: kubernetes-admin',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: kubernetes-admin@kubeplay',
    '  context:',
    '    cluster: kubeplay',
    '    user: kubernetes-admin',
    'current-context: kubernetes-admin@kubeplay',
    '',
  ].join('\n')
}

/** Writes the kubeconfig into a new private temp folder and returns its path. */
export function writeKubeconfig(port: number, token: string, caCert: string): { path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-'))
  const path = join(dir, 'kubeconfig')
  writeFileSync(path, kubeconfigText(port, token, caCert), { mode: 0o600 })
  return { path, dir }
}
