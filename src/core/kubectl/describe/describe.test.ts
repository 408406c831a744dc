/**
 * kubectl describe against a created cluster. The expected layouts were checked byte for byte
 * against the real kubectl v1.31.9 describing the same objects (served over HTTP).
 */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read objects as JSON */
function setup() {
  const c = createCluster({ seed: 7 })
  c.kubectl('create deployment web --image=nginx --replicas=2')
  c.advance('60s')
  const pods = JSON.parse(c.kubectl('get pods -o json').stdout).items as any[]
  return { c, pods }
}

describe('kubectl describe pod', () => {
  it('prints every field in upstream order and layout', () => {
    const { c, pods } = setup()
    const p = pods[0]
    const name: string = p.metadata.name
    const vol: string = p.spec.volumes[0].name
    const cs = p.status.containerStatuses[0]
    const out = c.kubectl(`describe pod ${name}`)
    expect(out.exitCode).toBe(0)
    const [head, events] = out.stdout.split('Events:\n')
    expect(head).toBe(
      [
        `Name:             ${name}`,
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        `Node:             ${p.spec.nodeName}/${p.status.hostIP}`,
        'Start Time:       Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:           app=web',
        `                  pod-template-hash=${p.metadata.labels['pod-template-hash']}`,
        'Annotations:      <none>',
        'Status:           Running',
        `IP:               ${p.status.podIP}`,
        'IPs:',
        `  IP:           ${p.status.podIP}`,
        `Controlled By:  ReplicaSet/${p.metadata.ownerReferences[0].name}`,
        'Containers:',
        '  nginx:',
        `    Container ID:   ${cs.containerID}`,
        '    Image:          nginx',
        `    Image ID:       ${cs.imageID}`,
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Running',
        `      Started:      ${'Wed, 01 Jan 2025 00:00:0'}${cs.state.running.startedAt.slice(18, 19)} +0000`,
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        `      /var/run/secrets/kubernetes.io/serviceaccount from ${vol} (ro)`,
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        `  ${vol}:`,
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        '',
      ].join('\n'),
    )
    const lines = events!.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ {2}Type {4}Reason {5}Age {3}From {15}Message$/)
    expect(lines[1]).toMatch(/^ {2}---- {4}------ {5}---- {2}---- {15}-------$/)
    expect(lines[2]).toBe(`  Normal  Scheduled  59s   default-scheduler  Successfully assigned default/${name} to ${p.spec.nodeName}`)
    expect(lines.slice(3).map((l) => l.split(/\s{2,}/)[2])).toEqual(['Pulling', 'Pulled', 'Created', 'Started'])
    expect(lines[6]).toMatch(/^ {2}Normal {2}Started {4}5\ds {3}kubelet {12}Started container nginx$/)
  })

  it('describes every pod whose name starts with the given prefix, each followed by a blank line', () => {
    const { c, pods } = setup()
    const out = c.kubectl('describe pods web')
    const names = [...out.stdout.matchAll(/^Name: +(\S+)$/gm)].map((m) => m[1])
    expect(names).toEqual(pods.map((p) => p.metadata.name))
    expect(out.stdout.endsWith('\n\n')).toBe(true)
    expect(out.stdout).toContain('\n\nName:             ')
  })

  it('separates several objects by one blank line and selects by label', () => {
    const { c } = setup()
    const out = c.kubectl('describe pods -l app=web')
    expect(out.stdout.split('\n\nName:').length).toBe(2)
    expect(out.stdout.endsWith('Started container nginx\n')).toBe(true)
  })

  it('answers NotFound as kubectl does and reports an empty selection on stderr', () => {
    const { c } = setup()
    expect(c.kubectl('describe pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 })
    expect(c.kubectl('describe pods -l app=none')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 })
    expect(c.kubectl('describe')).toEqual({
      stdout: '',
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    })
    expect(c.kubectl('describe pod x -A').stderr).toBe('error: a resource cannot be retrieved by name across all namespaces\n')
  })

  it('reads objects from -f, hides events with --show-events=false, and reports each missing name', () => {
    const { c, pods } = setup()
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'
    const fromFile = c.kubectl('describe -f -', { stdin: yaml })
    expect(fromFile.stdout).toBe(c.kubectl('describe deployment web').stdout)
    const quiet = c.kubectl(`describe pod ${pods[0].metadata.name} --show-events=false`).stdout
    expect(quiet).not.toContain('Events:')
    expect(quiet.endsWith('                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n')).toBe(true)
    const mixed = c.kubectl(`describe pods ${pods[0].metadata.name} a b`)
    expect(mixed.stdout.startsWith(`Name:             ${pods[0].metadata.name}\n`)).toBe(true)
    expect(mixed.stderr).toBe('Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n')
    expect(mixed.exitCode).toBe(1)
  })
})

describe('kubectl describe deployment and replicaset', () => {
  it('prints the replica summary, strategy, template, conditions and replica sets', () => {
    const { c, pods } = setup()
    const rs: string = pods[0].metadata.ownerReferences[0].name
    const out = c.kubectl('describe deployment/web').stdout
    expect(out).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        `NewReplicaSet:   ${rs} (2/2 replicas created)`,
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        `  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set ${rs} to 2`,
        '',
      ].join('\n'),
    )
    const rsOut = c.kubectl(`describe rs ${rs}`).stdout
    expect(rsOut).toContain(`Controlled By:  Deployment/web\nReplicas:       2 current / 2 desired\nPods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n`)
  })
})

describe('kubectl describe node', () => {
  it('shows the lease, conditions, resources of the pods on the node and its events', () => {
    const { c } = setup()
    const out = c.kubectl('describe node node-1').stdout
    expect(out).toContain('Roles:              <none>\n')
    expect(out).toContain('Taints:             <none>\nUnschedulable:      false\nLease:\n  HolderIdentity:  node-1\n  AcquireTime:     <unset>\n  RenewTime:       Wed, 01 Jan 2025 00:01:00 +0000\n')
    // The heartbeat is the kubelet's last status report: on a change, else every 5 minutes.
    expect(out).toMatch(/\n {2}Ready {12}True {4}(Tue, 31 Dec 2024 23|Wed, 01 Jan 2025 00):\d\d:\d\d \+0000 {3}Tue, 31 Dec 2024 23:52:00 \+0000 {3}KubeletReady {17}kubelet is posting ready status\n/)
    expect(out).toContain('Allocatable:\n  cpu:                2\n  ephemeral-storage:  56403988070\n  hugepages-1Gi:      0\n  hugepages-2Mi:      0\n  memory:             3996Mi\n  pods:               110\n')
    expect(out).toMatch(/\nNon-terminated Pods: {10}\(\d in total\)\n {2}Namespace {19}Name +CPU Requests {2}CPU Limits {2}Memory Requests {2}Memory Limits {2}Age\n/)
    expect(out).toMatch(/\n {2}kube-system {17}canal-\w{5} +250m \(12%\) {4}0 \(0%\) {6}0 \(0%\) {11}0 \(0%\) {9}9m\n/)
    // The node the default topology spread gave metrics-server also counts its requests.
    const pods = JSON.parse(c.kubectl('get pods -n kube-system -o json').stdout) as { items: { metadata: { name: string }; spec: { nodeName: string } }[] }
    const msNode = pods.items.find((p) => p.metadata.name.startsWith('metrics-server-'))!.spec.nodeName
    const ms = c.kubectl(`describe node ${msNode}`).stdout
    expect(ms).toMatch(/\n {2}kube-system {17}metrics-server-\w+-\w{5} {4}100m \(5%\) {5}0 \(0%\) {6}200Mi \(5%\) {7}0 \(0%\) {9}8m45s\n/)
    expect(ms).toContain('  Resource           Requests    Limits\n  --------           --------    ------\n  cpu                350m (17%)  0 (0%)\n  memory             200Mi (5%)  0 (0%)\n')
    expect(out).toContain('  Normal  Starting                 9m    kubelet  Starting kubelet.\n')
    const cp = c.kubectl('describe node control-plane').stdout
    expect(cp).toContain('Roles:              control-plane\n')
    expect(cp).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n')
  })
})

describe('kubectl describe service, namespace and other kinds', () => {
  it('describes the kubernetes service and a namespace without quotas', () => {
    const { c } = setup()
    expect(c.kubectl('describe svc kubernetes').stdout).toBe(
      [
        'Name:                     kubernetes',
        'Namespace:                default',
        'Labels:                   component=apiserver',
        '                          provider=kubernetes',
        'Annotations:              <none>',
        'Selector:                 <none>',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.1',
        'IPs:                      10.96.0.1',
        'Port:                     https  443/TCP',
        'TargetPort:               6443/TCP',
        'Endpoints:                <none>',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    )
    expect(c.kubectl('describe ns default').stdout).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    )
  })

  it('falls back to the generic describer with smart labels', () => {
    const { c } = setup()
    const out = c.kubectl('describe lease -n kube-node-lease node-1').stdout
    expect(out).toMatch(/^Name: {9}node-1\nNamespace: {4}kube-node-lease\nLabels: {7}<none>\nAnnotations: {2}<none>\nAPI Version: {2}coordination\.k8s\.io\/v1\nKind: {9}Lease\nMetadata:\n {2}Creation Timestamp: {2}2024-12-31T23:52:00Z\n/)
    expect(out).toContain('Spec:\n  Holder Identity:         node-1\n  Lease Duration Seconds:  40\n')
  })
})
