/**
 * Monaco (slim entry: editor + features + YAML only) and monaco-yaml, with the workaround for
 * monaco-editor >= 0.53 (remcohaszing/monaco-yaml#272): monaco-yaml still calls createWebWorker
 * with `{ label, moduleId, createData }`, so it gets a monaco whose createWebWorker speaks the
 * protocol monaco uses for its own workers. See docs: shared design stack.md section 2.
 */

import * as monaco from 'monaco-editor/editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import { configureMonacoYaml, type SchemasSettings } from 'monaco-yaml'
import YamlWorker from './yaml.worker?worker'

function getWorker(_moduleId: string, label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker()
}

;(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = { getWorker }

interface LegacyWorkerOptions {
  label: string
  createData?: unknown
  host?: Record<string, (...args: unknown[]) => unknown>
  keepIdleModels?: boolean
}

function createWebWorkerCompat(options: LegacyWorkerOptions) {
  const worker = Promise.resolve(getWorker('workerMain.js', options.label)).then((w) => {
    w.postMessage('ignore')
    w.postMessage(options.createData)
    return w
  })
  return monaco.editor.createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels })
}

let configured = false

/** Configures monaco-yaml once; returns the monaco namespace for the editor component. */
export function setUpMonaco(schemas: SchemasSettings[] = []): typeof monaco {
  if (!configured) {
    configured = true
    const compat = { ...monaco, editor: { ...monaco.editor, createWebWorker: createWebWorkerCompat } }
    configureMonacoYaml(compat as unknown as typeof monaco, {
      enableSchemaRequest: false,
      validate: true,
      completion: true,
      hover: true,
      format: { enable: true },
      schemas,
    })
  }
  return monaco
}
