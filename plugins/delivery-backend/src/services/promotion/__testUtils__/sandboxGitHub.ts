/**
 * Old names of `@gitops-delivery/sandbox/testUtils`'s test GitHub, kept only
 * for the tests outside promotion that still import them
 * (routes/promotionRoutes.test.ts, history/collector/pinHistory.test.ts).
 * New tests import `startTestGitHub` from `@gitops-delivery/sandbox/testUtils`.
 */
export {
  startTestGitHub as startSandboxGitHub,
  TEST_GITHUB_TOKEN as TOKEN,
  writes,
} from '@gitops-delivery/sandbox/testUtils';
export type { TestGitHub as SandboxGitHub } from '@gitops-delivery/sandbox/testUtils';
