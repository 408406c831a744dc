import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

const configMap = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
${data}`

const web = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx
    volumeMounts:
    - {name: site, mountPath: /usr/share/nginx/html/index.html, subPath: index.html}
    - {name: site, mountPath: /etc/site}
    - {name: scratch, mountPath: /scratch}
    - {name: info, mountPath: /etc/podinfo}
  volumes:
  - name: site
    configMap: {name: site}
  - name: scratch
    emptyDir: {}
  - name: info
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
`

describe('volumes inside containers', { timeout: 60_000 }, () => {
  it('mounts configMap keys as files, a subPath as a single file, and follows updates after a sync', () => {
    const c = createCluster({ seed: 4 })
    c.apply(configMap('  index.html: "<h1>v1</h1>\\n"\n  extra.txt: more\n'))
    c.apply(web.replace('  name: web\n', '  name: web\n  labels: {app: web, tier: front}\n'))
    c.advance('20s')
    expect(c.kubectl('exec web -- curl -s localhost').stdout).toBe('<h1>v1</h1>\n')
    expect(c.kubectl('exec web -- ls /etc/site').stdout).toBe('extra.txt\nindex.html\n')
    expect(c.kubectl('exec web -- cat /etc/podinfo/labels').stdout).toBe('app="web"\ntier="front"')
    expect(c.kubectl(['exec', 'web', '--', 'sh', '-c', 'echo x > /etc/site/new']).stderr).toBe("sh: 1: cannot create /etc/site/new: Read-only file system\ncommand terminated with exit code 2\n")
    c.apply(configMap('  index.html: "<h1>v2</h1>\\n"\n  extra.txt: more\n'))
    c.advance('60s')
    // The directory mount follows the ConfigMap; the subPath file keeps what it was started with.
    expect(c.kubectl('exec web -- cat /etc/site/index.html').stdout).toBe('<h1>v2</h1>\n')
    expect(c.kubectl('exec web -- curl -s localhost').stdout).toBe('<h1>v1</h1>\n')
  })

  it('keeps emptyDir files across a container restart, but not the container layer', () => {
    const c = createCluster({ seed: 4 })
    c.apply(configMap('  index.html: hi\n'))
    c.apply(web)
    c.advance('20s')
    c.kubectl(['exec', 'web', '--', 'sh', '-c', 'echo kept > /scratch/a; echo lost > /tmp/b'])
    expect(c.sim(['pod', 'crash', 'web']).exitCode).toBe(0)
    c.advance('10s')
    expect(c.kubectl('get pod web --no-headers').stdout).toMatch(/^web +1\/1 +Running +1 /)
    expect(c.kubectl('exec web -- cat /scratch/a').stdout).toBe('kept\n')
    expect(c.kubectl('exec web -- cat /tmp/b')).toEqual({ stdout: '', stderr: 'cat: /tmp/b: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 })
  })

  it('waits in ContainerCreating with FailedMount while the ConfigMap is missing', () => {
    const c = createCluster({ seed: 4 })
    c.apply(web)
    c.advance('10s')
    expect(c.kubectl('get pod web --no-headers').stdout).toMatch(/^web +0\/1 +ContainerCreating +0 +10s\n$/)
    expect(c.kubectl('get events --field-selector reason=FailedMount --no-headers').stdout).toContain('MountVolume.SetUp failed for volume "site" : configmap "site" not found')
    c.apply(configMap('  index.html: hi\n'))
    c.advance('20s')
    expect(c.kubectl('get pod web --no-headers').stdout).toMatch(/^web +1\/1 +Running +0 +30s\n$/)
  })
})
