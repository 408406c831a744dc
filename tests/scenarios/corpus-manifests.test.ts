// Every manifest of the corpus (tests/fixtures/corpus, see SOURCES.md), applied with
// `kubectl apply -f <file>` to a fresh cluster, gets what a v1.31 cluster answers: each object
// created, unless the table below says otherwise (and why).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { createCluster } from '../../src/core/cluster'

const ROOT = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))
const FILES = readFileSync(`${ROOT}INDEX.tsv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]!)

/** Files whose objects live in a namespace nobody created: NotFound first, created after it exists. */
const NEEDS_NAMESPACE: Record<string, string> = {
  'k8s-examples/AI/vllm-deployment/hpa/gpu-dcgm-exporter-service-gke.yaml': 'gke-managed-system',
  'k8s-examples/_archived/spark/spark-gluster/spark-master-service.yaml': 'spark-cluster',
}

const mappingError = (file: string, name: string, kind: string, version: string) =>
  `error: resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${version}"\nensure CRDs are installed first`

const badRequest = (file: string, kind: string, message: string) =>
  `Error from server (BadRequest): error when creating "${file}": ${kind} in version "v1" cannot be handled as a ${kind}: ${message}`

/** What a v1.31 cluster refuses, file by file (stderr; nothing is created). */
const REFUSED: Record<string, (file: string) => string> = {
  // API versions removed before v1.31 (INDEX.tsv, column removed_api).
  'k8s-website/application/job/cronjob.yaml': (f) => mappingError(f, 'hello', 'CronJob', 'batch/v1beta1'),
  'k8s-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml': (f) => mappingError(f, 'newrelic-infra-agent', 'DaemonSet', 'extensions/v1beta1'),
  'k8s-examples/_archived/volumes/flexvolume/deploy/ds.yaml': (f) => mappingError(f, 'flex-ds', 'DaemonSet', 'extensions/v1beta1'),
  'k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/account-specified-hdd/storageclass-account-hdd.yaml': (f) =>
    mappingError(f, 'accounthdd', 'StorageClass', 'storage.k8s.io/v1beta1'),
  'k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/dedicated-hdd/storageclass-dedicated-hdd.yaml': (f) =>
    mappingError(f, 'dedicatedhdd', 'StorageClass', 'storage.k8s.io/v1beta1'),
  'k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-hdd/storageclass-shared-hdd.yaml': (f) =>
    mappingError(f, 'sharedhdd', 'StorageClass', 'storage.k8s.io/v1beta1'),
  'k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-ssd/storageclass-shared-ssd.yaml': (f) =>
    mappingError(f, 'sharedssd', 'StorageClass', 'storage.k8s.io/v1beta1'),
  // A placeholder left in the file (`lun: <ADD LUN ID Here>`) is a string where an int32 goes.
  'k8s-examples/_archived/volumes/fibre_channel/fc.yaml': (f) =>
    badRequest(f, 'Pod', 'json: cannot unmarshal string into Go struct field FCVolumeSource.spec.volumes.fc.lun of type int32'),
  // Fields that the volume sources never had (strict decoding, kubectl's default).
  'k8s-examples/_archived/volumes/rbd/rbd.yaml': (f) =>
    badRequest(f, 'Pod', 'strict decoding error: unknown field "spec.volumes[0].rbd.imagefeatures", unknown field "spec.volumes[0].rbd.imageformat"'),
  'k8s-examples/_archived/volumes/scaleio/pod.yaml': (f) => badRequest(f, 'Pod', 'strict decoding error: unknown field "spec.volumes[0].scaleIO.protectionDoamin"'),
  'k8s-examples/_archived/volumes/storageos/storageos-pod.yaml': (f) => badRequest(f, 'Pod', 'strict decoding error: unknown field "spec.volumes[0].storageos.pool"'),
  'k8s-examples/_archived/volumes/storageos/storageos-pv.yaml': (f) =>
    badRequest(f, 'PersistentVolume', 'strict decoding error: unknown field "spec.storageos.secretName"'),
  // Protocols are case-sensitive: "tcp" is not "TCP".
  'k8s-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml': () =>
    'The Pod "aws-web" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
}

/** `deployment.apps/web created` for every document of the file, in order. */
function createdLines(text: string): string {
  const lines: string[] = []
  for (const doc of parseAllDocuments(text)) {
    const o = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } } | null
    if (!o?.kind) continue
    const group = o.apiVersion?.includes('/') ? o.apiVersion.split('/')[0] : ''
    lines.push(`${o.kind.toLowerCase()}${group ? `.${group}` : ''}/${o.metadata?.name} created\n`)
  }
  return lines.join('')
}

function applyFile(file: string, before: string[] = []) {
  const c = createCluster({ seed: 1, workers: 0 })
  for (const line of before) expect(c.kubectl(line).exitCode).toBe(0)
  return c.kubectl(['apply', '-f', file], { readFile: (p) => [{ path: p, text: readFileSync(ROOT + p, 'utf8') }] })
}

describe('the corpus applies as on a v1.31 cluster', () => {
  it('covers every file of INDEX.tsv, and every table entry names one', () => {
    expect(FILES).toHaveLength(201)
    for (const f of [...Object.keys(REFUSED), ...Object.keys(NEEDS_NAMESPACE)]) expect(FILES).toContain(f)
  })

  it.each(FILES)('%s', (file) => {
    const text = readFileSync(ROOT + file, 'utf8')
    const refused = REFUSED[file]
    if (refused) {
      expect(applyFile(file)).toEqual({ stdout: '', stderr: `${refused(file)}\n`, exitCode: 1 })
      return
    }
    const ns = NEEDS_NAMESPACE[file]
    if (ns) {
      const r = applyFile(file)
      expect(r.stderr).toBe(`Error from server (NotFound): error when creating "${file}": namespaces "${ns}" not found\n`)
      expect(r.exitCode).toBe(1)
      expect(applyFile(file, [`create namespace ${ns}`])).toEqual({ stdout: createdLines(text), stderr: '', exitCode: 0 })
      return
    }
    expect(applyFile(file)).toEqual({ stdout: createdLines(text), stderr: '', exitCode: 0 })
  })
})
