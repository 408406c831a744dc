/**
 * The architecture's arrows, checked on every `npm test` (design: architecture.md "Layers").
 *
 *   core imports nothing outer (protocol, worker, ui, cli) and no UI package or Node built-in;
 *   inside core: sim -> machinery -> api -> store -> apiserver -> client -> components -> cluster
 *   (a layer imports only layers to its left); components (controllers, scheduler, kubelet, proxy,
 *   dns, kubectl) never import each other; controllers/<x> never imports controllers/<y> except
 *   controllers/controller-utils; core/testing is for tests only.
 *   ui reaches core only with `import type`; ui/features/<a> never imports ui/features/<b>;
 *   protocol holds only types.
 * Tests (*.test.ts) are exempt from the layer order: a scheduler test may build a whole cluster.
 */

const LAYERS = ['sim', 'machinery', 'api', 'store', 'apiserver', 'client', 'components', 'cluster']
const COMPONENTS = ['controllers', 'scheduler', 'kubelet', 'proxy', 'dns', 'kubectl']
const TEST = '(\\.test\\.tsx?$|^src/core/testing/|^tests/)'

/** The folder(s) of core that make up a layer, as a path regex. */
const layerPath = (layer) => (layer === 'components' ? `^src/core/(${COMPONENTS.join('|')})/` : `^src/core/${layer}/`)

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `core-layer-${layer}`,
  comment: `core/${layer} may import only the layers below it (${LAYERS.slice(0, i).join(', ') || 'none'}).`,
  severity: 'error',
  from: { path: layerPath(layer), pathNot: TEST },
  to: { path: LAYERS.slice(i + 1).map(layerPath) },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-outer-layers',
      comment: 'The headless engine knows nothing of the protocol, the worker, the UI or the CLI.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(protocol|worker|ui|cli)/' },
    },
    {
      name: 'core-not-to-ui-packages',
      comment: 'core runs in Node and in a worker: no React, React Flow, zustand or Monaco.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '(^|/)node_modules/(react|react-dom|@xyflow/[^/]+|zustand|monaco-[^/]+|scheduler)/' },
    },
    {
      name: 'core-not-to-node-builtins',
      comment: 'core runs in the browser too: no fs, path, crypto, ... (tests may).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    ...layerRules,
    {
      name: 'core-components-independent',
      comment: 'Components talk only through the API (client/), never by importing each other.',
      severity: 'error',
      from: { path: `^src/core/(${COMPONENTS.join('|')})/`, pathNot: TEST },
      to: { path: `^src/core/(${COMPONENTS.join('|')})/`, pathNot: '^src/core/$1/' },
    },
    {
      name: 'core-controllers-independent',
      comment: 'One controller never imports another; shared helpers live in controllers/controller-utils.',
      severity: 'error',
      from: { path: '^src/core/controllers/([^/]+)/', pathNot: TEST },
      to: { path: '^src/core/controllers/[^/]+/', pathNot: '^src/core/controllers/($1|controller-utils)/' },
    },
    {
      name: 'testing-only-from-tests',
      comment: 'core/testing (builders, helpers) is imported by tests and benches only.',
      severity: 'error',
      from: { pathNot: `${TEST}|^bench/` },
      to: { path: '^src/core/testing/' },
    },
    {
      name: 'ui-core-types-only',
      comment: 'The UI reaches core only through types; the engine runs in the worker.',
      severity: 'error',
      from: { path: '^src/ui/', pathNot: TEST },
      to: { path: '^src/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-not-to-worker-or-cli',
      comment: 'The UI starts the worker with new Worker(new URL(...)), never by importing it.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(worker|cli)/' },
    },
    {
      name: 'ui-features-independent',
      comment: 'ui/features/<a> never imports ui/features/<b>; share through state/, components/, hooks/.',
      severity: 'error',
      from: { path: '^src/ui/features/([^/]+)/' },
      to: { path: '^src/ui/features/[^/]+/', pathNot: '^src/ui/features/$1/' },
    },
    {
      name: 'protocol-types-only',
      comment: 'src/protocol holds message types only; nothing in it runs.',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'worker-not-to-ui-or-cli',
      severity: 'error',
      from: { path: '^src/worker/' },
      to: { path: '^src/(ui|cli)/' },
    },
    {
      name: 'no-runtime-cycles-in-core',
      comment: 'Import cycles through runtime imports make load order fragile.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '\\?(worker|url|raw|inline)$' },
    },
    {
      name: 'src-not-to-dev-deps',
      comment: 'Shipped code (core, worker, ui) may use devDependencies only as types.',
      severity: 'error',
      from: { path: '^src/(core|worker|ui|protocol)/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.cache|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
