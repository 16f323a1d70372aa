import { Octokit } from '@octokit/rest';
import { startSandbox } from '@gitops-delivery/sandbox';
import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  component,
  sandboxViewService,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('a promotion merged on a config repo', () => {
  let sandbox: TestSandbox;
  let octokit: Octokit;

  beforeAll(async () => {
    const ports = {
      control: 0,
      'jenkins-code': 0,
      'jenkins-deploy': 0,
      nexus: 0,
      chartmuseum: 0,
      github: 0,
      kubernetes: 0,
    };
    sandbox = await startSandbox({
      ports,
      deployDelayMs: 4000,
      buildDelayMs: 20,
    });
    octokit = new Octokit({
      baseUrl: `${sandbox.urls.github}/api/v3`,
      auth: 'sandbox-github-token',
    });
  });
  afterAll(() => sandbox.stop());

  /** Opens the PR the promotion engineer's code would open (branch delivery/<env>/<release>-<version>). */
  async function openPromotion(env: string, from: string, to: string) {
    const owner = 'gitops';
    const repo = `config-${env}`;
    const head = await octokit.rest.repos.getBranch({
      owner,
      repo,
      branch: 'main',
    });
    const branch = `delivery/${env}/xposer-${to}`;
    await octokit.rest.git.createRef({
      owner,
      repo,
      ref: `refs/heads/${branch}`,
      sha: head.data.commit.sha,
    });
    // The pin, and the image tag in the values file (nested under the alias, Stakater style).
    for (const path of ['requirements.yaml', 'xposer.yaml']) {
      const file = await octokit.rest.repos.getContent({
        owner,
        repo,
        path,
        ref: branch,
      });
      const { sha, content } = file.data as { sha: string; content: string };
      const text = Buffer.from(content, 'base64').toString('utf8');
      expect(text).toContain(from);
      await octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path,
        branch,
        sha,
        message: `Promote xposer ${to} to ${env}`,
        content: Buffer.from(text.split(from).join(to)).toString('base64'),
      });
    }
    const pr = await octokit.rest.pulls.create({
      owner,
      repo,
      head: branch,
      base: 'main',
      title: `Promote xposer ${to}`,
    });
    return { owner, repo, branch, number: pr.data.number };
  }

  async function until(
    view: () => Promise<DeliveryView>,
    done: (v: DeliveryView) => boolean,
  ) {
    let v = await view();
    for (let i = 0; i < 60 && !done(v); i++) {
      await sleep(150);
      v = await view();
    }
    return v;
  }

  it.each([
    // staging: the rolled-out head deploys fine.
    ['staging', 1, 'v0.0.20', 'v0.0.21', 'SUCCESS', 'v0.0.21', 'in-sync'],
    // dev also pins nordmart-review 1.0.52, which fails every dev deploy: the old version keeps running.
    ['dev', 0, 'v0.0.21', 'v0.0.20', 'FAILURE', 'v0.0.21', 'deploy-failed'],
  ])(
    '%s (row %d): promote %s -> %s, merged, deploying, then settles',
    async (env, index, from, to, result, running, status) => {
      const service = sandboxViewService(sandbox.urls);
      const view = () =>
        service.getView(component('xposer', xposerAnnotations));
      const pr = await openPromotion(env, from, to);
      const before = await view();
      expect(before.environments[index]).toMatchObject({
        pinnedVersion: from,
        openPromotions: [
          { number: pr.number, version: to, branch: pr.branch, state: 'open' },
        ],
      });
      const lastRun = before.environments[index].lastDeploy!.number;

      await octokit.rest.pulls.merge({
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
      });
      // Until the webhook queues the run, the new pin is pending; then it deploys.
      const during = await until(
        view,
        v => v.environments[index].status !== 'pending-deploy',
      );
      expect(during.environments[index]).toMatchObject({
        pinnedVersion: to,
        status: 'deploying',
        openPromotions: [],
      });
      expect(during.environments[index].lastDeploy).toMatchObject({
        number: lastRun + 1,
        building: true,
        result: null,
      });

      const after = await until(
        view,
        v => v.environments[index].status !== 'deploying',
      );
      expect(after.environments[index]).toMatchObject({
        pinnedVersion: to,
        lastDeploy: { number: lastRun + 1, result, version: to },
        runningVersion: running,
        status,
      });
      const lineage = after.versions.find(v => v.version === to)!;
      expect(lineage.environments[index]).toMatchObject({
        pinned: true,
        running: result === 'SUCCESS',
        deployedBy: { number: lastRun + 1, result },
      });
    },
  );
});
