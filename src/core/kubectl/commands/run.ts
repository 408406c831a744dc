/**
 * kubectl run (pkg/cmd/run/run.go with the run-pod/v1 generator, pkg/generate/versioned/run.go):
 * one Pod named after NAME, labelled run=NAME unless --labels is given, created through the
 * API. Attaching (-i, -t, --attach, --rm) needs a terminal the playground does not have.
 */

import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { toTypedGoJSON, toTypedGoYaml } from '../printers/go-yaml'
import { templateFlags } from '../printers/jsonpath/flags'
import type { JSONPathPrinter } from '../printers/jsonpath/printer'
import { jsonPathTemplateFor, printJSONPath } from './wait-print'
import { lookupType } from '../resource-args'
import { parsePairs } from './annotate'
import { dryRunSuffix } from './targets'

export const runFlags: FlagSpec[] = [
  { name: 'image', type: 'string', default: '' },
  { name: 'port', type: 'string', default: '' },
  { name: 'labels', short: 'l', type: 'string', default: '' },
  { name: 'env', type: 'stringArray', default: [] },
  { name: 'annotations', type: 'stringArray', default: [] },
  { name: 'restart', type: 'string', default: '' },
  { name: 'command', type: 'bool', default: false },
  { name: 'image-pull-policy', type: 'string', default: '' },
  { name: 'leave-stdin-open', type: 'bool', default: false },
  { name: 'overrides', type: 'string', default: '' },
  { name: 'override-type', type: 'string', default: 'merge' },
  { name: 'privileged', type: 'bool', default: false },
  { name: 'stdin', short: 'i', type: 'bool', default: false },
  { name: 'tty', short: 't', type: 'bool', default: false },
  { name: 'attach', type: 'bool', default: false },
  { name: 'rm', type: 'bool', default: false },
  { name: 'expose', type: 'bool', default: false },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  ...templateFlags,
  { name: 'save-config', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-run' },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
  { name: 'quiet', short: 'q', type: 'bool', default: false },
]

const usage = (msg: string) => new KubectlError(`error: ${msg}\nSee 'kubectl run -h' for help and examples`)

/** docker/distribution's reference grammar, enough to reject what it rejects. */
const REFERENCE =
  /^((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** generate.ParseLabels: "k=v,k2=v2". */
function parseLabelList(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2) throw new KubectlError(`error: invalid label spec: ${part}`)
    out[kv[0]!] = kv[1]!
  }
  // Sorted: encoding/json writes a map's keys in order, and client dry-run JSON keeps ours.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** BasicPod.Generate */
function podFor(name: string, flags: FlagValues, args: string[]): KubeObject {
  const env = (flags.env as string[]).map((e) => {
    const pos = e.indexOf('=')
    const n = pos < 0 ? '' : e.slice(0, pos)
    if (!n || !ENV_NAME.test(n)) throw new KubectlError(`error: invalid env: ${e}`)
    return { name: n, value: e.slice(pos + 1) }
  })
  const annotations = Object.fromEntries([...parsePairs(flags.annotations as string[], 'annotations').add].sort(([a], [b]) => (a < b ? -1 : 1)))
  const labels = flags.labels ? parseLabelList(String(flags.labels)) : { run: name }
  const port = String(flags.port)
  if (port && !/^[-+]?\d+$/.test(port)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`)
  // Keys in the Go structs' field order: a client dry-run prints the typed object as it is.
  const container: Record<string, unknown> = { name, image: String(flags.image) }
  if (args.length) container[flags.command ? 'command' : 'args'] = args
  if (port) container.ports = [{ containerPort: Number(port) }]
  if (env.length) container.env = env
  container.resources = {}
  if (flags['image-pull-policy']) container.imagePullPolicy = String(flags['image-pull-policy'])
  if (flags.privileged) container.securityContext = { privileged: true }
  if (flags.stdin) Object.assign(container, { stdin: true, stdinOnce: true })
  if (flags.tty) container.tty = true
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels }
  if (Object.keys(annotations).length) metadata.annotations = annotations
  const spec: Record<string, unknown> = { containers: [container], restartPolicy: String(flags.restart) || 'Always', dnsPolicy: 'ClusterFirst' }
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status: {} } as unknown as KubeObject
}

function create(ctx: KubectlContext, plural: string, obj: KubeObject, flags: FlagValues): KubeObject {
  const dryRun = String(flags['dry-run'])
  if (dryRun === 'client') {
    if (flags.namespace) obj.metadata = { name: obj.metadata.name, namespace: ctx.namespace, ...obj.metadata }
    return obj
  }
  return ctx.api.create(lookupType(ctx.api, plural), obj, { namespace: ctx.namespace, dryRun: dryRun === 'server', user: ctx.user, fieldManager: String(flags['field-manager']) })
}

function print(ctx: KubectlContext, obj: KubeObject, resource: string, output: string, dryRun: string, template?: JSONPathPrinter): void {
  // The template sees the typed object as encoding/json writes it.
  if (template) printJSONPath(ctx, template, JSON.parse(toTypedGoJSON(obj)))
  else if (output === 'yaml') ctx.out(toTypedGoYaml(obj))
  // kubectl run holds a typed Pod, whether built here or returned by the server.
  else if (output === 'json') ctx.out(toTypedGoJSON(obj))
  else if (output === 'name') ctx.out(`${resource}/${obj.metadata.name}\n`)
  else ctx.out(`${resource}/${obj.metadata.name} created${dryRunSuffix(dryRun)}\n`)
}

export function runRun(ctx: KubectlContext, args: string[], flags: FlagValues, dashArgs?: string[]): number {
  const image = String(flags.image)
  // cobra checks required flags before the command runs.
  if (!image) throw new KubectlError('error: required flag(s) "image" not set')
  if (!args.length) throw usage('NAME is required for run')
  if (!REFERENCE.test(image)) throw new KubectlError(`error: Invalid image name ${JSON.stringify(image)}: invalid reference format`)
  if (flags.tty && !flags.stdin) throw usage('-i/--stdin is required for containers with -t/--tty=true')
  if (flags.expose && !flags.port) throw usage('--port must be set when exposing a service')
  const restart = String(flags.restart)
  if (restart && !['Always', 'OnFailure', 'Never'].includes(restart)) throw usage(`invalid restart policy: ${restart}`)
  const attach = flags.attach || flags.stdin
  if (!attach && flags.rm) throw usage('--rm should only be used for attached containers')
  const dryRun = String(flags['dry-run'])
  if (attach && dryRun !== 'none') throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
  const pull = String(flags['image-pull-policy'])
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw usage(`invalid image pull policy: ${pull}`)
  if (attach) throw new KubectlError('error: attaching to a container ("kubectl run -i/-t/--attach") is not available in this playground yet')
  const name = args[0]!
  const pod = podFor(name, flags, [...args.slice(1), ...(dashArgs ?? [])])
  const output = String(flags.output ?? '')
  const template = jsonPathTemplateFor(ctx, flags)
  const pods = create(ctx, 'pods', pod, flags)
  // --expose: the service-v2 generator's Service, printed before the pod (generateService).
  let failure: unknown
  if (flags.expose) {
    try {
      const port = Number(flags.port)
      const labels = flags.labels ? parseLabelList(String(flags.labels)) : undefined
      const selector = labels ?? { run: name }
      const metadata: Record<string, unknown> = { name, creationTimestamp: null }
      if (labels) metadata.labels = labels
      const svc = { kind: 'Service', apiVersion: 'v1', metadata, spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector }, status: { loadBalancer: {} } }
      const made = create(ctx, 'services', svc as unknown as KubeObject, flags)
      print(ctx, made, 'service', output, String(flags['dry-run']), template)
      // generateService's own separator, then the YAML printer's before its second document.
      if (output === 'yaml') ctx.out('---\n---\n')
    } catch (e) {
      failure = e
    }
  }
  print(ctx, pods, 'pod', output, String(flags['dry-run']), template)
  if (failure) throw failure
  return 0
}
