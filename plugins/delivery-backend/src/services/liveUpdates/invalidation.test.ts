import { ConfigReader } from '@backstage/config';
import { readDeliveryConfig } from '../../config';
import { sandboxAppConfig } from '../../__testUtils__/sandboxConfig';
import { githubChange } from './githubChange';
import { invalidationOf } from './invalidation';
import { jenkinsChange } from './jenkinsChange';
import { UnreadableWebhook } from './liveChange';

const urls = {
  control: 'http://127.0.0.1:1',
  'jenkins-code': 'http://127.0.0.1:2',
  'jenkins-deploy': 'http://127.0.0.1:3',
  nexus: 'http://127.0.0.1:4',
  chartmuseum: 'http://127.0.0.1:5',
  github: 'http://127.0.0.1:6',
  kubernetes: 'http://127.0.0.1:7',
};
const config = readDeliveryConfig(new ConfigReader(sandboxAppConfig(urls)));
const api = `${urls.github}/api/v3`;

const push = (repo: string, ref: string) =>
  githubChange('push', {
    ref,
    after: 'f'.repeat(40),
    repository: { html_url: `${urls.github}/gitops/${repo}` },
  })!;
const pull = (repo: string, merged: boolean, base = 'main') =>
  githubChange('pull_request', {
    action: 'closed',
    number: 7,
    pull_request: { number: 7, merged, base: { ref: base } },
    repository: { html_url: `${urls.github}/gitops/${repo}` },
  })!;
const run = (base: string, path: string, phase: string, number = 12) =>
  jenkinsChange({
    name: 'x',
    url: path,
    build: {
      full_url: `${base}/${path}${number}/`,
      number,
      phase,
      status: 'SUCCESS',
    },
  });

describe('invalidationOf', () => {
  it('a push to a config branch: that branch head and its pin commits, nothing else', () => {
    expect(
      invalidationOf(config, push('config-staging', 'refs/heads/main')),
    ).toEqual({
      keys: [
        `delivery:config:${api}/gitops/config-staging@main`,
        `delivery:pincommits:${api}/gitops/config-staging@main:requirements.yaml`,
      ],
      environments: ['staging'],
      codeJobs: [],
      finishedCodeJobs: [],
    });
  });

  it('a push to another branch, repo or a tag: nothing', () => {
    const none = {
      keys: [],
      environments: [],
      codeJobs: [],
      finishedCodeJobs: [],
    };
    expect(
      invalidationOf(config, push('config-staging', 'refs/heads/promote-x')),
    ).toEqual(none);
    expect(invalidationOf(config, push('xposer', 'refs/heads/main'))).toEqual(
      none,
    );
    expect(githubChange('push', { ref: 'refs/tags/v1' })).toBeUndefined();
    expect(githubChange('issues', {})).toBeUndefined();
  });

  it('a pull request: the repo open pulls; merged into the branch, its head too', () => {
    expect(invalidationOf(config, pull('config-prod', false)).keys).toEqual([
      `delivery:pulls:${api}/gitops/config-prod`,
    ]);
    expect(invalidationOf(config, pull('config-prod', true)).keys).toEqual([
      `delivery:pulls:${api}/gitops/config-prod`,
      `delivery:config:${api}/gitops/config-prod@main`,
      `delivery:pincommits:${api}/gitops/config-prod@main:Chart.yaml`,
    ]);
    expect(
      invalidationOf(config, pull('config-prod', true, 'other')).keys,
    ).toEqual([`delivery:pulls:${api}/gitops/config-prod`]);
  });

  it('a run of a code job: that job builds', () => {
    const change = run(
      urls['jenkins-code'],
      'job/stakater/job/xposer/job/master/',
      'STARTED',
    );
    expect(invalidationOf(config, change)).toEqual({
      keys: ['delivery:code:code:stakater/xposer/master'],
      environments: [],
      codeJobs: [{ instance: 'code', job: 'stakater/xposer/master' }],
      finishedCodeJobs: [],
    });
    // finished: it may have pushed an image and a chart
    expect(
      invalidationOf(
        config,
        run(
          urls['jenkins-code'],
          'job/stakater/job/xposer/job/master/',
          'COMPLETED',
        ),
      ).finishedCodeJobs,
    ).toEqual([{ instance: 'code', job: 'stakater/xposer/master' }]);
  });

  it('a run of a deploy job: that environment deploy runs; finished, its namespace too', () => {
    const path = 'job/deploy/job/config-dev/';
    const deploy = `delivery:deploy:deploy:deploy/config-dev:${urls.github}/gitops/config-dev:v2`;
    expect(
      invalidationOf(config, run(urls['jenkins-deploy'], path, 'STARTED')).keys,
    ).toEqual([deploy]);
    expect(
      invalidationOf(config, run(urls['jenkins-deploy'], path, 'FINALIZED')),
    ).toEqual({
      keys: [deploy, `delivery:k8s:${urls.kubernetes}:dev`],
      environments: ['dev'],
      codeJobs: [],
      finishedCodeJobs: [],
    });
    expect(
      invalidationOf(config, run(urls['jenkins-deploy'], path, 'QUEUED')).keys,
    ).toEqual([]);
  });

  it('a run elsewhere, or a URL that is not a run of ours: nothing', () => {
    expect(
      invalidationOf(
        config,
        run('http://other:8080', 'job/deploy/job/config-dev/', 'STARTED'),
      ).keys,
    ).toEqual([]);
    expect(
      invalidationOf(
        config,
        run(urls['jenkins-deploy'], 'job/deploy/job/config-dev/', 'STARTED', 3),
      ).keys,
    ).toHaveLength(1);
    const wrongNumber = jenkinsChange({
      build: {
        full_url: `${urls['jenkins-deploy']}/job/deploy/job/config-dev/4/`,
        number: 5,
        phase: 'STARTED',
      },
    });
    expect(invalidationOf(config, wrongNumber).keys).toEqual([]);
  });

  it('unreadable payloads are refused with the reason', () => {
    expect(() => githubChange('push', [])).toThrow(UnreadableWebhook);
    expect(() =>
      githubChange('push', { ref: 'refs/heads/main', after: 'x' }),
    ).toThrow('push: repository is missing');
    expect(() =>
      jenkinsChange({
        build: { full_url: 'http://j/job/a/1/', number: 1, phase: 'DONE' },
      }),
    ).toThrow(
      'jenkins: build.phase must be one of QUEUED, STARTED, COMPLETED, FINALIZED',
    );
    expect(() =>
      jenkinsChange({ build: { number: 1, phase: 'STARTED' } }),
    ).toThrow('build.full_url is missing');
  });

  it('reads the flat Generic Webhook shape too', () => {
    expect(
      jenkinsChange({
        full_url: 'http://j/job/a/3/',
        number: 3,
        phase: 'COMPLETED',
        status: 'FAILURE',
      }),
    ).toEqual({
      kind: 'jenkins-run',
      runUrl: 'http://j/job/a/3/',
      number: 3,
      phase: 'COMPLETED',
      status: 'FAILURE',
    });
  });
});
