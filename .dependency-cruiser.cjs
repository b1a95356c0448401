/**
 * The import rules of docs/architecture.md#import-rules, checked by
 * `npm test` (step "import rules": depcruise). A wrong import fails with the
 * rule's name, its comment, and the offending from → to.
 */
const SERVER_TYPES = '^server/(trpc/root\\.ts|db/schema/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'components-only-through-trpc',
      comment: 'components/ reach the server only through the tRPC client: at run time they import shared/, never server/ (types from server/trpc/root.ts and server/db/schema are fine).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'components-types-from-the-contract',
      comment: 'components/ may import types from server/trpc/root.ts (AppRouter) and server/db/schema only.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^server/', pathNot: SERVER_TYPES },
    },
    {
      name: 'components-not-app',
      comment: 'components/ are used by app/, never the other way round.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'shared-is-isomorphic',
      comment: 'shared/ runs in the browser and on the server: no app/, components/, server/ or scripts/ imports. The database schema takes its value lists and JSON column types from shared/, not the other way round.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(app|components|server|scripts)/' },
    },
    {
      name: 'app-through-transport',
      comment: 'app/ reaches use cases through server/trpc or server/http (and the request context: server/auth, server/deps, server/env, server/lib), never server/modules, server/db or server/livekit directly.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^server/(modules|livekit|db|seed|testing)/', pathNot: '^server/db/schema/' },
    },
    {
      name: 'routers-call-modules',
      comment: 'Use cases are called by server/trpc/routers, server/http, scripts, benches and tests; server/trpc outside routers/ only builds the ladder (procedures.ts may use the tenant resolver).',
      severity: 'error',
      from: { path: '^server/trpc/', pathNot: '^server/trpc/(routers/|procedures\\.ts$)|\\.test\\.ts$' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'modules-through-index',
      comment: 'A module imports another module only through its index.ts.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/modules/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-index',
      comment: 'Code outside server/modules imports a module only through its index.ts.',
      severity: 'error',
      from: { pathNot: '^server/modules/|\\.test\\.ts$' },
      to: { path: '^server/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules import each other one way: no circle among server/modules.',
      severity: 'error',
      from: { path: '^server/modules/' },
      to: { path: '^server/modules/', circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-below-transport',
      comment: 'server/modules know nothing of the transport or the UI: no server/trpc, server/http, server/auth, app/, components/, next or @trpc/server.',
      severity: 'error',
      from: { path: '^server/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(server/(trpc|http|auth|seed)/|app/|components/|node_modules/(next|@trpc/server)/)' },
    },
    {
      name: 'infrastructure-below-modules',
      comment: 'server/db, server/livekit and server/lib are below the modules: they never import server/modules, server/trpc or server/http (their tests may compare with a module).',
      severity: 'error',
      from: { path: '^server/(db|livekit|lib)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/(modules|trpc|http|auth)/' },
    },
    {
      name: 'server-not-ui',
      comment: 'Nothing under server/ imports app/ or components/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'livekit-sdk-in-gateway',
      comment: 'Only server/livekit (and test tooling) imports livekit-server-sdk.',
      severity: 'error',
      from: { pathNot: '^(server/livekit/|server/testing/|bench/|e2e/)|\\.test\\.ts$' },
      to: { path: 'node_modules/livekit-server-sdk/' },
    },
    {
      name: 'production-not-testing',
      comment: 'Production code and the seed never import server/testing (test setup and test data).',
      severity: 'error',
      from: { path: '^(app|components|shared|server|scripts)/', pathNot: '^server/testing/|\\.test\\.ts$' },
      to: { path: '^server/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|\\.data|test-results|drizzle)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
