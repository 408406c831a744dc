// Every message of the API error catalogue (corpus api-errors.md, copied facts), as a learner
// sees it through kubectl: exact stderr and exit code. Sections 1-3 (existence, admission,
// decoding, names); api-errors-fields.test.ts has the per-kind field errors.
import { describe, expect, it } from 'vitest'
import { cluster, create, deployment, fails, pod, WEB_SPEC } from './api-errors-helpers'

describe('existence and concurrency (api-errors 1-6)', () => {
  it('1-2: NotFound names the plural, with the group for named groups', () => {
    const c = cluster()
    fails(c.kubectl('get pod nginx'), 'Error from server (NotFound): pods "nginx" not found')
    fails(c.kubectl('delete pod nginx'), 'Error from server (NotFound): pods "nginx" not found')
    fails(c.kubectl('get deployment web'), 'Error from server (NotFound): deployments.apps "web" not found')
  })

  it('3: creating in a missing namespace', () => {
    fails(create(cluster(), pod('nginx', ', namespace: dev')), 'Error from server (NotFound): error when creating "STDIN": namespaces "dev" not found')
  })

  it('4: AlreadyExists, from a file and for a StorageClass', () => {
    const c = cluster()
    expect(create(c, pod('nginx')).stdout).toBe('pod/nginx created\n')
    fails(create(c, pod('nginx')), 'Error from server (AlreadyExists): error when creating "STDIN": pods "nginx" already exists')
    const sc = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp2}\nprovisioner: kubernetes.io/aws-ebs\n'
    expect(create(c, sc).exitCode).toBe(0)
    fails(create(c, sc), 'Error from server (AlreadyExists): error when creating "STDIN": storageclasses.storage.k8s.io "gp2" already exists')
  })

  it('5: creating while the old object is still being deleted', () => {
    const c = cluster()
    create(c, pod('nginx'))
    c.advance('30s')
    expect(c.kubectl('delete pod nginx --wait=false').stdout).toBe('pod "nginx" deleted\n')
    fails(create(c, pod('nginx')), 'Error from server (AlreadyExists): error when creating "STDIN": object is being deleted: pods "nginx" already exists')
  })

  it('6: replacing with a stale resourceVersion is a Conflict', () => {
    const c = cluster()
    c.apply(deployment(WEB_SPEC))
    const rv = /resourceVersion: "(\d+)"/.exec(c.kubectl('get deployment web -o yaml').stdout)![1]
    expect(c.kubectl('scale deployment web --replicas=2').exitCode).toBe(0)
    const stale = deployment(WEB_SPEC).replace('metadata: {name: web}', `metadata: {name: web, resourceVersion: "${rv}"}`)
    fails(
      c.kubectl('replace -f -', { stdin: stale }),
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    )
    expect(c.kubectl('replace -f -', { stdin: deployment(WEB_SPEC) }).stdout).toBe('deployment.apps/web replaced\n')
    fails(c.kubectl('replace -f -', { stdin: deployment(WEB_SPEC, 'other') }), 'Error from server (NotFound): error when replacing "STDIN": deployments.apps "other" not found')
  })

  it('36: a uid sent with an update must be the stored one', () => {
    const c = cluster()
    c.apply(pod('nginx'))
    fails(
      c.apply(pod('nginx', ', uid: 0b5e6f7a-1111-2222-3333-444455556666')),
      'The Pod "nginx" is invalid: metadata.uid: Invalid value: "0b5e6f7a-1111-2222-3333-444455556666": field is immutable',
    )
  })
})

describe('admission (api-errors 8)', () => {
  it('8: a terminating namespace takes nothing new', () => {
    const c = cluster()
    c.kubectl('create namespace dev')
    // A finalizer nobody removes keeps the namespace Terminating.
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hold, namespace: dev, finalizers: [example.com/hold]}\n')
    c.kubectl('delete namespace dev --wait=false')
    c.advance('5s')
    fails(
      create(c, pod('x', ', namespace: dev')),
      'Error from server (Forbidden): error when creating "STDIN": pods "x" is forbidden: unable to create new content in namespace dev because it is being terminated',
    )
  })
})

describe('LimitRange and ResourceQuota admission (api-errors 9-10)', () => {
  const quota =
    'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: mem-cpu-demo}\nspec: {hard: {requests.cpu: "1", requests.memory: 1Gi, limits.cpu: "2", limits.memory: 2Gi}}\n'
  const sized = (name: string, req: string, lim: string) =>
    pod(name, '', `containers: [{name: nginx, image: nginx, resources: {requests: {memory: ${req}, cpu: 100m}, limits: {memory: ${lim}, cpu: 200m}}}]`)

  it('9: a quota wants every resource named, and refuses what does not fit', () => {
    const c = cluster()
    c.apply(quota)
    fails(
      create(c, pod('bare')),
      'Error from server (Forbidden): error when creating "STDIN": pods "bare" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: nginx; limits.memory for: nginx; requests.cpu for: nginx; requests.memory for: nginx',
    )
    expect(create(c, sized('quota-mem-cpu-demo', '600Mi', '800Mi')).exitCode).toBe(0)
    fails(
      create(c, sized('quota-mem-cpu-demo-2', '700Mi', '1Gi')),
      'Error from server (Forbidden): error when creating "STDIN": pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
    )
  })

  it('10: a LimitRange fills in defaults and enforces its max', () => {
    const c = cluster()
    c.apply('apiVersion: v1\nkind: LimitRange\nmetadata: {name: cpu-min-max}\nspec: {limits: [{type: Container, max: {cpu: 800m}, min: {cpu: 200m}}]}\n')
    fails(
      create(c, pod('constraints-cpu-demo-2', '', 'containers: [{name: a, image: nginx, resources: {limits: {cpu: 1500m}, requests: {cpu: 500m}}}]')),
      'Error from server (Forbidden): error when creating "STDIN": pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m',
    )
    expect(create(c, pod('defaulted')).exitCode).toBe(0)
    const yaml = c.kubectl('get pod defaulted -o yaml').stdout
    expect(yaml).toContain('    resources:\n      limits:\n        cpu: 800m\n      requests:\n        cpu: 800m\n')
  })
})

describe('decoding (api-errors 13-14)', () => {
  it('13: unknown fields under kubectl\'s default --validate=strict, all of them, joined', () => {
    const c = cluster()
    fails(
      c.apply(deployment(WEB_SPEC.replace('replicas: 1', 'replica: 1'))),
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"',
    )
    const two = deployment(WEB_SPEC.replace('replicas: 1', 'replica: 1\n  b: 2').replace('image: nginx}', 'image: nginx, imagePullPolcy: Always}'))
    fails(
      c.apply(two),
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.b", unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePullPolcy"',
    )
    expect(c.kubectl('get deployments').stderr).toBe('No resources found in default namespace.\n')
    // --validate=warn: created, with the server's warning; --validate=false: silently dropped.
    expect(c.kubectl('apply --validate=warn -f -', { stdin: deployment(WEB_SPEC.replace('replicas: 1', 'replica: 1')) })).toEqual({
      stdout: 'deployment.apps/web created\n',
      stderr: 'Warning: unknown field "spec.replica"\n',
      exitCode: 0,
    })
    expect(c.kubectl('apply --validate=false -f -', { stdin: deployment(WEB_SPEC.replace('replicas: 1', 'replica: 1'), 'web2') }).stdout).toBe('deployment.apps/web2 created\n')
    expect(c.kubectl('get deployment web2 -o yaml').stdout).not.toContain('replica: 1')
  })

  it('13: wrong types get encoding/json\'s words', () => {
    const c = cluster()
    fails(
      c.apply(deployment(WEB_SPEC.replace('replicas: 1', 'replicas: three'))),
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    )
    fails(
      c.apply(pod('p', '', 'containers: [{name: a, image: nginx, env: [{name: X, value: 5}]}]')),
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
    )
    fails(
      c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {port: 8080}\n'),
      'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    )
    fails(
      c.apply('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: hello}\n'),
      'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    )
  })

  it('13: kubectl itself decodes metadata before sending anything', () => {
    fails(cluster().apply(pod('p', ', labels: {version: 1}')), 'error: unable to decode "STDIN": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string')
  })

  it('14: a malformed quantity', () => {
    fails(
      cluster().apply(pod('p', '', 'containers: [{name: a, image: nginx, resources: {limits: {cpu: 1 core}}}]')),
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    )
  })
})

describe('names and labels (api-errors 15-20)', () => {
  const SUBDOMAIN =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

  it('15: upper case in a pod name', () => {
    fails(create(cluster(), pod('MyApp')), `The Pod "MyApp" is invalid: metadata.name: Invalid value: "MyApp": ${SUBDOMAIN}`)
  })

  it('16: a namespace name is a DNS-1123 label', () => {
    fails(
      create(cluster(), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: Dev}\n'),
      `The Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    )
  })

  it('17: a service name is a DNS-1035 label', () => {
    fails(
      create(cluster(), 'apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec: {ports: [{port: 80}]}\n'),
      `The Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    )
  })

  it('18: too long, and too long and badly formed (two causes)', () => {
    const c = cluster()
    const long = 'a'.repeat(64)
    fails(
      create(c, `apiVersion: v1\nkind: Service\nmetadata: {name: ${long}}\nspec: {ports: [{port: 80}]}\n`),
      `The Service "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 63 characters`,
    )
    // Namespace defaulting copies the name into the kubernetes.io/metadata.name label first.
    fails(
      create(c, `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${long}}\n`),
      `The Namespace "${long}" is invalid: \n* metadata.name: Invalid value: "${long}": must be no more than 63 characters\n* metadata.labels: Invalid value: "${long}": must be no more than 63 characters`,
    )
    const bad = `${'A'.repeat(254)}`
    fails(
      create(c, pod(bad)),
      `The Pod "${bad}" is invalid: \n* metadata.name: Invalid value: "${bad}": must be no more than 253 characters\n* metadata.name: Invalid value: "${bad}": ${SUBDOMAIN}`,
    )
  })

  it('19: no name: create reaches the server, apply stops in the client', () => {
    const c = cluster()
    const noName = 'apiVersion: v1\nkind: Pod\nmetadata: {labels: {app: x}}\nspec: {containers: [{name: a, image: nginx}]}\n'
    fails(create(c, noName), 'The Pod "" is invalid: metadata.name: Required value: name or generateName is required')
    fails(
      c.apply(noName),
      'error: error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "STDIN": resource name may not be empty',
    )
  })

  it('20: a bad label value names the labels map', () => {
    fails(
      create(cluster(), pod('p', ', labels: {app: "a b"}')),
      `The Pod "p" is invalid: metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    )
  })
})
