import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

// monaco-yaml's dependency monaco-worker-manager deep-imports
// monaco-editor/esm/vs/editor/editor.worker.js, which monaco >= 0.56's exports map hides
// (stack.md section 2, workaround A).
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

/** The built page ships a Content-Security-Policy without inline scripts (ui.md "Robustness"). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // React Flow and Monaco set inline styles
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kubeplay-csp',
    apply: 'build', // the dev server injects inline scripts (React refresh)
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  }
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  worker: { format: 'es' },
  // Pre-bundle what the lazy editor needs, or the dev server reloads the page on first use.
  optimizeDeps: {
    include: [
      'yaml',
      'monaco-editor/editor',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/yaml/register',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 6000, // the lazy Monaco chunk is large by nature
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
})
