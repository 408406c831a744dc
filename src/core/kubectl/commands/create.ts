/** kubectl create -f, and the generators `create deployment` and `create namespace`. */

import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoJSON, toGoYaml, toTypedGoJSON, toTypedGoYaml } from '../printers/go-yaml'
import { refName } from '../resource-args'
import { fieldValidationFor, resolveForDoc, warn } from './apply'
import { readManifestStreams } from './filenames'
import type { KubeObject } from '../../api/types'
import { ManifestError } from '../manifests'
import { bindingFor, createBindingFlags } from './create-rbac'
import { clusterRoleFor, createRoleFlags, roleFor } from './create-role'
import { configMapFor, createConfigFlags, secretFor } from './create-config'
import { createServiceFlags, serviceAccountFor, serviceFor } from './create-service'
import { createPolicyFlags, podDisruptionBudgetFor, priorityClassFor, quotaFor } from './create-policy'
import { createJobFlags, cronJobFor, jobFor, wrapCreateError } from './create-job'

export const createFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'image', type: 'stringArray', default: [] },
  { name: 'replicas', short: 'r', type: 'int', default: 1 },
  { name: 'port', type: 'int', default: -1 },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'save-config', type: 'bool', default: false },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
  ...createBindingFlags,
  ...createRoleFlags,
  ...createConfigFlags,
  ...createServiceFlags,
  ...createPolicyFlags,
  ...createJobFlags,
]

/** The container name kubectl derives from an image: its last path part without tag or digest. */
export function containerNameFromImage(image: string): string {
  let base = image.split('/').pop() ?? image
  base = base.split('@')[0]!.split(':')[0]!
  return base.toLowerCase().replace(/[^a-z0-9-]/g, '-')
}

export function deploymentFor(name: string, images: string[], replicas: number, port: number): KubeObject {
  const labels = { app: name }
  const containers = images.map((image) => {
    // Field order of the Go types, which a dry-run -o json keeps.
    return { name: containerNameFromImage(image), image, ports: port >= 0 ? [{ containerPort: port }] : undefined, resources: {} }
  })
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, creationTimestamp: null as unknown as string, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } }, strategy: {} },
    status: {},
  }
}

/** `typed`: a generator's object (kubectl holds a Go struct), not one read from a file (a map). */
function emit(ctx: KubectlContext, obj: KubeObject, output: string, ref: string, dryRun: string, typed = true): void {
  if (output === 'yaml') ctx.out(typed ? toTypedGoYaml(obj) : toGoYaml(obj))
  else if (output === 'json') ctx.out(typed ? toTypedGoJSON(obj) : toGoJSON(obj))
  else if (output === 'name') ctx.out(`${ref}\n`)
  else ctx.out(`${ref} created${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`)
}

export function runCreate(ctx: KubectlContext, args: string[], flags: FlagValues, dashArgs: string[] = []): number {
  const dryRun = String(flags['dry-run'])
  const output = String(flags.output ?? '')
  const sub = args[0]
  if (!sub) {
    const files = flags.filename as string[]
    if (!files.length) throw new KubectlError("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples")
    // As kubectl's builder with ContinueOnError: what was read is created, errors come last.
    const { docs, errors: streamErrors } = readManifestStreams(ctx, files)
    const errors: string[] = []
    const stopped = new Set<string>()
    for (const doc of docs) {
      if (stopped.has(doc.source)) continue
      try {
        const t = resolveForDoc(ctx, doc)
        const created = ctx.api.create(t, doc.object, { namespace: doc.object.metadata?.namespace || ctx.namespace, dryRun: dryRun !== 'none', user: ctx.user, fieldValidation: fieldValidationFor(flags.validate), warnings: warn(ctx), fieldManager: String(flags['field-manager']) })
        emit(ctx, created, output, refName(t, created.metadata.name!), dryRun, false)
      } catch (e) {
        if (e instanceof ManifestError) stopped.add(doc.source)
        errors.push(e instanceof KubectlError || e instanceof ManifestError ? e.message : formatError(e, `error when creating "${doc.source}": `))
      }
    }
    errors.push(...streamErrors.map((e) => e.message))
    if (!docs.length && !errors.length) throw new KubectlError('error: no objects passed to create')
    for (const msg of errors) ctx.err(`${msg}\n`)
    const exit = errors.length ? 1 : 0
    return exit
  }
  if (sub === 'deployment' || sub === 'deploy') {
    const name = args[1]
    const images = flags.image as string[]
    if (!name) throw new KubectlError("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples")
    if (!images.length) throw new KubectlError("error: required flag(s) \"image\" not set")
    const obj = deploymentFor(name, images, flags.replicas as number, flags.port as number)
    const t = ctx.api.registry.forGroupResource('apps', 'deployments')!
    if (dryRun === 'client') {
      emit(ctx, obj, output, refName(t, name), dryRun)
      return 0
    }
    try {
      const created = ctx.api.create(t, obj, { namespace: ctx.namespace, dryRun: dryRun === 'server', user: ctx.user, fieldManager: String(flags['field-manager']) })
      emit(ctx, created, output, refName(t, name), dryRun)
    } catch (e) {
      // Upstream wraps every server error here, Invalid included.
      if (isStatusError(e)) throw new KubectlError(`error: failed to create deployment: ${e.message}`)
      throw e
    }
    return 0
  }
  if (sub === 'namespace' || sub === 'ns') {
    const name = args[1]
    if (!name) throw new KubectlError("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples")
    const obj: KubeObject = { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null as unknown as string }, spec: {}, status: {} }
    const t = ctx.api.registry.forGroupResource('', 'namespaces')!
    if (dryRun === 'client') {
      emit(ctx, obj, output, refName(t, name), dryRun)
      return 0
    }
    // Unlike create deployment, upstream returns the namespace create error unwrapped.
    const created = ctx.api.create(t, obj, { dryRun: dryRun === 'server', user: ctx.user, fieldManager: String(flags['field-manager']) })
    emit(ctx, created, output, refName(t, name), dryRun)
    return 0
  }
  const generated = generatorObject(ctx, sub, args, flags)
  if (generated) {
    const [group, plural, wrap] = generated.target
    const t = ctx.api.registry.forGroupResource(group, plural)!
    const ref = refName(t, generated.obj.metadata.name!)
    if (dryRun === 'client') {
      emit(ctx, generated.obj, output, ref, dryRun)
      return 0
    }
    try {
      const created = ctx.api.create(t, generated.obj, { namespace: ctx.namespace, dryRun: dryRun === 'server', user: ctx.user, fieldManager: String(flags['field-manager']) })
      emit(ctx, created, output, ref, dryRun)
    } catch (e) {
      if (isStatusError(e) && wrap) throw new KubectlError(`error: ${wrap}${e.message}`)
      throw e
    }
    return 0
  }
  if (sub === 'job' || sub === 'cronjob' || sub === 'cj') {
    const obj = sub === 'job' ? jobFor(ctx, args.slice(1), flags, dashArgs) : cronJobFor(args.slice(1), flags, dashArgs)
    const t = ctx.api.registry.forGroupResource('batch', sub === 'job' ? 'jobs' : 'cronjobs')!
    const ref = refName(t, obj.metadata.name!)
    if (dryRun === 'client') return emit(ctx, obj, output, ref, dryRun), 0
    try {
      emit(ctx, ctx.api.create(t, obj, { namespace: ctx.namespace, dryRun: dryRun === 'server', user: ctx.user }), output, ref, dryRun)
    } catch (e) {
      wrapCreateError(e, sub === 'job' ? 'job' : 'cronjob')
    }
    return 0
  }
  throw new KubectlError(`error: unknown command "${sub}" for "kubectl create"`)
}

/** The object a simple generator builds, where it goes, and how upstream prefixes server errors. */
function generatorObject(ctx: KubectlContext, sub: string, args: string[], flags: FlagValues): { obj: KubeObject; target: [string, string, string] } | undefined {
  switch (sub) {
    case 'configmap':
    case 'cm':
      return { obj: configMapFor(ctx, args[1], flags), target: ['', 'configmaps', 'failed to create configmap: '] }
    case 'secret':
      if (args[1] !== 'generic' && args[1] !== 'docker-registry') throw new KubectlError(`error: unknown command "${args.slice(1).join(' ')}"\nSee 'kubectl create secret -h' for help and examples`)
      return { obj: secretFor(ctx, args[1], args[2], flags), target: ['', 'secrets', 'failed to create secret '] }
    case 'service':
    case 'svc': {
      const { obj, type } = serviceFor(ctx, args[1], args[2], flags)
      return { obj, target: ['', 'services', `failed to create ${type} service: `] }
    }
    // RBAC objects: upstream returns their server errors unwrapped.
    case 'role':
      return { obj: roleFor(ctx, args[1], flags), target: ['rbac.authorization.k8s.io', 'roles', ''] }
    case 'clusterrole':
      return { obj: clusterRoleFor(ctx, args[1], flags), target: ['rbac.authorization.k8s.io', 'clusterroles', ''] }
    case 'rolebinding':
    case 'clusterrolebinding':
      return { obj: bindingFor(ctx, sub === 'rolebinding' ? 'RoleBinding' : 'ClusterRoleBinding', args[1], flags), target: ['rbac.authorization.k8s.io', `${sub}s`, ''] }
    case 'quota':
    case 'resourcequota':
      return { obj: quotaFor(ctx, args[1], flags), target: ['', 'resourcequotas', 'failed to create quota: '] }
    case 'priorityclass':
    case 'pc':
      return { obj: priorityClassFor(args[1], flags), target: ['scheduling.k8s.io', 'priorityclasses', 'failed to create priorityclass: '] }
    case 'poddisruptionbudget':
    case 'pdb':
      return { obj: podDisruptionBudgetFor(ctx, args[1], flags), target: ['policy', 'poddisruptionbudgets', 'failed to create poddisruptionbudgets: '] }
    case 'serviceaccount':
    case 'sa':
      return { obj: serviceAccountFor(ctx, args[1]), target: ['', 'serviceaccounts', 'failed to create serviceaccount: '] }
  }
  return undefined
}
