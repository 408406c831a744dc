// The API error catalogue (corpus api-errors.md), continued: per-kind field errors and the
// client-side errors and behaviours of sections 4-5.
import { describe, expect, it } from 'vitest'
import { cluster, create, deployment, fails, pod, WEB_SPEC } from './api-errors-helpers'

describe('workload controllers (api-errors 21-29)', () => {
  it('21: no selector', () => {
    fails(create(cluster(), deployment(WEB_SPEC.replace('  selector: {matchLabels: {app: web}}\n', ''))), 'The Deployment "web" is invalid: spec.selector: Required value')
  })

  it('22: selector does not match the template labels (Go map syntax of v1.31)', () => {
    fails(
      create(cluster(), deployment(WEB_SPEC.replace('labels: {app: web}', 'labels: {app: two}'))),
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"two"}: `selector` does not match template `labels`',
    )
  })

  it('23: an empty selector', () => {
    fails(
      create(cluster(), deployment(WEB_SPEC.replace('{matchLabels: {app: web}}', '{}'))),
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    )
  })

  it('24: a Deployment selector is immutable', () => {
    const c = cluster()
    c.apply(deployment(WEB_SPEC))
    const changed = deployment(WEB_SPEC.replaceAll('app: web', 'app: changed'))
    expect(c.apply(changed).stderr).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"changed"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    )
  })

  it('25: negative replicas', () => {
    fails(create(cluster(), deployment(WEB_SPEC.replace('replicas: 1', 'replicas: -1'))), 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0')
  })

  it('26: a Deployment template may only restart Always', () => {
    fails(
      create(cluster(), deployment(WEB_SPEC.replace('spec: {containers:', 'spec: {restartPolicy: Never, containers:'))),
      'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    )
  })

  const job = (template: string) =>
    `apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  template:\n    spec: {${template}containers: [{name: pi, image: perl}]}\n`

  it('27: a Job template defaults to Always, which a Job refuses', () => {
    const msg = 'The Job "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'
    fails(create(cluster(), job('')), msg)
    fails(create(cluster(), job('restartPolicy: Always, ')), msg)
  })

  it('28: a Job template is immutable (the whole new template in Go syntax)', () => {
    const c = cluster()
    expect(c.apply(job('restartPolicy: Never, ')).exitCode).toBe(0)
    const r = c.apply(job('restartPolicy: OnFailure, '))
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^The Job "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{ObjectMeta:v1\.ObjectMeta\{Name:"", GenerateName:"", .*: field is immutable\n$/)
    expect(r.stderr.split('\n')).toHaveLength(2)
  })

  it('29: a StatefulSet allows few spec changes', () => {
    const c = cluster()
    const sts = (svc: string) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: ${svc}\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: nginx}]}\n`
    expect(c.apply(sts('db')).exitCode).toBe(0)
    fails(
      c.apply(sts('other')),
      "The StatefulSet \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    )
  })
})

describe('pods and containers (api-errors 30-35)', () => {
  it('30-33: containers, images, names and ports', () => {
    const c = cluster()
    fails(create(c, pod('p', '', 'containers: []')), 'The Pod "p" is invalid: spec.containers: Required value')
    fails(create(c, pod('p', '', 'containers: [{name: a}]')), 'The Pod "p" is invalid: spec.containers[0].image: Required value')
    fails(
      create(c, deployment(WEB_SPEC.replace('image: nginx', 'imagePullPolicy: Always'))),
      'The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value',
    )
    fails(create(c, pod('p', '', 'containers: [{name: nginx, image: nginx}, {name: nginx, image: busybox}]')), 'The Pod "p" is invalid: spec.containers[1].name: Duplicate value: "nginx"')
    fails(
      create(c, pod('p', '', 'containers: [{name: a, image: nginx, ports: [{containerPort: 70000}]}]')),
      'The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    )
    fails(create(c, pod('p', '', 'containers: [{name: a, image: nginx, ports: [{containerPort: 0}]}]')), 'The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Required value')
  })

  it('34: a request above its limit', () => {
    const c = cluster()
    fails(
      create(c, pod('p', '', 'containers: [{name: a, image: nginx, resources: {requests: {cpu: "2"}, limits: {cpu: "1"}}}]')),
      'The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    )
    fails(
      create(c, pod('p', '', 'containers: [{name: a, image: nginx, resources: {requests: {memory: 256Mi}, limits: {memory: 128Mi}}}]')),
      'The Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "256Mi": must be less than or equal to memory limit of 128Mi',
    )
  })

  it('35: a pod update may change images, not ports', () => {
    const c = cluster()
    c.apply(pod('p', '', 'containers: [{name: a, image: nginx}]'))
    expect(c.apply(pod('p', '', 'containers: [{name: a, image: nginx:1.27}]')).stdout).toBe('pod/p configured\n')
    const r = c.apply(pod('p', '', 'containers: [{name: a, image: nginx:1.27, ports: [{containerPort: 80}]}]'))
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain(
      'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    )
  })
})

describe('services (api-errors 37-40)', () => {
  const svc = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {${spec}}\n`

  it('37: ports are required unless headless or ExternalName', () => {
    const c = cluster()
    fails(create(c, svc('web', 'selector: {app: web}')), 'The Service "web" is invalid: spec.ports: Required value')
    expect(create(c, svc('headless', 'clusterIP: None, selector: {app: web}')).stdout).toBe('service/headless created\n')
  })

  it('38-39: node ports in range and not taken; nodePort 0 means unset', () => {
    const c = cluster()
    fails(
      create(c, svc('a', 'type: NodePort, ports: [{port: 80, nodePort: 80}]')),
      'The Service "a" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    )
    expect(create(c, svc('b', 'type: NodePort, ports: [{port: 80, nodePort: 30080}]')).exitCode).toBe(0)
    fails(create(c, svc('c', 'type: NodePort, ports: [{port: 80, nodePort: 30080}]')), 'The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated')
    expect(create(c, svc('d', 'ports: [{port: 80, nodePort: 0}]')).stdout).toBe('service/d created\n')
  })

  it('40: clusterIP may not change', () => {
    const c = cluster()
    c.apply(svc('web', 'ports: [{port: 80}]'))
    fails(c.apply(svc('web', 'clusterIP: None, ports: [{port: 80}]')), 'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set')
  })
})

describe('config objects (api-errors 41-42)', () => {
  it('41: an immutable ConfigMap keeps its data and its flag', () => {
    const c = cluster()
    const cm = (v: string, immutable = 'true') => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\nimmutable: ${immutable}\ndata: {k: "${v}"}\n`
    expect(c.apply(cm('1')).stdout).toBe('configmap/cfg created\n')
    fails(c.apply(cm('2')), 'The ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set')
    fails(c.apply(cm('1', 'false')), 'The ConfigMap "cfg" is invalid: immutable: Forbidden: field is immutable when `immutable` is set')
  })

  it('41: an immutable Secret keeps its data', () => {
    const c = cluster()
    const s = (v: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: true\nstringData: {k: "${v}"}\n`
    c.apply(s('1'))
    fails(c.apply(s('2')), 'The Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set')
  })

  it('42: a claim\'s spec is immutable', () => {
    const c = cluster()
    const pvc = (mode: string) =>
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [${mode}], storageClassName: manual, resources: {requests: {storage: 1Gi}}}\n`
    c.apply(pvc('ReadWriteOnce'))
    const r = c.apply(pvc('ReadWriteMany'))
    expect(r.exitCode).toBe(1)
    expect(r.stderr.split('\n')[0]).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    )
    expect(r.stderr).toContain('  core.PersistentVolumeClaimSpec{\n')
  })
})

describe('client-side errors and behaviours (api-errors sections 4-5)', () => {
  it('removed API versions: resource mapping not found', () => {
    fails(
      cluster().apply('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: hello}\nspec: {}\n'),
      'error: resource mapping not found for name: "hello" namespace: "" from "STDIN": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first',
    )
  })

  it('multi-document apply is not transactional; defaulting runs before validation', () => {
    const c = cluster()
    const r = c.apply(
      [
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}',
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort, ports: [{port: 80, nodePort: 80}]}',
        deployment(WEB_SPEC),
      ].join('\n---\n'),
    )
    expect(r.stdout).toBe('configmap/cfg created\ndeployment.apps/web created\n')
    expect(r.stderr).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    )
    expect(r.exitCode).toBe(1)
  })

  it('several causes go one per line', () => {
    fails(
      create(cluster(), pod('p', '', 'containers: [{name: A}]')),
      `The Pod "p" is invalid: \n* spec.containers[0].name: Invalid value: "A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n* spec.containers[0].image: Required value`,
    )
  })
})
