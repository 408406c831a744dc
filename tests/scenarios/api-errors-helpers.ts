// Shared helpers of the api-errors scenario tests.
import { expect } from 'vitest'
import { createCluster, type Cluster } from '../../src/core/cluster'

export const cluster = () => createCluster({ seed: 1, workers: 1 })

/** `kubectl create -f -` with the given manifest. */
export function create(c: Cluster, yaml: string) {
  return c.kubectl('create -f -', { stdin: yaml })
}

export function fails(r: { stdout: string; stderr: string; exitCode: number }, stderr: string) {
  expect(r.stderr).toBe(`${stderr}\n`)
  expect(r.exitCode).toBe(1)
}

export const pod = (name: string, extra = '', spec = 'containers: [{name: nginx, image: nginx}]') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${JSON.stringify(name)}${extra}}\nspec: {${spec}}\n`

export const deployment = (spec: string, name = 'web') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n${spec}`
export const WEB_SPEC = `  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`
