import {
  randomPorts,
  sandboxCredentials,
  startSandbox,
  type Sandbox,
} from '../sandbox';
import { loadDefaultWorld } from '../world';

/** Jenkins log rotation through the control API and the world's settings.keepBuilds. */
const c = sandboxCredentials;
const basic = (u: string, p: string) =>
  `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const codeAuth = basic(c.codeJenkins.username, c.codeJenkins.password);
const deployAuth = basic(c.deployJenkins.username, c.deployJenkins.password);
const xposer = '/job/stakater/job/xposer/job/master';
const prod = '/job/deploy/job/config-prod';

async function runNumbers(base: string, job: string, authorization: string) {
  const res = await fetch(
    `${base}${job}/api/json?tree=allBuilds[number],nextBuildNumber`,
    { headers: { authorization } },
  );
  const body = (await res.json()) as {
    allBuilds: Array<{ number: number }>;
    nextBuildNumber: number;
  };
  return {
    runs: body.allBuilds.map(b => b.number).sort((a, b) => a - b),
    next: body.nextBuildNumber,
  };
}

const rotate = (sb: Sandbox, body: unknown) =>
  fetch(`${sb.urls.control}/jenkins/rotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /jenkins/rotate', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({
      ports: randomPorts,
      deployDelayMs: 20,
      buildDelayMs: 20,
    });
  });
  afterAll(() => sb.stop());

  it('discards old runs of both Jenkins like LogRotator; numbers go on; old runs 404', async () => {
    const before = await runNumbers(sb.urls['jenkins-code'], xposer, codeAuth);
    expect(before.runs).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const res = await rotate(sb, { count: 3 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      deleted: Record<string, Array<{ job: string; deleted: number[] }>>;
    };
    expect(
      body.deleted['jenkins-code'].find(j => j.job === 'stakater/xposer/master')
        ?.deleted,
    ).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    const after = await runNumbers(sb.urls['jenkins-code'], xposer, codeAuth);
    expect(after).toEqual({ runs: [14, 15, 16], next: before.next });
    const gone = await fetch(`${sb.urls['jenkins-code']}${xposer}/1/api/json`, {
      headers: { authorization: codeAuth },
    });
    expect(gone.status).toBe(404);
    // prod's runs: #1 SUCCESS, #2 FAILURE, #3 SUCCESS; count 3 keeps them all.
    expect(
      (await runNumbers(sb.urls['jenkins-deploy'], prod, deployAuth)).runs,
    ).toEqual([1, 2, 3]);
    await rotate(sb, { count: 1, upstream: 'jenkins-deploy' });
    expect(
      (await runNumbers(sb.urls['jenkins-deploy'], prod, deployAuth)).runs,
    ).toEqual([3]);
  });

  it('400 with nothing to rotate by (no count/days, no settings.keepBuilds) or a bad body', async () => {
    const none = await rotate(sb, {});
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: string }).error).toMatch(
      /keepBuilds/,
    );
    expect((await rotate(sb, { count: 0 })).status).toBe(400);
    expect((await rotate(sb, { upstream: 'nexus', count: 1 })).status).toBe(
      400,
    );
  });

  it('POST /reset brings the discarded runs back', async () => {
    await fetch(`${sb.urls.control}/reset`, { method: 'POST' });
    expect(
      (await runNumbers(sb.urls['jenkins-code'], xposer, codeAuth)).runs,
    ).toHaveLength(16);
  });
});

describe('settings.keepBuilds', () => {
  it('rotates at start and after each new run', async () => {
    const world = loadDefaultWorld();
    world.settings.keepBuilds = { count: 2 };
    const sb = await startSandbox({
      world,
      ports: randomPorts,
      deployDelayMs: 20,
      buildDelayMs: 20,
    });
    try {
      // xposer master: #16 SUCCESS newest; 2 kept.
      expect(
        (await runNumbers(sb.urls['jenkins-code'], xposer, codeAuth)).runs,
      ).toEqual([15, 16]);
      expect(
        (await runNumbers(sb.urls['jenkins-deploy'], prod, deployAuth)).runs,
      ).toEqual([2, 3]);
      const res = await fetch(
        `${sb.urls['jenkins-deploy']}${prod}/buildWithParameters?BRANCH=main`,
        { method: 'POST', headers: { authorization: deployAuth } },
      );
      expect(res.status).toBe(201);
      await sb.engine.idle();
      expect(
        (await runNumbers(sb.urls['jenkins-deploy'], prod, deployAuth)).runs,
      ).toEqual([3, 4]);
    } finally {
      await sb.stop();
    }
  });
});
