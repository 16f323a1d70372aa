/**
 * `yarn deps:check`: no import circle in any package (type-only imports
 * count), and the layers of the delivery backend:
 * src/routes -> src/services -> src/upstreams (upstreams import no service or
 * route, services import no route). Tests may cross layers (a service test
 * mounts its routes); the lint rule `no-restricted-imports` in
 * plugins/delivery-backend/.eslintrc.js keeps upstream libraries in upstreams.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const backend = '^plugins/delivery-backend/src/';
const tests = '(\\.test\\.tsx?$|/__testUtils__/|/__mocks__/|/setupTests\\.ts$)';

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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-types)/' },
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
