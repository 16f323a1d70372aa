import { createSign, generateKeyPairSync } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { failure, startTestGitHub, TestGitHub } from '../../testing';

// The GitHub App installation-token flow, as GitHub does it: an RS256 JWT
// (iss = app id, exp at most 10 minutes ahead) for /app..., then a
// short-lived ghs_ installation token for the installation's repositories.

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});
const other = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

let clock = Date.parse('2026-01-01T00:00:00Z');
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function jwt(
  claims: Record<string, unknown>,
  privateKey: string = keys.privateKey,
): string {
  const enc = (o: unknown) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}`;
  const sig = createSign('RSA-SHA256').update(data).sign(privateKey);
  return `${data}.${sig.toString('base64url')}`;
}
const now = () => Math.floor(clock / 1000);
const goodJwt = () => jwt({ iss: 42, iat: now() - 30, exp: now() + 540 });

let gh: TestGitHub;
// @octokit/auth-token sends a three-part token as `bearer` (a JWT), others as `token`
const as = (auth: string) =>
  new Octokit({ baseUrl: gh.apiBaseUrl, log: quiet, auth });
const asApp = () => as(goodJwt());

beforeAll(async () => {
  gh = await startTestGitHub(undefined, {
    now: () => clock,
    apps: [
      {
        id: 42,
        slug: 'delivery-app',
        publicKey: keys.publicKey,
        tokenTtlSeconds: 60,
        installations: [{ id: 7, account: 'gitops' }],
      },
    ],
  });
});
afterAll(() => gh.close());

describe('GitHub App flow', () => {
  it('lists the App, its installations and the installation of a repository (JWT)', async () => {
    const app = asApp();
    expect((await app.rest.apps.getAuthenticated()).data).toMatchObject({
      id: 42,
      slug: 'delivery-app',
    });
    const installations = (await app.rest.apps.listInstallations()).data;
    expect(installations).toEqual([
      expect.objectContaining({
        id: 7,
        app_id: 42,
        account: expect.objectContaining({ login: 'gitops' }),
      }),
    ]);
    expect(
      (
        await app.rest.apps.getRepoInstallation({
          owner: 'gitops',
          repo: 'config-dev',
        })
      ).data.id,
    ).toBe(7);
    expect(
      (
        await failure(
          app.rest.apps.getRepoInstallation({
            owner: 'stakater',
            repo: 'xposer',
          }),
        )
      ).status,
    ).toBe(404);
  });

  it('issues a short-lived ghs_ token that works for the installation only, then expires', async () => {
    const res = await asApp().rest.apps.createInstallationAccessToken({
      installation_id: 7,
    });
    expect(res.status).toBe(201);
    expect(res.data.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(res.data.expires_at)).toBe(
      Math.floor(clock / 1000) * 1000 + 60_000,
    );

    const inst = as(res.data.token);
    expect(
      (await inst.rest.repos.get({ owner: 'gitops', repo: 'config-dev' }))
        .status,
    ).toBe(200);
    expect(
      (
        await failure(
          inst.rest.repos.get({ owner: 'stakater', repo: 'xposer' }),
        )
      ).status,
    ).toBe(404);
    expect((await failure(inst.rest.users.getAuthenticated())).status).toBe(
      403,
    );
    const repos = (await inst.rest.apps.listReposAccessibleToInstallation())
      .data;
    expect(repos.repositories.map(r => r.full_name)).toEqual([
      'gitops/config-dev',
    ]);

    // what the App does shows as <slug>[bot]
    const main = (
      await inst.rest.git.getRef({
        owner: 'gitops',
        repo: 'config-dev',
        ref: 'heads/main',
      })
    ).data.object.sha;
    await inst.rest.git.createRef({
      owner: 'gitops',
      repo: 'config-dev',
      ref: 'refs/heads/by-app',
      sha: main,
    });
    await inst.rest.repos.createOrUpdateFileContents({
      owner: 'gitops',
      repo: 'config-dev',
      path: 'app.txt',
      branch: 'by-app',
      message: 'by the app',
      content: Buffer.from('x\n').toString('base64'),
    });
    const pull = await inst.rest.pulls.create({
      owner: 'gitops',
      repo: 'config-dev',
      head: 'by-app',
      base: 'main',
      title: 'by the app',
    });
    expect(pull.data.user).toMatchObject({
      login: 'delivery-app[bot]',
      type: 'Bot',
    });

    clock += 61_000;
    expect(
      await failure(
        inst.rest.repos.get({ owner: 'gitops', repo: 'config-dev' }),
      ),
    ).toMatchObject({
      status: 401,
      data: { message: 'Bad credentials' },
    });
  });

  it.each([
    [
      'an expired JWT',
      () => jwt({ iss: 42, iat: now() - 700, exp: now() - 60 }),
      401,
    ],
    [
      'a JWT valid for more than 10 minutes',
      () => jwt({ iss: 42, iat: now(), exp: now() + 660 }),
      401,
    ],
    [
      'a JWT issued in the future',
      () => jwt({ iss: 42, iat: now() + 300, exp: now() + 500 }),
      401,
    ],
    [
      'a JWT signed with another key',
      () => jwt({ iss: 42, iat: now(), exp: now() + 500 }, other.privateKey),
      401,
    ],
    [
      'a JWT of an unknown App',
      () => jwt({ iss: 99, iat: now(), exp: now() + 500 }),
      401,
    ],
    ['garbage', () => 'a.b.c', 401],
  ])('refuses %s', async (_what, token, status) => {
    const res = await failure(as(token()).rest.apps.getAuthenticated());
    expect(res.status).toBe(status);
  });

  it('accepts a JWT only on the App endpoints', async () => {
    expect(
      (
        await failure(
          asApp().rest.repos.get({ owner: 'gitops', repo: 'config-dev' }),
        )
      ).status,
    ).toBe(403);
  });

  it('keeps the static token working and refuses it on the App endpoints', async () => {
    expect(
      (await gh.octokit.rest.repos.get({ owner: 'gitops', repo: 'config-dev' }))
        .status,
    ).toBe(200);
    expect(
      (await failure(gh.octokit.rest.apps.getAuthenticated())).status,
    ).toBe(401);
  });
});
