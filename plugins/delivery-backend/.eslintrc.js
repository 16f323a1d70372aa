// Upstream systems (GitHub, Jenkins, and anything over HTTP) are reached only
// from src/upstreams/** (one client per system); routes and services get
// those clients from the UpstreamClients factory. Tests may reach sandboxes.
const {
  httpClientLibraries,
  restrictedPaths,
  testFiles: tests,
  testPatterns,
} = require('../../eslint.upstreams.cjs');

const upstreamLibraries = [
  {
    group: ['@octokit/*'],
    message:
      'GitHub is reached only from src/upstreams/github (GitHubReader, ConfigRepoClient).',
  },
];
const httpClient =
  'HTTP clients live in src/upstreams/<system>/ (the shared helpers: src/upstreams/http).';
const upstreamPaths = [
  {
    name: 'jenkins',
    message:
      'Jenkins is reached only from src/upstreams/jenkins (JenkinsClient).',
  },
  ...restrictedPaths(httpClientLibraries, httpClient),
];
const noFetch = {
  name: 'fetch',
  message:
    'Upstreams are reached only from src/upstreams/<system>/; use the client from UpstreamClients.',
};
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-restricted-imports': [
      2,
      { paths: upstreamPaths, patterns: [testPatterns, ...upstreamLibraries] },
    ],
    'no-restricted-globals': ['error', noFetch],
  },
  overrides: [
    {
      files: ['src/upstreams/**'],
      excludedFiles: tests,
      rules: {
        'no-restricted-imports': [2, { patterns: [testPatterns] }],
        'no-restricted-globals': 'off',
      },
    },
    {
      // tests, the benchmark and dev/ drive sandboxes over HTTP themselves
      files: [...tests, 'bench/**', 'dev/**'],
      rules: { 'no-restricted-globals': 'off' },
    },
  ],
});
