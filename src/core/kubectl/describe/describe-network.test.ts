/**
 * describe of a Service with EndpointSlices, the slices themselves, and NetworkPolicies.
 * Expected texts compared byte for byte with kubectl v1.31.9 on the same objects.
 */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'

const MANIFEST = `
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: web-abc, labels: {kubernetes.io/service-name: web}}
addressType: IPv4
ports: [{name: http, port: 80, protocol: TCP}, {name: metrics, port: 9090, protocol: TCP}]
endpoints:
- addresses: [10.244.1.2]
  conditions: {ready: true}
  nodeName: node-1
  targetRef: {kind: Pod, name: web-1, namespace: default}
- addresses: [10.244.2.2]
  conditions: {}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, name: http}, {port: 9090, name: metrics, nodePort: 30090}]
  type: NodePort
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector: {matchLabels: {role: fe}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports: [{port: 80}, {protocol: UDP, port: 53, endPort: 60}]
  - {}
  egress:
  - to: [{namespaceSelector: {}}]
`

const lines = (...l: string[]) => `${l.join('\n')}\n`

describe('kubectl describe: services with endpoint slices, slices, network policies', () => {
  it("lists a service port's endpoints from its EndpointSlices and describes the slice", () => {
    const c = createCluster({ seed: 7 })
    expect(c.apply(MANIFEST).stderr).toBe('')
    const svc = JSON.parse(c.kubectl('get svc web -o json').stdout)
    const out = c.kubectl('describe svc web').stdout
    const ip: string = svc.spec.clusterIP
    const pad = (s: string) => s.padEnd(26)
    expect(out).toContain(
      lines(
        `${pad('IP:')}${ip}`,
        `${pad('IPs:')}${ip}`,
        `${pad('Port:')}http  80/TCP`,
        `${pad('TargetPort:')}8080/TCP`,
        `${pad('NodePort:')}http  ${svc.spec.ports[0].nodePort}/TCP`,
        `${pad('Endpoints:')}10.244.1.2:80,10.244.2.2:80`,
        `${pad('Port:')}metrics  9090/TCP`,
        `${pad('TargetPort:')}9090/TCP`,
        `${pad('NodePort:')}metrics  30090/TCP`,
        `${pad('Endpoints:')}10.244.1.2:9090,10.244.2.2:9090`,
      ),
    )
    expect(c.kubectl('describe endpointslice web-abc').stdout).toBe(
      lines(
        'Name:         web-abc',
        'Namespace:    default',
        'Labels:       kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  http     80    TCP',
        '  metrics  9090  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.2',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   node-1',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.2.2',
        '    Conditions:',
        '      Ready:   <unset>',
        '    Hostname:  <unset>',
        '    NodeName:  <unset>',
        '    Zone:      <unset>',
        'Events:        <none>',
      ),
    )
  })

  it('explains a network policy rule by rule', () => {
    const c = createCluster({ seed: 7 })
    c.apply(MANIFEST)
    expect(c.kubectl('describe netpol api').stdout).toBe(
      lines(
        'Name:         api',
        'Namespace:    default',
        'Created on:   2025-01-01 00:00:00 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=api',
        '  Allowing ingress traffic:',
        '    To Port: 80/TCP',
        '    To Port Range: 53-60/UDP',
        '    From:',
        '      PodSelector: role=fe',
        '    From:',
        '      IPBlock:',
        '        CIDR: 10.0.0.0/8',
        '        Except: 10.1.0.0/16',
        '    ----------',
        '    To Port: <any> (traffic allowed to all ports)',
        '    From: <any> (traffic not restricted by source)',
        '  Allowing egress traffic:',
        '    To Port: <any> (traffic allowed to all ports)',
        '    To:',
        '      NamespaceSelector: <none>',
        '  Policy Types: Ingress, Egress',
      ),
    )
  })
})
