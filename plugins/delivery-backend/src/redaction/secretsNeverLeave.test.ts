import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { sandboxCredentials } from '@gitops-delivery/sandbox';
import request from 'supertest';
import { deliveryPlugin } from '../plugin';
import {
  component,
  sandboxAppConfig,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../__testUtils__/sandbox';

jest.setTimeout(180_000);

// #11 hole 5, "secrets never leave": every configured credential is set to a
// value with a newline and a distinctive marker (undici refuses such a header
// and quotes its value in the error), every route is driven, and the marker
// must appear in no response body and no captured log line. Then, with the
// sandbox's real credentials, every upstream fault is injected (including
// upstream error bodies that echo the credential) and no configured secret
// may appear either.

const MARK = 'SECRETMARK';

/** A LoggerService that keeps every line (message + metadata + child fields). */
function capturingLogger(
  lines: string[],
  fields: JsonObject = {},
): LoggerService {
  const log = (level: string) => (message: string, meta?: unknown) => {
    let m: string;
    if (meta instanceof Error)
      m = `${meta.name}: ${meta.message}\n${meta.stack}`;
    else {
      try {
        m = JSON.stringify(meta) ?? '';
      } catch {
        m = String(meta);
      }
    }
    lines.push(`${level} ${message} ${m} ${JSON.stringify(fields)}`);
  };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: meta =>
      capturingLogger(lines, { ...fields, ...(meta as JsonObject) }),
  };
}

function loggerFactories(lines: string[]) {
  return [
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => capturingLogger(lines) as any,
    }),
    createServiceFactory({
      service: coreServices.logger,
      deps: {},
      factory: () => capturingLogger(lines),
    }),
  ];
}

/** The sandbox app-config with every secret replaced by `secret(name)`. */
function withSecrets(
  base: JsonObject,
  secret: (name: string) => string,
): JsonObject {
  const c = JSON.parse(JSON.stringify(base));
  c.integrations.github[0].token = secret('github');
  for (const j of c.delivery.codeJenkins) j.apiToken = secret('code-jenkins');
  for (const j of c.delivery.deployJenkins)
    j.apiToken = secret('deploy-jenkins');
  for (const n of c.delivery.nexus) n.password = secret('nexus');
  for (const m of c.delivery.chartMuseum) m.password = secret('chartmuseum');
  for (const e of c.delivery.environments)
    e.cluster.token = secret(`cluster-${e.name}`);
  return c;
}

async function startBackend(config: JsonObject, lines: string[]) {
  const { server } = await startTestBackend({
    features: [
      deliveryPlugin,
      catalogServiceMock.factory({
        entities: [component('xposer', xposerAnnotations)],
      }),
      ...loggerFactories(lines),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return server;
}

const path = '/api/delivery/entities/default/component/xposer';
const user = mockCredentials.user.header('user:default/guest');

/** Drives every route of the plugin; returns every response (status, text, body). */
async function driveEveryRoute(
  server: Parameters<typeof request>[0],
): Promise<request.Response[]> {
  const bodies: request.Response[] = [];
  const keep = (r: request.Response) => {
    bodies.push(r);
    return r;
  };
  keep(await request(server).get(path).set('Authorization', user));
  keep(
    await request(server).get(`${path}/diagnostics`).set('Authorization', user),
  );
  keep(
    await request(server)
      .post(`${path}/promotions/preview`)
      .set('Authorization', user)
      .send({ environment: 'prod', version: 'v0.0.20' }),
  );
  keep(
    await request(server)
      .post(`${path}/promotions`)
      .set('Authorization', user)
      .send({ environment: 'staging', version: 'v0.0.21' }),
  );
  keep(
    await request(server).get(`${path}/promotions`).set('Authorization', user),
  );
  keep(
    await request(server)
      .post(`${path}/resync`)
      .set('Authorization', user)
      .send({ environment: 'dev' }),
  );
  return bodies;
}

const asText = (r: request.Response) =>
  `${r.status} ${r.text ?? ''} ${JSON.stringify(r.body ?? null)}`;

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

describe('secrets never leave (#11)', () => {
  it('a credential with a newline and a marker reaches no response and no log', async () => {
    const lines: string[] = [];
    const config = withSecrets(
      sandboxAppConfig(sandbox.urls, 1000),
      name => `${MARK}-${name}-a1b2c3\nsecond-line-${MARK}`,
    );
    const server = await startBackend(config, lines);
    const responses = await driveEveryRoute(server);
    const bodies = responses.map(asText);

    // the secrets were really used (and refused by undici), not skipped
    expect(responses[0].body.sources?.codeJenkins?.status).toBe('error');
    expect(bodies.join('\n')).toMatch(/\[REDACTED\]/);

    expect(bodies.filter(b => b.includes(MARK))).toEqual([]);
    expect(lines.filter(l => l.includes(MARK))).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('no configured secret reaches a response or a log under any upstream fault', async () => {
    const secrets = [
      sandboxCredentials.githubToken,
      sandboxCredentials.kubernetesToken,
      sandboxCredentials.codeJenkins.password,
      sandboxCredentials.deployJenkins.password,
      sandboxCredentials.nexus.password,
      sandboxCredentials.chartMuseum.password,
    ];
    const basic = [
      sandboxCredentials.codeJenkins,
      sandboxCredentials.deployJenkins,
      sandboxCredentials.nexus,
      sandboxCredentials.chartMuseum,
    ].map(c => Buffer.from(`${c.username}:${c.password}`).toString('base64'));
    const lines: string[] = [];
    const server = await startBackend(
      sandboxAppConfig(sandbox.urls, 500),
      lines,
    );
    const echo = `credentials were ${secrets.join(
      ' and ',
    )} / Basic ${basic.join(' ')}`;
    const faults: JsonObject[] = [
      { kind: 'error', status: 500, body: JSON.stringify({ message: echo }) },
      {
        kind: 'error',
        status: 401,
        body: JSON.stringify({ message: `Bad credentials: ${echo}` }),
      },
      {
        kind: 'error',
        status: 403,
        body: JSON.stringify({ message: echo }),
        headers: {
          'x-ratelimit-remaining': '0',
          'content-type': 'application/json',
        },
      },
      {
        kind: 'respond',
        status: 422,
        body: JSON.stringify({
          message: `Validation Failed ${echo}`,
          errors: [{ message: echo }],
        }),
        headers: { 'content-type': 'application/json' },
      },
      {
        kind: 'respond',
        status: 200,
        body: `<html>${echo}</html>`,
        headers: { 'content-type': 'text/html' },
      },
      { kind: 'html-login' },
      { kind: 'truncated-json' },
      { kind: 'hang' },
      { kind: 'oversized', sizeBytes: 6 * 1024 * 1024 },
    ];
    const upstreams = [
      'jenkins-code',
      'jenkins-deploy',
      'nexus',
      'chartmuseum',
      'github',
      'kubernetes',
    ];
    const bodies: string[] = [];
    for (const fault of faults) {
      for (const upstream of upstreams) {
        await fetch(`${sandbox.urls.control}/reset`, { method: 'POST' });
        const res = await fetch(`${sandbox.urls.control}/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ upstream, ...fault }),
        });
        expect(res.status).toBe(201);
        bodies.push(...(await driveEveryRoute(server)).map(asText));
      }
    }
    await fetch(`${sandbox.urls.control}/reset`, { method: 'POST' });
    const forms = [...secrets, ...basic];
    expect(bodies.filter(b => forms.some(s => b.includes(s)))).toEqual([]);
    expect(lines.filter(l => forms.some(s => l.includes(s)))).toEqual([]);
  });
});
