import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeliveryView,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import { TEST_GITHUB_TOKEN } from '@gitops-delivery/sandbox/testUtils';

const DATE = '2026-01-01T00:00:00Z';

export const DEV_REQUIREMENTS = [
  '# Umbrella chart of the dev namespace',
  'dependencies:',
  '  # Xposer exposes services',
  '  - name: xposer',
  '    version: 0.0.19 # pinned by Delivery',
  '    repository: http://127.0.0.1:7104',
  '    alias: xposer',
  '  - name: configmap',
  '    version: "1.0.1"',
  '    repository: https://stakater.github.io/stakater-charts',
  '    alias: xposer-configmap',
  '',
].join('\n');

export const DEV_VALUES = [
  '# values of xposer in dev',
  'xposer:',
  '  xposer:',
  '    image:',
  '      name: stakater/xposer',
  '      tag: 0.0.19',
  '    watchGlobally: true',
  '',
].join('\n');

export const PROD_CHART = [
  'apiVersion: v2',
  'name: config-prod',
  'version: 1.0.0',
  'dependencies:',
  '- name: xposer',
  '  version: "v0.0.19"',
  '  repository: http://127.0.0.1:7104',
  '',
].join('\r\n');

export const PROD_VALUES = [
  'xposer:',
  '  xposer:',
  '    image:',
  '      tag: v0.0.19',
  '    resources: {}',
  '',
].join('\r\n');

const bomb = (() => {
  const lines = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join(
    '\n',
  )}\ndependencies:\n  - name: xposer\n    version: 0.0.19\n`;
})();

const repo = (name: string, files: Record<string, string>): GitHubRepoSeed => ({
  owner: 'gitops',
  name,
  ownerType: 'Organization',
  defaultBranch: 'main',
  commits: [{ message: `Initial ${name}`, date: DATE, files }],
});

export function seeds(): GitHubRepoSeed[] {
  return [
    repo('config-dev', {
      'requirements.yaml': DEV_REQUIREMENTS,
      'xposer.yaml': DEV_VALUES,
    }),
    repo('config-prod', {
      'Chart.yaml': PROD_CHART,
      'xposer.yaml': PROD_VALUES,
    }),
    repo('config-bomb', { 'requirements.yaml': bomb }),
    repo('config-dup', {
      'requirements.yaml':
        'dependencies:\n  - name: xposer\n    version: 0.0.19\n    version: 0.0.18\n',
    }),
    repo('config-multi', {
      'requirements.yaml':
        'dependencies:\n  - name: xposer\n    version: 0.0.19\n---\ndependencies: []\n',
    }),
    repo('config-big', {
      'requirements.yaml': `dependencies:\n  - name: xposer\n    version: 0.0.19\n# ${'x'.repeat(
        300 * 1024,
      )}\n`,
    }),
    repo('config-loose', {
      'requirements.yaml':
        'dependencies:\n  - name: xposer\n    version: 0.0.19\n',
    }),
    repo('config-twice', {
      'requirements.yaml':
        'dependencies:\n  - name: xposer\n    version: 0.0.19\n  - name: xposer\n    version: 0.0.18\n',
    }),
  ];
}

const noGates = {
  requireChart: false,
  requireImage: false,
  requireSuccessfulBuild: false,
  requireRunningInPrevious: false,
};

/** The app config of the promotion tests: the test GitHub as the one integration. */
export function deliveryAppConfig(
  baseUrl: string,
  apiBaseUrl: string,
): ConfigReader {
  const env = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    configRepo: `${baseUrl}/gitops/config-${name}`,
    branch: 'main',
    deployJob: `deploy:deploy/config-${name}`,
    ...extra,
  });
  return new ConfigReader({
    integrations: {
      github: [
        { host: new URL(baseUrl).host, apiBaseUrl, token: TEST_GITHUB_TOKEN },
      ],
    },
    delivery: {
      deployJenkins: [{ name: 'deploy', baseUrl: 'http://127.0.0.1:7102' }],
      environments: [
        env('dev'),
        env('prod', { promotesFrom: 'dev', requirementsPath: 'Chart.yaml' }),
        ...['bomb', 'dup', 'multi', 'big', 'twice', 'loose'].map(n =>
          env(n, { gates: noGates }),
        ),
      ],
    },
  });
}

export const entity: Entity = {
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
    owner: 'group:default/team-xposer',
    lifecycle: 'production',
  },
};

const commit = (n: number) => {
  const sha = String(n).repeat(40).slice(0, 40);
  return {
    sha,
    shortSha: sha.slice(0, 7),
    url: `http://127.0.0.1:7105/stakater/xposer/commit/${sha}`,
  };
};

function lineage(
  version: string,
  n: number,
  opts: { chart?: boolean; result?: 'SUCCESS' | 'FAILURE' } = {},
): VersionLineage {
  return {
    version,
    normalized: version.replace(/^v/, ''),
    commit: commit(n),
    build: {
      number: n,
      url: `http://127.0.0.1:7101/job/stakater/job/xposer/job/master/${n}/`,
      result: opts.result ?? 'SUCCESS',
      startedAt: DATE,
    },
    image: {
      repository: 'docker-hosted',
      name: 'stakater/xposer',
      tag: version,
    },
    chart:
      opts.chart === false
        ? undefined
        : {
            name: 'xposer',
            version,
            url: `http://127.0.0.1:7104/charts/xposer-${version}.tgz`,
          },
    links: {
      build: {
        via: 'displayName',
        detail: `build #${n}'s display name is "${version}"`,
      },
    },
    environments: [],
  };
}

export function view(): DeliveryView {
  const envRow = (name: string, running: string, promotesFrom?: string) => ({
    name,
    promotesFrom,
    configRepoUrl: `http://127.0.0.1:7105/gitops/config-${name}`,
    branch: 'main',
    runningVersion: running,
    status: 'in-sync' as const,
    statusReason: 'ok',
    statusFacts: [],
    openPromotions: [],
  });
  return {
    entityRef: 'component:default/xposer',
    release: 'xposer',
    generatedAt: DATE,
    versions: [
      lineage('v0.0.22', 22, { result: 'FAILURE' }),
      lineage('v0.0.21', 21, { chart: false }),
      lineage('v0.0.20', 20),
      lineage('v0.0.19', 19),
      lineage('v0.0.18', 18),
    ],
    environments: [envRow('dev', 'v0.0.20'), envRow('prod', 'v0.0.19', 'dev')],
    builds: [],
    deploys: [],
    sources: {
      chartMuseum: { status: 'ok' },
      nexus: { status: 'ok' },
      codeJenkins: { status: 'ok' },
    },
  };
}
