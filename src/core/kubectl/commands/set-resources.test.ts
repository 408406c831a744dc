import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'

describe('kubectl set resources', () => {
  it('merges canonical requests and limits into the template and says so once', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl('set resources deployment web --requests=cpu=0.5,memory=64Mi').stdout).toBe('deployment.apps/web resource requirements updated\n')
    c.kubectl('set resources deployment web --limits=cpu=1')
    const deploy = JSON.parse(c.kubectl('get deploy web -o json').stdout) as { spec: { template: { spec: { containers: { resources: unknown }[] } } } }
    expect(deploy.spec.template.spec.containers[0]!.resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '500m', memory: '64Mi' } })
    // The same values again change nothing, so nothing is printed.
    const again = c.kubectl('set resources deployment web --requests=cpu=500m')
    expect([again.stdout, again.stderr, again.exitCode]).toEqual(['', '', 0])
  })

  it('reports bad input as kubectl 1.31 does', () => {
    const c = createCluster({ seed: 1, workers: 1 })
    c.kubectl('create deployment web --image=nginx')
    expect(c.kubectl('set resources deployment web').stderr).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n')
    expect(c.kubectl('set resources deployment web --requests=cpu').stderr).toBe('error: Invalid argument syntax cpu, expected <resource>=<value>\n')
    expect(c.kubectl('set resources deployment web --requests=cpu=1 -c nope').stderr).toBe('error: unable to find container named nope\n')
    expect(c.kubectl('set resources deployment nope --requests=cpu=abc').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    expect(c.kubectl('set resources svc kubernetes --requests=cpu=1').stderr).toBe('error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n\n')
    expect(c.kubectl('set resources deployment web --requests=cpu=500m --limits=cpu=200m').stderr).toBe(
      'error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "500m": must be less than or equal to cpu limit of 200m\n',
    )
  })
})
