// monaco-yaml's language worker, wrapped so Vite can bundle it with `?worker` (monaco-yaml README).
import 'monaco-yaml/yaml.worker.js'
