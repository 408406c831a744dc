/**
 * The Monaco YAML editor, loaded lazily (its chunk is ~1 MiB gz). Ctrl/Cmd+Enter applies.
 * With `?test-hooks` in the URL it exposes window.__kubeplayEditor for end-to-end tests.
 */

import { useEffect, useRef } from 'react'
import schemaText from './k8s.schema.json?raw'
import { setUpMonaco } from './monaco-setup'

export interface YamlEditorProps {
  initialValue: string
  onChange(text: string): void
  onApply(text: string): void
}

export interface EditorTestHook {
  getValue(): string
  setValue(text: string): void
  /** The validation messages Monaco shows now (schema and YAML syntax). */
  markers(): string[]
}

declare global {
  interface Window {
    __kubeplayEditor?: EditorTestHook
  }
}

const MODEL_URI = 'file:///manifest.yaml'

/** Generated from kubernetes-types 1.30 by scripts/gen-k8s-schema.mjs. The uri only names it (must end in .json). */
const K8S_SCHEMA = { uri: 'https://kubeplay.invalid/k8s.schema.json', fileMatch: ['**/*.yaml'], schema: JSON.parse(schemaText) }

export default function YamlEditor({ initialValue, onChange, onApply }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const initial = useRef(initialValue)
  const callbacks = useRef({ onChange, onApply })
  useEffect(() => {
    callbacks.current = { onChange, onApply }
  }, [onChange, onApply])

  useEffect(() => {
    const monaco = setUpMonaco([K8S_SCHEMA])
    const model = monaco.editor.createModel(initial.current, 'yaml', monaco.Uri.parse(MODEL_URI))
    const editor = monaco.editor.create(host.current as HTMLDivElement, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      ariaLabel: 'YAML editor',
    })
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onApply(model.getValue()))
    const changes = model.onDidChangeContent(() => {
      const text = model.getValue()
      initial.current = text
      callbacks.current.onChange(text)
    })
    const hooked = new URLSearchParams(location.search).has('test-hooks')
    if (hooked) {
      window.__kubeplayEditor = {
        getValue: () => model.getValue(),
        setValue: (text) => model.setValue(text),
        markers: () => monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => m.message),
      }
    }
    return () => {
      if (hooked) delete window.__kubeplayEditor
      changes.dispose()
      editor.dispose()
      model.dispose()
    }
  }, [])

  return <div ref={host} className="yaml-editor" data-testid="yaml-editor" />
}
