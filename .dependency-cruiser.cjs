/**
 * The layering of S2S (see ARCHITECTURE.md), checked by `npm run lint:deps` in `npm test`.
 * Dependencies point down only: faces (web, cli) -> app (use cases) -> domain, data, ingest.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle ties modules together so that none can change or be tested alone.',
      from: { path: '^(src|client|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment: 'The domain is pure: plain data in, plain data out, usable by every face and the browser.',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(?!domain/)|client/|scripts/|test/|bench/)' },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'No file system, network, processes or clocks from node in the domain.',
      from: { path: '^src/(domain|geo)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'geo-imports-only-domain',
      severity: 'error',
      comment: 'Geometry is shared by the server, the build scripts and the browser.',
      from: { path: '^src/geo/' },
      to: { path: '^(src/(?!domain/|geo/)|client/|scripts/)' },
    },
    {
      name: 'data-imports-only-domain',
      severity: 'error',
      comment: 'Repositories know the database and the domain, never who calls them.',
      from: { path: '^src/data/' },
      to: { path: '^src/(app|web|cli|ingest|mail|geo)/|^src/main\\.ts$' },
    },
    {
      name: 'ingest-below-app',
      severity: 'error',
      comment: 'Readers of published files write through data; they are called by use cases.',
      from: { path: '^src/ingest/' },
      to: { path: '^src/(app|web|cli)/|^src/main\\.ts$' },
    },
    {
      name: 'mail-imports-nothing-above',
      severity: 'error',
      from: { path: '^src/mail/' },
      to: { path: '^src/(app|web|cli|data|ingest)/|^src/main\\.ts$' },
    },
    {
      name: 'app-never-imports-faces',
      severity: 'error',
      comment: 'Use cases are shared by the web and the CLI, so they know neither.',
      from: { path: '^src/app/' },
      to: { path: '^src/(web|cli)/|^src/main\\.ts$' },
    },
    {
      name: 'web-never-imports-cli',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/cli/|^src/main\\.ts$' },
    },
    {
      name: 'cli-never-imports-web',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/web/|^src/main\\.ts$' },
    },
    {
      name: 'faces-go-through-app',
      severity: 'error',
      comment:
        'Pages, API routes and commands call use cases in src/app, so every face gives the same answer; only the web infrastructure plugins reach data directly.',
      from: { path: '^src/(cli|web/(?!plugins/))' },
      to: { path: '^src/(data|ingest)/' },
    },
    {
      name: 'client-imports-only-shared-pure-code',
      severity: 'error',
      comment: 'The browser bundle may use the pure domain and geometry, nothing that runs on the server.',
      from: { path: '^client/' },
      to: { path: '^src/(?!domain/|geo/)' },
    },
    {
      name: 'scripts-never-import-faces',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^src/(web|cli)/' },
    },
    {
      name: 'source-never-imports-tests',
      severity: 'error',
      from: { path: '^(src|client|scripts)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
