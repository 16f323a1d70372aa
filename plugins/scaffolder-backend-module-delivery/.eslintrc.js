// The scaffolder module reaches GitHub only through delivery-node's
// ConfigRepoClient (one GitHub client per system, shared with the backend
// plugin); it never builds its own Octokit. Its tests drive the sandbox
// GitHub through @gitops-delivery/sandbox/testUtils (which hands them an
// Octokit for assertions).
const {
  httpClientLibraries,
  restrictedPaths,
  testFiles,
  testPatterns,
} = require('../../eslint.upstreams.cjs');

const upstreamLibraries = {
  group: ['@octokit/*'],
  message:
    'GitHub is reached only through @gitops-delivery/backstage-plugin-delivery-node (ConfigRepoClient, resolveConfigRepoTarget).',
};
const httpClients = restrictedPaths(
  ['jenkins', ...httpClientLibraries],
  'Upstreams are reached only from delivery-node or the backend plugin’s src/upstreams.',
);

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-restricted-imports': [
      2,
      { paths: httpClients, patterns: [testPatterns, upstreamLibraries] },
    ],
  },
  overrides: [
    {
      files: testFiles,
      rules: {
        'no-restricted-imports': [
          2,
          { paths: httpClients, patterns: [upstreamLibraries] },
        ],
      },
    },
  ],
});
