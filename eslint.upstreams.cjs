/**
 * The pieces of the `no-restricted-imports` rules that keep each upstream
 * system behind one client (plugins/delivery-backend/.eslintrc.js,
 * plugins/scaffolder-backend-module-delivery/.eslintrc.js).
 */

/** Source files never import tests or test utilities. */
const testPatterns = {
  group: ['*.stories*', '*.test*', '**/__testUtils__/**', '**/__mocks__/**'],
  message: 'Do not import tests or test utilities from source files.',
};

/** HTTP client libraries: an upstream is reached through its client only. */
const httpClientLibraries = [
  'node-fetch',
  'undici',
  'cross-fetch',
  'axios',
  'got',
  'superagent',
];

/** Tests and their helpers, which drive sandboxes themselves. */
const testFiles = [
  '**/*.test.*',
  '**/__testUtils__/**',
  '**/__mocks__/**',
  'src/setupTests.*',
];

/** `paths` entries of `no-restricted-imports`: each name with one message. */
function restrictedPaths(names, message) {
  return names.map(name => ({ name, message }));
}

module.exports = {
  testPatterns,
  httpClientLibraries,
  testFiles,
  restrictedPaths,
};
