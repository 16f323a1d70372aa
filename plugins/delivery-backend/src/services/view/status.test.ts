import type { DeployRun } from '@gitops-delivery/backstage-plugin-delivery-common';
import { decideStatus, StatusInputs } from './status';

const run = (over: Partial<DeployRun> = {}): DeployRun => ({
  environment: 'dev',
  number: 2,
  url: 'http://jenkins/job/deploy/job/config-dev/2/',
  result: 'SUCCESS',
  building: false,
  startedAt: '2020-03-02T12:01:00.000Z',
  durationMs: 42000,
  configCommit: { sha: 'a'.repeat(40), shortSha: 'aaaaaaa' },
  version: 'v0.0.21',
  ...over,
});

const base = (over: Partial<StatusInputs> = {}): StatusInputs => ({
  environment: 'dev',
  release: 'xposer',
  pinnedVersion: 'v0.0.21',
  headSha: 'a'.repeat(40),
  lastDeploy: run(),
  clusterConfigured: true,
  deploymentFound: true,
  runningVersion: 'v0.0.21',
  ...over,
});

describe('decideStatus', () => {
  it.each<[string, Partial<StatusInputs>, string]>([
    ['in sync', {}, 'in-sync'],
    ['in sync, pin without v', { pinnedVersion: '0.0.21' }, 'in-sync'],
    ['config repo down', { configError: 'timed out' }, 'unknown'],
    ['release not pinned', { pinnedVersion: undefined }, 'unknown'],
    ['deploy job down', { deployError: 'HTTP 503' }, 'unknown'],
    [
      'deploying',
      { lastDeploy: run({ building: true, result: null }) },
      'deploying',
    ],
    ['never deployed', { lastDeploy: undefined }, 'pending-deploy'],
    [
      'pin changed after deploy',
      { pinnedVersion: 'v0.0.22' },
      'pending-deploy',
    ],
    [
      'other commits after deploy, same pin',
      { headSha: 'b'.repeat(40) },
      'in-sync',
    ],
    [
      'unknown version at deployed commit, head moved',
      { headSha: 'b'.repeat(40), lastDeploy: run({ version: undefined }) },
      'pending-deploy',
    ],
    [
      'failed and not running',
      { lastDeploy: run({ result: 'FAILURE' }), runningVersion: 'v0.0.20' },
      'deploy-failed',
    ],
    [
      'failed but running the pin',
      { lastDeploy: run({ result: 'FAILURE' }) },
      'in-sync',
    ],
    ['cluster down', { clusterError: 'HTTP 401' }, 'unknown'],
    [
      'no cluster configured',
      {
        clusterConfigured: false,
        deploymentFound: false,
        runningVersion: undefined,
      },
      'in-sync',
    ],
    ['kubectl set image', { runningVersion: 'v0.0.19' }, 'drifted'],
    [
      'deployment gone',
      { deploymentFound: false, runningVersion: undefined },
      'drifted',
    ],
  ])('%s', (_name, over, status) => {
    const decision = decideStatus(base(over));
    expect(decision.status).toBe(status);
    expect(decision.statusReason.length).toBeGreaterThan(10);
  });
});
