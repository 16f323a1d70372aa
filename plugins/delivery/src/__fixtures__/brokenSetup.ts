import type { Entity } from '@backstage/catalog-model';
import type {
  DeliveryDiagnostics,
  DeliveryView,
  DiagnosticCheck,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * A new user's first try: the plugin pointed at their own servers
 * (jenkins.example.com, nexus/charts.example.com, GitHub Enterprise at
 * ghe.example.com) for `payments-api`, with one of three mistakes:
 * a wrong job path, a `versionFrom` that does not fit their builds, or a git
 * host alias missing (Jenkins clones over SSH from git.example.com).
 */

const JENKINS = 'https://jenkins.example.com';
const GHE = 'https://ghe.example.com';

/** `payments-api` as its team registered it (the job path is wrong: the branch is `main`). */
export const paymentsApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'delivery/code-job': 'code:payments/payments-api/master',
      'delivery/image': 'payments/payments-api',
      'delivery/chart': 'payments-api',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

const codeJobOk: DiagnosticCheck = {
  id: 'source:codeJenkins',
  group: 'source',
  title: 'Code Jenkins job',
  status: 'ok',
  lookedFor: 'job payments/payments-api/main on code Jenkins "code"',
  where: [`${JENKINS}/job/payments/job/payments-api/job/main/`],
  found: '50 builds (the newest 50 of 212), newest #212',
};

const otherSources: DiagnosticCheck[] = [
  {
    id: 'source:nexus',
    group: 'source',
    title: 'Nexus image',
    status: 'ok',
    lookedFor:
      'image payments/payments-api in repository docker-hosted on Nexus "default"',
    where: [
      'https://nexus.example.com/service/rest/v1/search?repository=docker-hosted&name=payments%2Fpayments-api',
    ],
    found: '38 tags, newest v2.4.1',
  },
  {
    id: 'source:chartMuseum',
    group: 'source',
    title: 'ChartMuseum chart',
    status: 'ok',
    lookedFor: 'chart payments-api on ChartMuseum "default"',
    where: ['https://charts.example.com/api/charts/payments-api'],
    found: '38 versions, newest v2.4.1',
  },
  {
    id: 'source:configRepo:dev',
    group: 'source',
    title: 'Config repo (dev)',
    status: 'ok',
    lookedFor:
      'dependency payments-api in requirements.yaml of gitops/config-dev at main',
    where: [`${GHE}/gitops/config-dev/blob/main/requirements.yaml`],
    found: 'pinned v2.4.0 (line 9)',
  },
  {
    id: 'source:deployJenkins:dev',
    group: 'source',
    title: 'Deploy job (dev)',
    status: 'ok',
    lookedFor: 'job deploy/config-dev on deploy Jenkins "deploy"',
    where: ['https://deploy-jenkins.example.com/job/deploy/job/config-dev/'],
    found: '50 runs, newest #1204',
  },
];

const artifactJoins: DiagnosticCheck[] = [
  {
    id: 'join:version-image',
    group: 'join',
    title: 'Version -> image',
    status: 'ok',
    lookedFor: 'an image tag equal to each version (a leading v ignored)',
    found: '38 of 38 versions have an image',
    matched: 'sameVersion',
  },
  {
    id: 'join:version-chart',
    group: 'join',
    title: 'Version -> chart',
    status: 'ok',
    lookedFor: 'a chart version equal to each version (a leading v ignored)',
    found: '38 of 38 versions have a chart',
    matched: 'sameVersion',
  },
];

const DEFAULT_STRATEGIES = [
  'displayName',
  'gitTag',
  'commitMessage',
  'imageLabel',
];

const base = {
  entityRef: 'component:default/payments-api',
  generatedAt: '2026-11-26T09:12:00Z',
};

/** The `delivery/code-job` annotation names a branch job that does not exist. */
export const wrongJobPathDiagnostics: DeliveryDiagnostics = {
  ...base,
  versionFrom: DEFAULT_STRATEGIES,
  checks: [
    {
      id: 'source:codeJenkins',
      group: 'source',
      title: 'Code Jenkins job',
      status: 'error',
      lookedFor: 'job payments/payments-api/master on code Jenkins "code"',
      where: [`${JENKINS}/job/payments/job/payments-api/job/master/`],
      found:
        'HTTP 404: no job master in payments/payments-api; its branch jobs are main and release-2.x',
      fix: {
        key: 'metadata.annotations.delivery/code-job',
        example: 'code:payments/payments-api/main',
        explanation:
          'The annotation names a job path that does not exist. Copy the path from the job URL in Jenkins: every /job/<name>/ segment is one part, the last one the branch of a multibranch job.',
      },
    },
    ...otherSources,
    {
      id: 'join:build-version',
      group: 'join',
      title: 'Build -> version',
      status: 'skipped',
      lookedFor:
        'the version each code build released, by displayName, gitTag, commitMessage, imageLabel (first match wins)',
      found: 'not checked: no builds were read (see Code Jenkins job)',
    },
    {
      id: 'join:build-commit',
      group: 'join',
      title: 'Build -> commit',
      status: 'skipped',
      lookedFor: `a BuildData revision of ${GHE}/payments/payments-api in each build`,
      found: 'not checked: no builds were read (see Code Jenkins job)',
    },
    ...artifactJoins,
  ],
};

/** `delivery.versionFrom: displayName`, but the builds keep `#N` and release by git tag. */
export const wrongVersionFromDiagnostics: DeliveryDiagnostics = {
  ...base,
  versionFrom: ['displayName'],
  checks: [
    codeJobOk,
    ...otherSources,
    {
      id: 'join:build-version',
      group: 'join',
      title: 'Build -> version',
      status: 'error',
      lookedFor: 'the version each code build released, by displayName',
      found:
        '0 of 50 builds named a version: their display names are the default #212, #211, … . Build #212 built 7c1d2e3, and tag v2.4.1 points at 1be9c18 (Bump Version to v2.4.1, on top of 7c1d2e3).',
      fix: {
        key: 'delivery.versionFrom',
        example: 'gitTag, displayName',
        explanation:
          'Your builds keep the default display name and release by tagging a "Bump Version" commit, so read the version from the git tag. Remove the setting to use the defaults (displayName, gitTag, commitMessage, imageLabel), or set the delivery/version-from annotation to change one service only.',
      },
    },
    {
      id: 'join:build-commit',
      group: 'join',
      title: 'Build -> commit',
      status: 'ok',
      lookedFor: `a BuildData revision of ${GHE}/payments/payments-api in each build`,
      found: '50 of 50 builds',
      matched: 'buildData',
    },
    ...artifactJoins,
  ],
};

/** Jenkins clones from git.example.com (SSH), the same GitHub Enterprise as ghe.example.com. */
export const missingHostAliasDiagnostics: DeliveryDiagnostics = {
  ...base,
  versionFrom: DEFAULT_STRATEGIES,
  checks: [
    codeJobOk,
    ...otherSources,
    {
      id: 'join:build-version',
      group: 'join',
      title: 'Build -> version',
      status: 'warning',
      lookedFor:
        'the version each code build released, by displayName, gitTag, commitMessage, imageLabel (first match wins)',
      found:
        '0 of 50 builds: display names are the default #N, and gitTag and commitMessage need the built commit, which is unknown (see Build -> commit)',
    },
    {
      id: 'join:build-commit',
      group: 'join',
      title: 'Build -> commit',
      status: 'error',
      lookedFor: `a BuildData revision of ${GHE}/payments/payments-api in each build`,
      found:
        'build #212 recorded revisions of git@git.example.com:payments/payments-api.git (7c1d2e3) and https://ghe.example.com/platform/pipeline-library.git (a9f0b1c); none of the code repo on ghe.example.com',
      fix: {
        key: 'delivery.hostAliases',
        example: "[{ host: 'ghe.example.com', aliases: ['git.example.com'] }]",
        explanation:
          'Jenkins checks the code out from git.example.com, another name of the GitHub Enterprise at ghe.example.com. Declare the alias so the build’s revision is recognised as the code repo’s.',
      },
    },
    ...artifactJoins,
  ],
};

/** The delivery view of {@link paymentsApiEntity} with the wrong job path: no builds, versions from the charts. */
export const wrongJobPathView: DeliveryView = {
  entityRef: 'component:default/payments-api',
  release: 'payments-api',
  generatedAt: '2026-11-26T09:12:00Z',
  versions: [
    {
      version: 'v2.4.1',
      normalized: '2.4.1',
      image: {
        repository: 'docker-hosted',
        name: 'payments/payments-api',
        tag: 'v2.4.1',
      },
      chart: { name: 'payments-api', version: 'v2.4.1' },
      links: {
        image: {
          via: 'sameVersion',
          detail: 'image tag payments/payments-api:v2.4.1 equals the version',
        },
        chart: {
          via: 'sameVersion',
          detail: 'chart payments-api v2.4.1 in ChartMuseum equals the version',
        },
      },
      environments: [],
    },
  ],
  environments: [
    {
      name: 'dev',
      configRepoUrl: `${GHE}/gitops/config-dev`,
      branch: 'main',
      pinnedVersion: 'v2.4.0',
      pinFileUrl: `${GHE}/gitops/config-dev/blob/main/requirements.yaml#L9`,
      status: 'unknown',
      statusReason:
        'gitops/config-dev pins v2.4.0, but which deploy run rolled it out is unknown.',
      statusFacts: [
        {
          source: 'configRepo',
          fact: 'requirements.yaml pins payments-api v2.4.0 at 5a6b7c8 (main)',
        },
        {
          source: 'deployJenkins',
          fact: 'run #1204 SUCCESS recorded revision 5a6b7c8 of git@git.example.com:gitops/config-dev.git',
        },
        { source: 'cluster', fact: 'not configured for dev' },
      ],
      missingLink: {
        link: 'deploy run -> config commit',
        reason:
          'run #1204 recorded a revision of git@git.example.com:gitops/config-dev.git, which is not the config repo on ghe.example.com',
        key: 'delivery.hostAliases',
        example: "[{ host: 'ghe.example.com', aliases: ['git.example.com'] }]",
      },
      openPromotions: [],
    },
  ],
  builds: [],
  deploys: [],
  sources: {
    codeJenkins: {
      status: 'error',
      error: {
        kind: 'not-found',
        message: 'code Jenkins "code" has no job payments/payments-api/master',
      },
    },
    nexus: { status: 'ok' },
    chartMuseum: { status: 'ok' },
    'configRepo:dev': { status: 'ok' },
    'deployJenkins:dev': { status: 'ok' },
    'cluster:dev': { status: 'ok', note: 'no cluster configured' },
    'promotions:dev': { status: 'ok' },
  },
};
