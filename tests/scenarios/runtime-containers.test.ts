import { describe, expect, it } from 'vitest'
import { createCluster } from '../../src/core/cluster'

function pod(name: string, container: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
${container}`
}

const row = (c: ReturnType<typeof createCluster>, name: string) => c.kubectl(`get pod ${name} --no-headers`).stdout.replace(/\s+/g, ' ').trim()

describe('what runs inside a container', { timeout: 60_000 }, () => {
  it('restarts a crashing busybox with the kubelet back-off: 0 s, then 10 s, 20 s, 40 s', () => {
    const c = createCluster({ seed: 4 })
    c.apply(pod('crasher', '  - name: c\n    image: busybox\n    command: ["sh", "-c", "echo starting; exit 1"]\n'))
    c.advance('10s')
    expect(row(c, 'crasher')).toMatch(/^crasher 0\/1 CrashLoopBackOff 1 \(\d+s ago\) 10s$/)
    c.advance('20s')
    expect(row(c, 'crasher')).toMatch(/^crasher 0\/1 CrashLoopBackOff 2 \(\d+s ago\) 30s$/)
    c.advance('40s')
    expect(row(c, 'crasher')).toMatch(/^crasher 0\/1 CrashLoopBackOff 3 \(\d+s ago\) 70s$/)
    c.advance('10s')
    expect(row(c, 'crasher')).toMatch(/^crasher 0\/1 CrashLoopBackOff 4 \(\d+s ago\) 80s$/)
    expect(c.kubectl('logs crasher').stdout).toBe('starting\n')
    expect(c.kubectl('logs crasher --previous').stdout).toBe('starting\n')
    const ev = c.kubectl('get events --field-selector reason=BackOff --no-headers').stdout
    expect(ev).toMatch(/Back-off restarting failed container c in pod crasher_default\(/)
  })

  it('completes a run-to-completion pod whose command exits 0, and keeps its log', () => {
    const c = createCluster({ seed: 4 })
    c.apply(pod('once', '  - name: c\n    image: busybox\n    command: ["sh", "-c", "for i in 1 2 3; do echo step $i; done; echo done at $(date +%T)"]\n', '  restartPolicy: Never\n'))
    c.advance('10s')
    expect(row(c, 'once')).toBe('once 0/1 Completed 0 10s')
    expect(c.kubectl('logs once').stdout).toMatch(/^step 1\nstep 2\nstep 3\ndone at 00:00:0\d\n$/)
    expect(c.kubectl('exec once -- ls').stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n')
    // An image's own program the shell does not know runs a short while and exits 0.
    c.apply(pod('pi', '  - name: pi\n    image: perl:5.34.0\n    command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(20)"]\n', '  restartPolicy: Never\n'))
    c.advance('60s')
    expect(row(c, 'pi')).toMatch(/^pi 0\/1 Completed 0 60s$/)
    expect(c.kubectl('logs pi').stdout).toBe('3.1415926535897932385\n')
    c.apply(pod('py', `  - name: py\n    image: python:3.12\n    command: ["python", "-c", "print('hello from python')"]\n`, '  restartPolicy: Never\n'))
    c.advance('60s')
    expect(row(c, 'py')).toMatch(/^py 0\/1 Completed 0 60s$/)
    expect(c.kubectl('logs py').stdout).toBe('hello from python\n')
  })

  it('builds the environment from ConfigMaps, Secrets, the downward API and service links', () => {
    const c = createCluster({ seed: 4 })
    c.apply(`apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  GREETING: hello
  app.properties: |
    color=blue
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  password: czNjcjN0
`)
    c.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n')
    c.apply(
      pod(
        'envpod',
        `  - name: c
    image: busybox
    command: ["sh", "-c", "echo $GREETING from $MY_POD with $PASS; sleep 3600"]
    env:
    - name: GREETING
      valueFrom: {configMapKeyRef: {name: app-config, key: GREETING}}
    - name: MY_POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: PASS
      valueFrom: {secretKeyRef: {name: creds, key: password}}
    envFrom:
    - prefix: CFG_
      configMapRef: {name: app-config}
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
  volumes:
  - name: cfg
    configMap: {name: app-config}
`,
      ),
    )
    c.advance('10s')
    expect(c.kubectl('logs envpod').stdout).toBe('hello from envpod with s3cr3t\n')
    expect(c.kubectl('exec envpod -- cat /etc/config/app.properties').stdout).toBe('color=blue\n')
    expect(c.kubectl('exec envpod -- ls /etc/config').stdout).toBe('GREETING\napp.properties\n')
    const env = c.kubectl('exec envpod -- env').stdout.split('\n')
    expect(env).toContain('HOSTNAME=envpod')
    expect(env).toContain('CFG_GREETING=hello')
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1')
    expect(env).toContain('KUBERNETES_SERVICE_PORT=443')
    const svc = c.api.get(c.api.registry.lookup('services')!, 'default', 'web')
    const ip = (svc.spec as { clusterIP: string }).clusterIP
    expect(env).toContain(`WEB_SERVICE_HOST=${ip}`)
    expect(env).toContain('WEB_SERVICE_PORT=80')
    expect(env).toContain('WEB_SERVICE_PORT_HTTP=80')
    expect(env).toContain(`WEB_PORT_80_TCP=tcp://${ip}:80`)
    expect(c.kubectl('exec envpod -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace').stdout).toBe('default')
    expect(c.kubectl('exec envpod -- hostname').stdout).toBe('envpod\n')
  })

  it('stops at CreateContainerConfigError until the ConfigMap exists', () => {
    const c = createCluster({ seed: 4 })
    c.apply(pod('missing', '  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n    envFrom:\n    - configMapRef: {name: later}\n'))
    c.advance('10s')
    expect(row(c, 'missing')).toBe('missing 0/1 CreateContainerConfigError 0 10s')
    expect(c.kubectl('get events --field-selector reason=Failed --no-headers').stdout).toContain('Error: configmap "later" not found')
    expect(c.kubectl('logs missing').stderr).toBe('Error from server (BadRequest): container "c" in pod "missing" is waiting to start: CreateContainerConfigError\n')
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: later\ndata:\n  a: b\n')
    c.advance('15s')
    expect(row(c, 'missing')).toBe('missing 1/1 Running 0 25s')
  })

  it('execs into running containers: files, exit codes, nginx answering on localhost', () => {
    const c = createCluster({ seed: 4 })
    c.apply(pod('web', '  - name: nginx\n    image: nginx\n'))
    c.advance('20s')
    const page = c.kubectl('exec web -- curl -s localhost').stdout
    expect(page).toContain('<title>Welcome to nginx!</title>')
    expect(c.kubectl(['exec', 'web', '--', 'sh', '-c', 'echo hi > /usr/share/nginx/html/index.html']).exitCode).toBe(0)
    expect(c.kubectl('exec web -- curl -s localhost').stdout).toBe('hi\n')
    expect(c.kubectl('exec web -- curl -s localhost/nope').stdout).toContain('<title>404 Not Found</title>')
    expect(c.kubectl(['exec', 'web', '--', 'sh', '-c', 'exit 3'])).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 })
    expect(c.kubectl('exec web -- nosuch').stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in \$PATH: unknown\n$/)
    expect(c.kubectl('exec web ls').stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n")
    expect(c.kubectl('exec web -c nope -- ls').stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n')
    expect(c.kubectl('logs web').stdout).toContain('[notice] 1#1: start worker processes\n')
  })

  it('lets a shell that traps SIGTERM stop at once, while a plain sleep waits out the grace period', () => {
    const c = createCluster({ seed: 4 })
    c.apply(pod('trapper', '  - name: c\n    image: busybox\n    command: ["sh", "-c", "trap \'echo bye; exit 0\' TERM; while true; do sleep 1; done"]\n'))
    c.apply(pod('sleeper', '  - name: c\n    image: busybox\n    command: ["sleep", "3600"]\n'))
    c.apply(pod('waiter', '  - name: c\n    image: busybox\n    command: ["sh", "-c", "trap \'exit 0\' TERM; sleep 3600 & wait"]\n'))
    c.advance('10s')
    let t = c.now()
    expect(c.kubectl('delete pod trapper').stdout).toBe('pod "trapper" deleted\n')
    expect(c.now() - t).toBeLessThanOrEqual(2000)
    // `wait` is cut short by a trapped signal, where a foreground sleep is not.
    t = c.now()
    c.kubectl('delete pod waiter')
    expect(c.now() - t).toBeLessThanOrEqual(1000)
    t = c.now()
    c.kubectl('delete pod sleeper')
    expect(c.now() - t).toBeGreaterThanOrEqual(30_000)
  })
})
