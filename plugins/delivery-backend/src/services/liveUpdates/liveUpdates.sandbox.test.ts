import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import eventsPlugin from '@backstage/plugin-events-backend';
import { sandboxCredentials } from '@gitops-delivery/sandbox';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { deliveryPlugin } from '../../plugin';
import { deliveryWebhooksModule } from '../../events/deliveryWebhooksModule';
import { githubSignature } from '../../events/githubSignature';
import {
  component,
  sandboxAppConfig,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { deliveryLiveUpdatesModule } from './liveUpdatesModule';
import { GitHubGraphQL } from '../../upstreams/github/GitHubGraphQL';

jest.setTimeout(60_000);

const GITHUB_SECRET = 'live-updates-github-secret';
const JENKINS_TOKEN = 'live-updates-jenkins-token';
const ENTITY = 'component:default/xposer';
const VIEW = '/api/delivery/entities/default/component/xposer';

interface Received {
  channel: string;
  message: JsonObject;
  at: number;
}

/** Records every signal published through the events service (what the signals backend relays). */
function signalProbe(received: Received[]) {
  return createBackendPlugin({
    pluginId: 'signal-probe',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'probe',
            topics: ['signals'],
            onEvent: async ({ eventPayload }) => {
              const p = eventPayload as {
                channel: string;
                message: JsonObject;
              };
              received.push({
                channel: p.channel,
                message: p.message,
                at: Date.now(),
              });
            },
          });
        },
      });
    },
  });
}

async function until<T>(
  what: string,
  fn: () => T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 5));
  }
}

describe('live updates on the sandbox (webhooks -> events backend -> cache -> signals)', () => {
  let sandbox: TestSandbox;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const received: Received[] = [];
  const user = mockCredentials.user.header('user:default/guest');

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const app = sandboxAppConfig(sandbox.urls);
    Object.assign(app.delivery as JsonObject, {
      cache: { ttlSeconds: 600 },
      history: { enabled: false },
      webhooks: {
        github: { secret: GITHUB_SECRET },
        jenkins: { token: JENKINS_TOKEN },
      },
    });
    ({ server } = await startTestBackend({
      features: [
        // one events service for all, as createBackend provides: the events
        // backend brings its own (older) events-node, whose default factory
        // would otherwise be a second bus
        eventsServiceFactory,
        eventsPlugin,
        deliveryWebhooksModule,
        deliveryPlugin,
        deliveryLiveUpdatesModule,
        signalProbe(received),
        catalogServiceMock.factory({
          entities: [component('xposer', xposerAnnotations)],
        }),
        mockServices.rootConfig.factory({ data: app }),
      ],
    }));
  });
  afterAll(() => sandbox.stop());

  const ingress = (topic: string) =>
    `http://127.0.0.1:${server.port()}/api/events/http/${topic}`;

  describe('POST /api/events/http/delivery.github', () => {
    const body = JSON.stringify({
      ref: 'refs/heads/main',
      after: 'a'.repeat(40),
      repository: { html_url: 'https://github.com/elsewhere/repo' },
    });
    const post = () =>
      request(server)
        .post('/api/events/http/delivery.github')
        .set('content-type', 'application/json')
        .set('x-github-event', 'push');

    it('accepts a delivery signed over its exact body (202)', async () => {
      const res = await post()
        .set('x-hub-signature-256', githubSignature(GITHUB_SECRET, body))
        .send(body);
      expect(res.status).toBe(202);
    });

    it('refuses a missing signature (401), a wrong one or a changed body (403)', async () => {
      expect((await post().send(body)).status).toBe(401);
      const wrong = await post()
        .set(
          'x-hub-signature-256',
          githubSignature('not-the-secret-at-all', body),
        )
        .send(body);
      expect(wrong.status).toBe(403);
      const replay = await post()
        .set('x-hub-signature-256', githubSignature(GITHUB_SECRET, body))
        .send(body.replace('main', 'prod'));
      expect(replay.status).toBe(403);
    });
  });

  describe('POST /api/events/http/delivery.jenkins', () => {
    const body = {
      build: { full_url: 'http://j/job/a/1/', number: 1, phase: 'STARTED' },
    };
    it('needs the shared token: none 401, wrong 403, right 202', async () => {
      const post = () =>
        request(server).post('/api/events/http/delivery.jenkins');
      expect((await post().send(body)).status).toBe(401);
      expect(
        (await post().set('x-delivery-token', 'nope').send(body)).status,
      ).toBe(403);
      expect(
        (await post().set('x-delivery-token', JENKINS_TOKEN).send(body)).status,
      ).toBe(202);
    });
  });

  it('a merged promotion shows in the next view without waiting for the TTL, with a signal on the entity channel', async () => {
    const control = (body: object) =>
      fetch(`${sandbox.urls.control}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await control({
          kind: 'github',
          url: ingress('delivery.github'),
          secret: GITHUB_SECRET,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await control({
          kind: 'jenkins',
          url: ingress('delivery.jenkins'),
          token: JENKINS_TOKEN,
        })
      ).status,
    ).toBe(201);

    const before = await request(server).get(VIEW).set('Authorization', user);
    expect(before.status).toBe(200);
    const staging = () => before.body.environments[1];
    expect(staging().name).toBe('staging');
    const beforePromote = received.length;
    const promote = await request(server)
      .post(`${VIEW}/promotions`)
      .set('Authorization', user)
      .send({ environment: 'staging', version: 'v0.0.21' });
    expect(promote.status).toBe(201);
    expect(staging().pinnedVersion).not.toBe('v0.0.21');
    await sandbox.webhooks.settled();
    // the PR's pull_request "opened" told the open tabs (promotions of staging)
    expect(
      received
        .slice(beforePromote)
        .filter(r => r.channel === `delivery:entity:${ENTITY}`)
        .map(r => r.message),
    ).toContainEqual({
      type: 'refresh',
      change: 'pull-request',
      environments: ['staging'],
    });
    // warm: every source cached (TTL 10 min)
    await request(server).get(VIEW).set('Authorization', user);
    sandbox.counter.reset();
    const warm = await request(server).get(VIEW).set('Authorization', user);
    expect(warm.body.environments[1].pinnedVersion).toBe(
      staging().pinnedVersion,
    );
    expect(sandbox.counter.snapshot().total).toBe(0);

    // merge the PR as a reviewer would, through the sandbox GitHub's REST API
    const number: number = promote.body.number;
    const signalsBefore = received.length;
    const mergedAt = Date.now();
    const merge = await fetch(
      `${sandbox.urls.github}/api/v3/repos/gitops/config-staging/pulls/${number}/merge`,
      {
        method: 'PUT',
        headers: {
          authorization: `token ${sandboxCredentials.githubToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ merge_method: 'merge' }),
      },
    );
    expect(merge.status).toBe(200);
    const signal = await until('the signal', () =>
      received
        .slice(signalsBefore)
        .find(s => s.channel === `delivery:entity:${ENTITY}`),
    );
    const latencyMs = signal.at - mergedAt;
    expect(signal.message).toMatchObject({
      type: 'refresh',
      environments: ['staging'],
    });
    // the merge also deployed staging: its Jenkins notifications arrive too
    await sandbox.engine.idle();
    await sandbox.webhooks.settled();
    const deliveries = sandbox.webhooks
      .sent()
      .filter(d => d.sentAt >= new Date(mergedAt).toISOString());
    expect(deliveries.map(d => `${d.event} ${d.status}`)).toEqual(
      expect.arrayContaining([
        'pull_request 202',
        'push 202',
        'jenkins.STARTED 202',
        'jenkins.FINALIZED 202',
      ]),
    );

    // the config repo reads of a view go in one GraphQL query (#13): its
    // route names no repository, so record which repositories it read
    const queried: string[] = [];
    const query = GitHubGraphQL.prototype.query;
    const spy = jest
      .spyOn(GitHubGraphQL.prototype, 'query')
      .mockImplementation(function recorded(
        this: GitHubGraphQL,
        text: string,
        variables: Record<string, unknown>,
        what: string,
      ) {
        for (const k of Object.keys(variables).filter(v => /^o\d+$/.test(v)))
          queried.push(`${variables[k]}/${variables[`n${k.slice(1)}`]}`);
        return query.call(this, text, variables, what);
      });
    sandbox.counter.reset();
    const viewStarted = Date.now();
    const after = await request(server).get(VIEW).set('Authorization', user);
    const viewMs = Date.now() - viewStarted;
    spy.mockRestore();
    expect(after.body.environments[1].pinnedVersion).toBe('v0.0.21');
    expect(after.body.environments[1].openPromotions).toEqual([]);
    // re-read: staging's config branch, pin commits and pulls, its deploy
    // job and namespace; nothing of dev, prod, the code side or artifacts
    const counts = sandbox.counter.snapshot().upstreams;
    const routes = Object.entries(counts).flatMap(([u, c]) =>
      Object.keys(c.routes).map(r => `${u} ${r}`),
    );
    expect(Object.keys(counts).sort()).toEqual([
      'github',
      'jenkins-deploy',
      'kubernetes',
    ]);
    expect(
      routes.filter(
        r =>
          r !== 'github POST /api/graphql' &&
          !/config-staging|\/staging\//.test(r),
      ),
    ).toEqual([]);
    expect(queried.filter(r => r !== 'gitops/config-staging')).toEqual([]);
    process.stdout.write(
      `live updates: merge -> signal ${latencyMs} ms; next view ${viewMs} ms, ${
        sandbox.counter.snapshot().total
      } upstream requests:\n  ${routes.join('\n  ')}\n  GraphQL read: ${[
        ...new Set(queried),
      ].join(', ')}\n`,
    );
    expect(latencyMs).toBeLessThan(2000);
  });
});
