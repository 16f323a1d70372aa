import type {
  CommitRef,
  DeliveryView,
  LinkEvidence,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { Entity } from '@backstage/catalog-model';

/**
 * A realistic delivery view of `xposer` in the default sandbox world:
 * dev/staging/prod, mixed `v0.0.20` / `0.0.8` versions, one failed code build,
 * staging drifted (someone ran `kubectl set image`), and the prod deploy
 * Jenkins timing out.
 */

const GHE = 'http://127.0.0.1:7105';
const CODE_JOB = 'http://127.0.0.1:7101/job/stakater/job/xposer/job/master';

function commit(
  sha: string,
  message: string,
  author: string,
  timestamp: string,
): CommitRef {
  return {
    sha,
    shortSha: sha.slice(0, 7),
    message,
    author,
    url: `${GHE}/stakater/xposer/commit/${sha}`,
    timestamp,
  };
}

const c47 = commit(
  '9f1c2e7a4b5d6e8f9a0b1c2d3e4f5a6b7c8d9e0f',
  'Fix flaky readiness probe',
  'Ahmed Waleed',
  '2026-11-26T04:50:00Z',
);
const c20 = commit(
  'e4d2a91b7c3f5e6d8a9b0c1d2e3f4a5b6c7d8e9f',
  'Bump Version to v0.0.20',
  'stakater-user',
  '2026-11-25T16:02:00Z',
);
const c19 = commit(
  'b7a3c5d1e2f4a6b8c9d0e1f2a3b4c5d6e7f8a9b0',
  'Bump Version to v0.0.19',
  'stakater-user',
  '2026-11-24T10:15:00Z',
);
const c18 = commit(
  '5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d',
  'Bump Version to v0.0.18',
  'stakater-user',
  '2026-11-20T09:00:00Z',
);

const image = (tag: string, digest: string, pushedAt: string) => ({
  repository: 'docker-hosted',
  name: 'stakater/xposer',
  tag,
  digest,
  pushedAt,
  url: `http://127.0.0.1:7103/repository/docker-hosted/v2/stakater/xposer/manifests/${tag}`,
});
const chart = (version: string, createdAt: string) => ({
  name: 'xposer',
  version,
  appVersion: version,
  createdAt,
  url: `http://127.0.0.1:7104/api/charts/xposer/${version}`,
});

const configCommit = (repo: string, sha: string, message: string) => ({
  sha,
  shortSha: sha.slice(0, 7),
  message,
  url: `${GHE}/gitops/${repo}/commit/${sha}`,
});
const devConfig = configCommit(
  'config-dev',
  'aa11bb22cc33dd44ee55ff6677889900aabbccdd',
  'Bump xposer to v0.0.20',
);
const stagingConfig = configCommit(
  'config-staging',
  '7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a',
  'Promote xposer v0.0.18 -> v0.0.19 to staging',
);
const configCommitVia = (
  run: number,
  repo: string,
  sha: string,
): LinkEvidence => ({
  via: 'buildData',
  detail: `run #${run} recorded revision ${sha.slice(
    0,
    7,
  )} of ${GHE}/gitops/${repo}.git`,
});

const CODE_REMOTE = `${GHE}/stakater/xposer.git`;

/** The sandbox code Jenkins names each release build after its version. */
const versionVia = (build: number, version: string): LinkEvidence => ({
  via: 'displayName',
  detail: `build #${build} is named ${version}`,
});
const commitVia = (build: number, sha: string): LinkEvidence => ({
  via: 'buildData',
  detail: `build #${build} recorded revision ${sha.slice(
    0,
    7,
  )} of ${CODE_REMOTE} (the pipeline library's revision is ignored)`,
});
const releaseLinks = (
  build: number,
  sha: string,
  version: string,
): VersionLineage['links'] => ({
  build: versionVia(build, version),
  commit: commitVia(build, sha),
  image: {
    via: 'sameVersion',
    detail: `image tag stakater/xposer:${version} equals the version`,
  },
  chart: {
    via: 'sameVersion',
    detail: `chart xposer ${version} in ChartMuseum equals the version`,
  },
});
const deployedByVia = (
  run: number,
  configSha: string,
  version: string,
): LinkEvidence => ({
  via: 'configCommit',
  detail: `run #${run} deployed config commit ${configSha}, which pins xposer ${version}`,
});

/** The `xposer` catalog entity as the demo catalog registers it. */
export const xposerEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'xposer',
    namespace: 'default',
    annotations: {
      'delivery/code-job': 'code:stakater/xposer/master',
      'delivery/image': 'stakater/xposer',
      'delivery/chart': 'xposer',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-xposer',
  },
};

/** The delivery view of {@link xposerEntity}. */
export const xposerView: DeliveryView = {
  entityRef: 'component:default/xposer',
  release: 'xposer',
  generatedAt: '2026-11-26T05:00:00Z',
  versions: [
    {
      version: 'v0.0.20',
      normalized: '0.0.20',
      commit: c20,
      build: {
        number: 46,
        url: `${CODE_JOB}/46/`,
        result: 'SUCCESS',
        startedAt: '2026-11-25T16:03:00Z',
      },
      image: image(
        'v0.0.20',
        'sha256:4f7c1e9a2b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
        '2026-11-25T16:07:00Z',
      ),
      chart: chart('v0.0.20', '2026-11-25T16:08:00Z'),
      links: releaseLinks(46, c20.sha, 'v0.0.20'),
      environments: [
        {
          environment: 'dev',
          pinned: true,
          running: true,
          deployedBy: {
            number: 31,
            url: 'http://127.0.0.1:7102/job/deploy/job/config-dev/31/',
            result: 'SUCCESS',
          },
          deployedByVia: deployedByVia(31, 'aa11bb2', 'v0.0.20'),
        },
        { environment: 'staging', pinned: false, running: true },
      ],
    },
    {
      version: 'v0.0.19',
      normalized: '0.0.19',
      commit: c19,
      build: {
        number: 45,
        url: `${CODE_JOB}/45/`,
        result: 'SUCCESS',
        startedAt: '2026-11-24T10:16:00Z',
      },
      image: image(
        'v0.0.19',
        'sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
        '2026-11-24T10:20:00Z',
      ),
      chart: chart('v0.0.19', '2026-11-24T10:21:00Z'),
      links: releaseLinks(45, c19.sha, 'v0.0.19'),
      environments: [
        {
          environment: 'staging',
          pinned: true,
          running: false,
          deployedBy: {
            number: 18,
            url: 'http://127.0.0.1:7102/job/deploy/job/config-staging/18/',
            result: 'SUCCESS',
          },
          deployedByVia: deployedByVia(18, '7d8e9f0', 'v0.0.19'),
        },
      ],
    },
    {
      version: 'v0.0.18',
      normalized: '0.0.18',
      commit: c18,
      build: {
        number: 44,
        url: `${CODE_JOB}/44/`,
        result: 'SUCCESS',
        startedAt: '2026-11-20T09:01:00Z',
      },
      image: image(
        'v0.0.18',
        'sha256:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d',
        '2026-11-20T09:05:00Z',
      ),
      chart: chart('v0.0.18', '2026-11-20T09:06:00Z'),
      links: releaseLinks(44, c18.sha, 'v0.0.18'),
      environments: [],
    },
    {
      version: '0.0.8',
      normalized: '0.0.8',
      image: image(
        '0.0.8',
        'sha256:1111aaaa2222bbbb3333cccc4444dddd5555eeee6666ffff7777000088889999',
        '2026-06-02T12:00:00Z',
      ),
      chart: chart('0.0.8', '2026-06-02T12:01:00Z'),
      // older than the 50 builds the code Jenkins keeps: no build, no commit
      links: {
        image: {
          via: 'sameVersion',
          detail: 'image tag stakater/xposer:0.0.8 equals the version',
        },
        chart: {
          via: 'sameVersion',
          detail: 'chart xposer 0.0.8 in ChartMuseum equals the version',
        },
      },
      environments: [{ environment: 'prod', pinned: true, running: true }],
    },
  ],
  environments: [
    {
      name: 'dev',
      configRepoUrl: `${GHE}/gitops/config-dev`,
      branch: 'main',
      pinnedVersion: 'v0.0.20',
      pinFileUrl: `${GHE}/gitops/config-dev/blob/main/requirements.yaml#L4`,
      valuesFileUrl: `${GHE}/gitops/config-dev/blob/main/xposer.yaml`,
      lastDeploy: {
        environment: 'dev',
        number: 31,
        url: 'http://127.0.0.1:7102/job/deploy/job/config-dev/31/',
        result: 'SUCCESS',
        building: false,
        startedAt: '2026-11-25T16:20:00Z',
        durationMs: 48000,
        version: 'v0.0.20',
        configCommit: devConfig,
        configCommitVia: configCommitVia(31, 'config-dev', devConfig.sha),
      },
      live: {
        namespace: 'dev',
        deployment: 'xposer',
        image: '127.0.0.1:7103/stakater/xposer:v0.0.20',
        runningVersion: 'v0.0.20',
        labeledVersion: 'v0.0.20',
        replicas: 1,
        readyReplicas: 1,
      },
      runningVersion: 'v0.0.20',
      status: 'in-sync',
      statusReason:
        'The cluster runs v0.0.20, the version pinned in gitops/config-dev.',
      statusFacts: [
        {
          source: 'configRepo',
          fact: 'requirements.yaml pins xposer v0.0.20 at aa11bb2 (main)',
        },
        {
          source: 'deployJenkins',
          fact: 'run #31 SUCCESS deployed config commit aa11bb2',
        },
        {
          source: 'cluster',
          fact: 'deployment dev/xposer runs image tag v0.0.20, 1/1 ready',
        },
      ],
      openPromotions: [],
    },
    {
      name: 'staging',
      promotesFrom: 'dev',
      configRepoUrl: `${GHE}/gitops/config-staging`,
      branch: 'main',
      pinnedVersion: 'v0.0.19',
      pinFileUrl: `${GHE}/gitops/config-staging/blob/main/requirements.yaml#L7`,
      valuesFileUrl: `${GHE}/gitops/config-staging/blob/main/xposer.yaml`,
      lastDeploy: {
        environment: 'staging',
        number: 18,
        url: 'http://127.0.0.1:7102/job/deploy/job/config-staging/18/',
        result: 'SUCCESS',
        building: false,
        startedAt: '2026-11-24T11:00:00Z',
        durationMs: 52000,
        version: 'v0.0.19',
        configCommit: stagingConfig,
        configCommitVia: configCommitVia(
          18,
          'config-staging',
          stagingConfig.sha,
        ),
      },
      live: {
        namespace: 'staging',
        deployment: 'xposer',
        image: '127.0.0.1:7103/stakater/xposer:v0.0.20',
        runningVersion: 'v0.0.20',
        labeledVersion: 'v0.0.19',
        replicas: 2,
        readyReplicas: 2,
      },
      runningVersion: 'v0.0.20',
      status: 'drifted',
      statusReason:
        'The cluster runs image tag v0.0.20 but gitops/config-staging pins v0.0.19: changed outside GitOps (kubectl set image).',
      statusFacts: [
        {
          source: 'configRepo',
          fact: 'requirements.yaml pins xposer v0.0.19 at 7d8e9f0 (main)',
        },
        {
          source: 'deployJenkins',
          fact: 'run #18 SUCCESS deployed config commit 7d8e9f0',
        },
        {
          source: 'cluster',
          fact: 'deployment staging/xposer runs image tag v0.0.20; its Helm label version is v0.0.19',
        },
      ],
      openPromotions: [
        {
          number: 7,
          url: `${GHE}/gitops/config-staging/pull/7`,
          title: 'Promote xposer v0.0.19 -> v0.0.20 to staging',
          branch: 'delivery/staging/xposer-v0.0.20',
          state: 'open',
          version: 'v0.0.20',
          author: 'guest',
          createdAt: '2026-11-26T04:30:00Z',
        },
      ],
    },
    {
      name: 'prod',
      promotesFrom: 'staging',
      configRepoUrl: `${GHE}/gitops/config-prod`,
      branch: 'main',
      pinnedVersion: '0.0.8',
      pinFileUrl: `${GHE}/gitops/config-prod/blob/main/Chart.yaml#L12`,
      valuesFileUrl: `${GHE}/gitops/config-prod/blob/main/xposer.yaml`,
      live: {
        namespace: 'prod',
        deployment: 'xposer',
        image: '127.0.0.1:7103/stakater/xposer:0.0.8',
        runningVersion: '0.0.8',
        labeledVersion: '0.0.8',
        replicas: 3,
        readyReplicas: 3,
      },
      runningVersion: '0.0.8',
      status: 'in-sync',
      statusReason:
        'The cluster runs 0.0.8, the version pinned in gitops/config-prod; the last deploy run is unknown (deploy Jenkins timed out).',
      statusFacts: [
        {
          source: 'configRepo',
          fact: 'Chart.yaml pins xposer 0.0.8 (main)',
        },
        {
          source: 'deployJenkins',
          fact: 'not read: deploy Jenkins "deploy" did not answer within 10000 ms',
        },
        {
          source: 'cluster',
          fact: 'deployment prod/xposer runs image tag 0.0.8, 3/3 ready',
        },
      ],
      openPromotions: [],
    },
  ],
  builds: [
    {
      number: 47,
      url: `${CODE_JOB}/47/`,
      result: 'FAILURE',
      building: false,
      startedAt: '2026-11-26T04:51:00Z',
      durationMs: 95000,
      // failed before the release stage: no version, no tag
      commit: c47,
      commitVia: commitVia(47, c47.sha),
    },
    {
      number: 46,
      url: `${CODE_JOB}/46/`,
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-25T16:03:00Z',
      durationMs: 312000,
      version: 'v0.0.20',
      versionVia: versionVia(46, 'v0.0.20'),
      commit: c20,
      commitVia: commitVia(46, c20.sha),
    },
    {
      number: 45,
      url: `${CODE_JOB}/45/`,
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-24T10:16:00Z',
      durationMs: 298000,
      version: 'v0.0.19',
      versionVia: versionVia(45, 'v0.0.19'),
      commit: c19,
      commitVia: commitVia(45, c19.sha),
    },
    {
      number: 44,
      url: `${CODE_JOB}/44/`,
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-20T09:01:00Z',
      durationMs: 301000,
      version: 'v0.0.18',
      versionVia: versionVia(44, 'v0.0.18'),
      commit: c18,
      commitVia: commitVia(44, c18.sha),
    },
  ],
  deploys: [
    {
      environment: 'dev',
      number: 31,
      url: 'http://127.0.0.1:7102/job/deploy/job/config-dev/31/',
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-25T16:20:00Z',
      durationMs: 48000,
      version: 'v0.0.20',
      configCommit: devConfig,
      configCommitVia: configCommitVia(31, 'config-dev', devConfig.sha),
    },
    {
      environment: 'staging',
      number: 18,
      url: 'http://127.0.0.1:7102/job/deploy/job/config-staging/18/',
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-24T11:00:00Z',
      durationMs: 52000,
      version: 'v0.0.19',
      configCommit: stagingConfig,
      configCommitVia: configCommitVia(18, 'config-staging', stagingConfig.sha),
    },
    {
      environment: 'dev',
      number: 30,
      url: 'http://127.0.0.1:7102/job/deploy/job/config-dev/30/',
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-24T10:40:00Z',
      durationMs: 47000,
      version: 'v0.0.19',
      // the run's workspace was wiped: Jenkins kept no git revision for it
      configCommitVia: {
        via: 'buildData',
        detail: 'run #30 recorded no revision of gitops/config-dev',
      },
    },
    {
      environment: 'staging',
      number: 17,
      url: 'http://127.0.0.1:7102/job/deploy/job/config-staging/17/',
      result: 'FAILURE',
      building: false,
      startedAt: '2026-11-21T08:00:00Z',
      durationMs: 20000,
      version: 'v0.0.18',
      configCommit: configCommit(
        'config-staging',
        '3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f',
        'Promote xposer v0.0.17 -> v0.0.18 to staging',
      ),
      configCommitVia: configCommitVia(
        17,
        'config-staging',
        '3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f',
      ),
    },
  ],
  sources: {
    codeJenkins: { status: 'ok' },
    nexus: { status: 'ok' },
    chartMuseum: { status: 'ok' },
    'configRepo:dev': { status: 'ok' },
    'configRepo:staging': { status: 'ok' },
    'configRepo:prod': { status: 'ok' },
    'deployJenkins:dev': { status: 'ok' },
    'deployJenkins:staging': { status: 'ok' },
    'deployJenkins:prod': {
      status: 'error',
      error: {
        kind: 'timeout',
        message:
          'deploy Jenkins "deploy" did not answer within 10000 ms (job deploy/config-prod)',
      },
    },
    'cluster:dev': { status: 'ok' },
    'cluster:staging': { status: 'ok' },
    'cluster:prod': { status: 'ok' },
    'promotions:dev': { status: 'ok' },
    'promotions:staging': { status: 'ok' },
    'promotions:prod': { status: 'ok' },
  },
};
