/** Helpers shared by the kubelet scenario tests: what `kubectl get` and `-o json` show. */
import type { createCluster } from '../../src/core/cluster'

export type Cluster = ReturnType<typeof createCluster>

export const row = (c: Cluster, name: string) => c.kubectl(`get pod ${name} --no-headers`).stdout.replace(/\s+/g, ' ').trim()

export function status(c: Cluster, name: string): { phase: string; conditions: { type: string; status: string; reason?: string; message?: string }[]; initContainerStatuses?: { name: string; ready: boolean; started: boolean; state: Record<string, { reason?: string; exitCode?: number }> }[] } {
  return JSON.parse(c.kubectl(`get pod ${name} -o json`).stdout).status
}

export const initialized = (c: Cluster, name: string) => status(c, name).conditions.find((x) => x.type === 'Initialized')

export function pod(name: string, inits: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  initContainers:
${inits}  containers:
  - name: app
    image: nginx
`
}

export const sleeper = (name: string, s: number) => `  - name: ${name}\n    image: busybox\n    command: ["sh", "-c", "sleep ${s}"]\n`
