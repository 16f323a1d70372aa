// The scaffolder module reaches GitHub only through delivery-node's
// ConfigRepoClient (one GitHub client per system, shared with the backend
// plugin); it never builds its own Octokit. Its tests drive the sandbox
// GitHub through @gitops-delivery/sandbox/testUtils (which hands them an
// Octokit for assertions).
const testPatterns = {
  group: ['*.stories*', '*.test*', '**/__testUtils__/**', '**/__mocks__/**'],
  message: 'Do not import tests or test utilities from source files.',
};
const upstreamLibraries = {
  group: ['@octokit/*'],
  message:
    'GitHub is reached only through @gitops-delivery/backstage-plugin-delivery-node (ConfigRepoClient, resolveConfigRepoTarget).',
};
const httpClients = [
  'jenkins',
  'node-fetch',
  'undici',
  'cross-fetch',
  'axios',
  'got',
  'superagent',
].map(name => ({
  name,
  message:
    'Upstreams are reached only from delivery-node or the backend plugin’s src/upstreams.',
}));
const tests = [
  '**/*.test.*',
  '**/__testUtils__/**',
  '**/__mocks__/**',
  'src/setupTests.*',
];

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-restricted-imports': [
      2,
      { paths: httpClients, patterns: [testPatterns, upstreamLibraries] },
    ],
  },
  overrides: [
    {
      files: tests,
      rules: {
        'no-restricted-imports': [
          2,
          { paths: httpClients, patterns: [upstreamLibraries] },
        ],
      },
    },
  ],
});
