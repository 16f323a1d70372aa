/**
 * `yarn deps:check`: no import circle in any package (type-only imports
 * count), and the layers of the delivery backend:
 * src/routes -> src/services -> src/upstreams (upstreams import no service or
 * route, services import no route). Tests may cross layers (a service test
 * mounts its routes); the lint rule `no-restricted-imports` in
 * plugins/delivery-backend/.eslintrc.js keeps upstream libraries in upstreams.
 * GitHub's client library (@octokit/*) is imported only by delivery-node and
 * the backend's src/upstreams (plus its tests); the scaffolder module reaches
 * GitHub through delivery-node's ConfigRepoClient.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const backend = '^plugins/delivery-backend/src/';
const tests = '(\\.test\\.tsx?$|/__testUtils__/|/__mocks__/|/setupTests\\.ts$)';
const octokit = '(^|/)node_modules/@octokit/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle (through types too) in any package.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'upstreams-import-no-services-or-routes',
      severity: 'error',
      comment:
        'src/upstreams/<system>/ are the clients of the upstream systems; they know nothing of services or routes.',
      from: { path: `${backend}upstreams/`, pathNot: tests },
      to: { path: `${backend}(services|routes)/` },
    },
    {
      name: 'services-import-no-routes',
      severity: 'error',
      comment: 'Services are called by routes, never the other way round.',
      from: { path: `${backend}services/`, pathNot: tests },
      to: { path: `${backend}routes/` },
    },
    {
      name: 'routes-reach-no-upstreams',
      severity: 'error',
      comment:
        'Routes call services; the upstream clients are handed to services by the UpstreamClients factory.',
      from: { path: `${backend}routes/`, pathNot: tests },
      to: { path: `${backend}upstreams/` },
    },
    {
      name: 'scaffolder-module-reaches-github-through-delivery-node',
      severity: 'error',
      comment:
        'The scaffolder module uses delivery-node (ConfigRepoClient) for GitHub; its tests get an Octokit from @gitops-delivery/sandbox/testUtils.',
      from: { path: '^plugins/scaffolder-backend-module-delivery/' },
      to: { path: octokit },
    },
    {
      name: 'delivery-node-imports-no-plugin',
      severity: 'error',
      comment:
        'delivery-node is the library both backend packages share: it imports neither of them (nor the frontend).',
      from: { path: '^plugins/delivery-node/' },
      to: {
        path: '^plugins/(delivery|delivery-backend|scaffolder-backend-module-delivery)/',
      },
    },
    {
      name: 'backend-reaches-github-only-in-upstreams',
      severity: 'error',
      comment:
        'In the delivery backend only src/upstreams/github builds Octokit clients.',
      from: { path: backend, pathNot: `(${backend}upstreams/|${tests})` },
      to: { path: octokit },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // our build output is left out; node_modules stay in the graph (not
    // followed) so rules can name libraries (whose own dist folders count)
    exclude: { path: '^(dist-types|packages/[^/]+/dist|plugins/[^/]+/dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['types', 'typings', 'main', 'module'],
    },
    skipAnalysisNotInRules: true,
  },
};
