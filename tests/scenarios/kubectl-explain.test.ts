// kubectl explain in the headless engine: what a learner reads for a kind and a field, and
// kubectl's words for the mistakes (outputs checked against kubectl v1.31.9 by scripts 48-49).
import { beforeAll, describe, expect, it } from 'vitest'
import { loadAPIDocs } from '../../src/core/api/schema/docs'
import { createCluster } from '../../src/core/cluster'

describe('kubectl explain', () => {
  beforeAll(async () => {
    await loadAPIDocs()
  })
  const cluster = createCluster({ seed: 1, workers: 1 })

  it('explains a field: its type, its description wrapped at 80 columns', () => {
    expect(cluster.kubectl('explain deploy.spec.replicas')).toEqual({
      stdout:
        'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n' +
        '    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('lists a kind\'s fields with their types and the required ones', () => {
    const out = cluster.kubectl('explain pods.spec.containers').stdout
    expect(out).toContain('FIELD: containers <[]Container>\n')
    expect(out).toContain('  name\t<string> -required-\n    Name of the container specified as a DNS_LABEL.')
    expect(out).toContain('  env\t<[]EnvVar>\n')
    const recursive = cluster.kubectl('explain svc --recursive').stdout
    expect(recursive).toContain('  metadata\t<ObjectMeta>\n    annotations\t<map[string]string>\n')
    expect(recursive).toContain('      targetPort\t<IntOrString>\n')
  })

  it('shows the values an enum field takes', () => {
    const field = cluster.kubectl('explain pod.spec.restartPolicy').stdout
    expect(field).toContain('FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n')
    expect(field).toContain('\n    Possible enum values:\n     - `"Always"`\n     - `"Never"`\n     - `"OnFailure"`\n')
    expect(cluster.kubectl('explain pod.spec').stdout).toContain('  dnsPolicy\t<string>\n  enum: ClusterFirst, ClusterFirstWithHostNet, Default, None\n')
    expect(cluster.kubectl('explain pod.spec.volumes.hostPath').stdout).toContain('  type\t<string>\n  enum: "", BlockDevice, CharDevice, Directory, ....\n')
  })

  it('answers mistakes in kubectl\'s words', () => {
    expect(cluster.kubectl('explain')).toMatchObject({ stderr: 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n', exitCode: 1 })
    expect(cluster.kubectl('explain widgets')).toMatchObject({ stdout: '', stderr: 'the server doesn\'t have a resource type "widgets"\n', exitCode: 1 })
    expect(cluster.kubectl('explain deploy.spec.replica')).toEqual({ stdout: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n', stderr: 'error: field "replica" does not exist\n', exitCode: 1 })
    expect(cluster.kubectl('explain ev')).toMatchObject({ stderr: 'Warning: short name "ev" could also match lower priority resource events.events.k8s.io\n', exitCode: 0 })
  })
})
