// ESLint flat config: typescript-eslint's recommended rules (no type-aware rules, to stay fast),
// React hooks rules for the UI, and the determinism bans for the headless engine in src/core.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const coreDeterminism = 'The engine is deterministic: take time from the injected Clock and chance from the injected Random (architecture.md).'

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'test-results/', 'playwright-report/', 'blob-report/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: globals.worker },
  },
  {
    files: ['src/cli/**', 'bench/**', 'e2e/**', 'scripts/**', 'tests/**', '**/*.test.ts', '*.config.{ts,js,cjs,mjs}', '.dependency-cruiser.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: coreDeterminism },
        { object: 'Date', property: 'now', message: coreDeterminism },
        { object: 'performance', property: 'now', message: coreDeterminism },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: coreDeterminism },
        { selector: "CallExpression[callee.name='Date']", message: `Date() returns the wall time. ${coreDeterminism}` },
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'requestAnimationFrame', 'performance'].map(
          (name) => ({ name, message: `No wall-clock timers in core: schedule on the simulated Clock. ${coreDeterminism}` }),
        ),
        ...['window', 'document', 'self', 'process'].map((name) => ({ name, message: 'core runs anywhere: no host globals.' })),
      ],
    },
  },
)
