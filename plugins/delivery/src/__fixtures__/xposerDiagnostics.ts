import type {
  DeliveryDiagnostics,
  DiagnosticCheck,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * The delivery doctor's report for `xposer` in the default sandbox world
 * (matches {@link xposerView}): every source and join fine except the prod
 * deploy Jenkins, which timed out, so the prod config-commit join was skipped.
 */

const CODE = 'http://127.0.0.1:7101';
const DEPLOY = 'http://127.0.0.1:7102';
const GHE = 'http://127.0.0.1:7105';

const configRepo = (
  env: string,
  file: string,
  line: number,
  pin: string,
): DiagnosticCheck => ({
  id: `source:configRepo:${env}`,
  group: 'source',
  title: `Config repo (${env})`,
  status: 'ok',
  lookedFor: `dependency xposer in ${file} of gitops/config-${env} at main`,
  where: [`${GHE}/gitops/config-${env}/blob/main/${file}`],
  found: `pinned ${pin} (line ${line})`,
});

const deployJob = (env: string, newest: number): DiagnosticCheck => ({
  id: `source:deployJenkins:${env}`,
  group: 'source',
  title: `Deploy job (${env})`,
  status: 'ok',
  lookedFor: `job deploy/config-${env} on deploy Jenkins "deploy"`,
  where: [`${DEPLOY}/job/deploy/job/config-${env}/`],
  found: `${newest} runs, newest #${newest}`,
});

const cluster = (env: string, ready: string): DiagnosticCheck => ({
  id: `source:cluster:${env}`,
  group: 'source',
  title: `Cluster (${env})`,
  status: 'ok',
  lookedFor: `deployment xposer in namespace ${env}`,
  where: [
    `http://127.0.0.1:7106/apis/apps/v1/namespaces/${env}/deployments?labelSelector=app%3Dxposer`,
  ],
  found: `deployment xposer, ${ready} ready`,
});

const deployCommit = (
  env: string,
  run: number,
  sha: string,
): DiagnosticCheck => ({
  id: `join:deploy-config-commit:${env}`,
  group: 'join',
  title: `Deploy run -> config commit (${env})`,
  status: 'ok',
  lookedFor: `the revision of gitops/config-${env} in the BuildData of the newest deploy run`,
  found: `run #${run} deployed ${sha}`,
  matched: 'buildData',
});

/** Diagnostics of {@link xposerEntity}. */
export const xposerDiagnostics: DeliveryDiagnostics = {
  entityRef: 'component:default/xposer',
  generatedAt: '2026-11-26T05:00:02Z',
  versionFrom: ['displayName', 'gitTag', 'commitMessage', 'imageLabel'],
  checks: [
    {
      id: 'source:codeJenkins',
      group: 'source',
      title: 'Code Jenkins job',
      status: 'ok',
      lookedFor: 'job stakater/xposer/master on code Jenkins "code"',
      where: [`${CODE}/job/stakater/job/xposer/job/master/`],
      found: '4 builds, newest #47 (failed)',
    },
    {
      id: 'source:nexus',
      group: 'source',
      title: 'Nexus image',
      status: 'ok',
      lookedFor:
        'image stakater/xposer in repository docker-hosted on Nexus "default"',
      where: [
        'http://127.0.0.1:7103/service/rest/v1/search?repository=docker-hosted&name=stakater%2Fxposer',
      ],
      found: '4 tags, newest v0.0.20',
    },
    {
      id: 'source:chartMuseum',
      group: 'source',
      title: 'ChartMuseum chart',
      status: 'ok',
      lookedFor: 'chart xposer on ChartMuseum "default"',
      where: ['http://127.0.0.1:7104/api/charts/xposer'],
      found: '4 versions, newest v0.0.20',
    },
    configRepo('dev', 'requirements.yaml', 4, 'v0.0.20'),
    configRepo('staging', 'requirements.yaml', 7, 'v0.0.19'),
    configRepo('prod', 'Chart.yaml', 12, '0.0.8'),
    deployJob('dev', 31),
    deployJob('staging', 18),
    {
      id: 'source:deployJenkins:prod',
      group: 'source',
      title: 'Deploy job (prod)',
      status: 'error',
      lookedFor: 'job deploy/config-prod on deploy Jenkins "deploy"',
      where: [`${DEPLOY}/job/deploy/job/config-prod/`],
      found: 'no answer within 10000 ms',
      fix: {
        key: 'delivery.deployJenkins[deploy].timeoutMs',
        example: '30000',
        explanation:
          'The deploy Jenkins did not answer in time. If it is up but slow, raise its timeout; otherwise check that it is running and reachable from the Backstage backend.',
      },
    },
    cluster('dev', '1/1'),
    cluster('staging', '2/2'),
    cluster('prod', '3/3'),
    {
      id: 'join:build-version',
      group: 'join',
      title: 'Build -> version',
      status: 'ok',
      lookedFor:
        'the version each code build released, by displayName, gitTag, commitMessage, imageLabel (first match wins)',
      found: '3 of 4 builds released a version; #47 failed before releasing',
      matched: 'displayName',
    },
    {
      id: 'join:build-commit',
      group: 'join',
      title: 'Build -> commit',
      status: 'ok',
      lookedFor: `a BuildData revision of ${GHE}/stakater/xposer.git in each build`,
      found: '4 of 4 builds; the revision of the pipeline library was ignored',
      matched: 'buildData',
    },
    {
      id: 'join:version-image',
      group: 'join',
      title: 'Version -> image',
      status: 'ok',
      lookedFor: 'an image tag equal to each version (a leading v ignored)',
      found: '4 of 4 versions have an image',
      matched: 'sameVersion',
    },
    {
      id: 'join:version-chart',
      group: 'join',
      title: 'Version -> chart',
      status: 'ok',
      lookedFor: 'a chart version equal to each version (a leading v ignored)',
      found: '4 of 4 versions have a chart',
      matched: 'sameVersion',
    },
    deployCommit('dev', 31, 'aa11bb2'),
    deployCommit('staging', 18, '7d8e9f0'),
    {
      id: 'join:deploy-config-commit:prod',
      group: 'join',
      title: 'Deploy run -> config commit (prod)',
      status: 'skipped',
      lookedFor:
        'the revision of gitops/config-prod in the BuildData of the newest deploy run',
      found: 'not checked: the prod deploy Jenkins did not answer',
    },
  ],
};
