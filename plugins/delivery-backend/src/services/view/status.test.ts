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
      // The pin at the deployed commit is unknown, but the cluster runs the pin.
      'unknown version at deployed commit, head moved, running the pin',
      { headSha: 'b'.repeat(40), lastDeploy: run({ version: undefined }) },
      'in-sync',
    ],
    [
      'unknown version at deployed commit, pin committed after the run started',
      {
        headSha: 'b'.repeat(40),
        lastDeploy: run({ version: undefined }),
        runningVersion: 'v0.0.20',
        pinCommittedAt: '2020-03-02T13:00:00Z',
      },
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

describe('decideStatus without the deploy run -> config commit link', () => {
  const link = {
    link: 'deploy run -> config commit',
    reason:
      'run #2 checked out git@ghe-ssh:gitops/config-dev.git, a host that is not configured as ghe.example.com',
    key: 'delivery.hostAliases',
    example: "[{ host: 'ghe.example.com', aliases: ['ghe-ssh'] }]",
  };
  const unlinked = (over: Partial<StatusInputs>) =>
    base({
      lastDeploy: run({ configCommit: undefined, version: undefined }),
      deployLinkMissing: link,
      runningVersion: 'v0.0.20',
      ...over,
    });

  it('never calls a pending deploy drifted', () => {
    // Run #2 deployed an older commit (v0.0.20 runs); the pin came later.
    const d = decideStatus(
      unlinked({ pinCommittedAt: '2020-03-02T13:00:00Z' }),
    );
    expect(d.status).toBe('pending-deploy');
    expect(d.statusReason).toContain('after the last deploy run #2 started');
    expect(d.statusFacts.map(f => f.source)).toEqual([
      'configRepo',
      'deployJenkins',
      'cluster',
      'github',
    ]);
  });

  it('says unknown, naming the missing link and the key, when nothing else holds', () => {
    const d = decideStatus(
      unlinked({ pinCommittedAt: '2020-03-01T00:00:00Z' }),
    );
    expect(d.status).toBe('unknown');
    expect(d.missingLink).toEqual(link);
    expect(d.statusReason).toContain(
      'Cannot tell whether run #2 deployed v0.0.21',
    );
    expect(decideStatus(unlinked({})).status).toBe('unknown');
  });

  it('trusts the cluster when it runs the pin', () => {
    const d = decideStatus(unlinked({ runningVersion: '0.0.21' }));
    expect(d.status).toBe('in-sync');
    // The link is still missing: the view says what would supply it.
    expect(d.missingLink).toEqual(link);
  });

  it('lists the facts of an in-sync decision', () => {
    expect(decideStatus(base()).statusFacts).toEqual([
      {
        source: 'configRepo',
        fact: 'xposer is pinned to v0.0.21 at the branch head aaaaaaa',
      },
      {
        source: 'deployJenkins',
        fact: 'run #2, started 2020-03-02T12:01:00.000Z, succeeded; it deployed config commit aaaaaaa (pins v0.0.21)',
      },
      { source: 'cluster', fact: 'deployment xposer runs image tag v0.0.21' },
    ]);
  });
});
