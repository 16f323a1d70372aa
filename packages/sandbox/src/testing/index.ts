/**
 * Test helpers of the sandbox, for the tests of every package
 * (`@gitops-delivery/sandbox/testUtils`): start the whole sandbox or just its
 * GitHub on free ports, inject faults, seed and read fixtures.
 *
 * @packageDocumentation
 */
export {
  auth as sandboxAuthHeaders,
  getJson,
  injectFault,
  startTestSandbox,
  waitFor,
} from './sandbox';
export {
  failure,
  injectGitHubFault,
  startTestGitHub,
  TEST_GITHUB_TOKEN,
  writes,
} from './github';
export type { SeenRequest, TestGitHub } from './github';
export { testSeeds } from './githubSeeds';
export { readFixture, readJsonFixture, repoRoot } from './fixtures';
export type { Sandbox } from '../sandbox';
export type {
  WebhookDelivery,
  WebhookSender,
  WebhookTarget,
} from '../webhooks';
export type { FaultSpec, FaultKind } from '../http';
export type { GitHubAppOptions, GitHubRepoSeed } from '../github/types';
