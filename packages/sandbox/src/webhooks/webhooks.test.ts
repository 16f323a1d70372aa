import { createHmac } from 'node:crypto';
import express from 'express';
import { listen, type ListeningServer } from '../http';
import { sandboxCredentials, type Sandbox } from '../sandbox';
import { startTestSandbox, waitFor } from '../testing/sandbox';

jest.setTimeout(60_000);

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  body: any;
}

const SECRET = 'sandbox-webhook-secret';
const TOKEN = 'sandbox-jenkins-token';

describe('sandbox webhooks', () => {
  let receiver: ListeningServer;
  let sandbox: Sandbox;
  const received: Received[] = [];
  const github = (path: string, method = 'GET', body?: object) =>
    fetch(`${sandbox.urls.github}/api/v3${path}`, {
      method,
      headers: {
        authorization: `token ${sandboxCredentials.githubToken}`,
        'content-type': 'application/json',
      },
      body: body && JSON.stringify(body),
    }).then(async r => ({ status: r.status, body: await r.json() }));
  const events = (name: string) =>
    received.filter(r => r.headers['x-github-event'] === name);

  beforeAll(async () => {
    const app = express();
    app.use(express.raw({ type: '*/*' }));
    app.post('/:kind', (req, res) => {
      const raw = (req.body as Buffer).toString('utf8');
      received.push({
        path: req.params.kind,
        headers: req.headers,
        raw,
        body: JSON.parse(raw),
      });
      res.status(202).end();
    });
    receiver = await listen(app, 0, '127.0.0.1');
    sandbox = await startTestSandbox({
      webhooks: [
        { kind: 'github', url: `${receiver.url}/github`, secret: SECRET },
      ],
    });
    // the second target through the control API
    const added = await fetch(`${sandbox.urls.control}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'jenkins',
        url: `${receiver.url}/jenkins`,
        token: TOKEN,
      }),
    });
    if (added.status !== 201)
      throw new Error(`POST /webhooks: ${added.status}`);
  });
  afterAll(async () => {
    await sandbox.stop();
    await receiver.close();
  });

  it('lists its targets without their secrets', async () => {
    const res = await fetch(`${sandbox.urls.control}/webhooks`);
    const body = await res.json();
    expect(body.targets).toEqual([
      { kind: 'github', url: `${receiver.url}/github` },
      { kind: 'jenkins', url: `${receiver.url}/jenkins` },
    ]);
    expect(JSON.stringify(body)).not.toContain(SECRET);
    const bad = await fetch(`${sandbox.urls.control}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'gitlab', url: 'x' }),
    });
    expect(bad.status).toBe(400);
  });

  it('a merged pull request: pull_request closed and the push of the base, signed over the exact body', async () => {
    const repo = '/repos/gitops/config-dev';
    const main = await github(`${repo}/branches/main`);
    const before = main.body.commit.sha;
    expect(
      (
        await github(`${repo}/git/refs`, 'POST', {
          ref: 'refs/heads/hook-test',
          sha: before,
        })
      ).status,
    ).toBe(201);
    const file = await github(
      `${repo}/contents/requirements.yaml?ref=hook-test`,
    );
    const put = await github(`${repo}/contents/requirements.yaml`, 'PUT', {
      message: 'bump',
      branch: 'hook-test',
      sha: file.body.sha,
      content: Buffer.from(
        `${Buffer.from(file.body.content, 'base64').toString()}# hook\n`,
      ).toString('base64'),
    });
    expect(put.status).toBe(200);
    const pull = await github(`${repo}/pulls`, 'POST', {
      title: 'Hook test',
      head: 'hook-test',
      base: 'main',
    });
    expect(pull.status).toBe(201);
    // a reviewer merges after the PR was announced
    await waitFor(() => events('pull_request')[0]);
    const merged = await github(
      `${repo}/pulls/${pull.body.number}/merge`,
      'PUT',
      {},
    );
    expect(merged.status).toBe(200);
    await sandbox.webhooks.settled();
    await waitFor(
      () =>
        (events('push').length && events('pull_request').length) || undefined,
    );
    await sandbox.webhooks.settled();

    for (const r of [...events('push'), ...events('pull_request')]) {
      expect(r.headers['x-hub-signature-256']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(r.raw).digest('hex')}`,
      );
      expect(r.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(
      events('pull_request').map(e => [e.body.action, e.body.number]),
    ).toEqual([
      ['opened', pull.body.number],
      ['closed', pull.body.number],
    ]);
    const [opened, pr] = events('pull_request');
    expect(opened.body).toMatchObject({
      pull_request: {
        state: 'open',
        merged: false,
        head: { ref: 'hook-test' },
      },
      sender: { login: pull.body.user.login },
    });
    expect(pr.body).toMatchObject({
      action: 'closed',
      number: pull.body.number,
      pull_request: {
        number: pull.body.number,
        merged: true,
        base: { ref: 'main' },
        merge_commit_sha: merged.body.sha,
      },
      repository: { full_name: 'gitops/config-dev' },
    });
    // one push for main (the branch write to hook-test is not watched)
    const pushes = events('push');
    expect(pushes.map(p => p.body.ref)).toEqual(['refs/heads/main']);
    expect(pushes[0].body).toMatchObject({
      before,
      after: merged.body.sha,
      created: false,
      repository: {
        full_name: 'gitops/config-dev',
        owner: { name: 'gitops', login: 'gitops' },
        master_branch: 'main',
      },
      head_commit: { id: merged.body.sha, modified: ['requirements.yaml'] },
    });
    expect(typeof pushes[0].body.repository.created_at).toBe('number');
    // the merge deploys dev: the deploy Jenkins notifies each phase of the run
    await sandbox.engine.idle();
    await sandbox.webhooks.settled();
    const deploy = received.filter(
      r => r.path === 'jenkins' && r.body.name === 'deploy/config-dev',
    );
    expect(deploy.map(r => r.body.build.phase)).toEqual([
      'QUEUED',
      'STARTED',
      'COMPLETED',
      'FINALIZED',
    ]);
  });

  it('Jenkins runs: the Notification plugin JSON per phase, with the shared token', async () => {
    received.length = 0;
    await sandbox.engine.push('xposer', 'A change');
    await sandbox.engine.idle();
    await sandbox.webhooks.settled();
    const runs = received.filter(r => r.path === 'jenkins');
    expect(runs.map(r => r.body.build.phase)).toEqual([
      'QUEUED',
      'STARTED',
      'COMPLETED',
      'FINALIZED',
    ]);
    // as the Notification plugin sends an endpoint URL's user info
    for (const r of runs)
      expect(r.headers.authorization).toBe(
        `Basic ${Buffer.from(`jenkins:${TOKEN}`).toString('base64')}`,
      );
    const number = runs[0].body.build.number;
    const job = 'job/stakater/job/xposer/job/master/';
    expect(runs[3].body).toEqual({
      name: 'stakater/xposer/master',
      display_name: expect.any(String),
      url: job,
      build: expect.objectContaining({
        full_url: `${sandbox.urls['jenkins-code']}/${job}${number}/`,
        number,
        queue_id: expect.any(Number),
        phase: 'FINALIZED',
        status: 'SUCCESS',
        url: `${job}${number}/`,
        scm: expect.objectContaining({
          commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        }),
      }),
    });
    expect(runs[1].body.build.status).toBeUndefined();
    // the run the notification names is the one Jenkins serves
    const run = await fetch(`${runs[3].body.build.full_url}api/json`, {
      headers: {
        authorization: `Basic ${Buffer.from(
          'code-ci:code-jenkins-token',
        ).toString('base64')}`,
      },
    });
    expect(run.status).toBe(200);
    expect((await run.json()).number).toBe(number);
  });

  it('after a reset, a push is from the new head (the old one is gone)', async () => {
    expect(
      (await fetch(`${sandbox.urls.control}/reset`, { method: 'POST' })).status,
    ).toBeLessThan(300);
    received.length = 0;
    const repo = '/repos/gitops/config-dev';
    const head = (await github(`${repo}/branches/main`)).body.commit.sha;
    const file = await github(`${repo}/contents/requirements.yaml`);
    const put = await github(`${repo}/contents/requirements.yaml`, 'PUT', {
      message: 'direct edit',
      branch: 'main',
      sha: file.body.sha,
      content: Buffer.from('dependencies: []\n').toString('base64'),
    });
    expect(put.status).toBe(200);
    await waitFor(() => events('push')[0]);
    expect(events('push')[0].body).toMatchObject({
      ref: 'refs/heads/main',
      before: head,
      after: put.body.commit.sha,
      commits: [
        {
          id: put.body.commit.sha,
          message: 'direct edit',
          modified: ['requirements.yaml'],
        },
      ],
    });
  });
});
