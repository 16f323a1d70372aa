import { createSign } from 'node:crypto';
import type { Octokit } from '@octokit/rest';
import type { ConfigRepoApp, ConfigRepoTarget } from './configRepoTarget';
import { statusOf } from './octokitErrors';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * The RS256 JWT a GitHub App authenticates as itself with (`iss` = app id,
 * `iat` 60 s in the past against clock drift, `exp` 9 minutes ahead: GitHub
 * refuses more than 10).
 * @public
 */
export function githubAppJwt(app: ConfigRepoApp, now = Date.now()): string {
  const iat = Math.floor(now / 1000) - 60;
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({ iat, exp: iat + 9 * 60, iss: String(app.appId) }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  const key = app.privateKey.replace(/\\n/g, '\n');
  return `${header}.${payload}.${b64url(signer.sign(key))}`;
}

/**
 * The logins our credentials act as on GitHub: the token's user (`GET /user`)
 * or, for a GitHub App installation token (where `GET /user` answers 403
 * "Resource not accessible by integration"), `<app-slug>[bot]` for each
 * configured App, as GitHub reports the author of what an App opens.
 * @public
 */
export async function credentialLogins(
  octokit: Octokit,
  target: Pick<ConfigRepoTarget, 'apps'>,
): Promise<string[]> {
  try {
    const res = await octokit.rest.users.getAuthenticated();
    return [res.data.login];
  } catch (e) {
    const status = statusOf(e);
    if (status !== 401 && status !== 403) throw e;
  }
  const logins: string[] = [];
  for (const app of target.apps ?? []) {
    const res = await octokit.request('GET /app', {
      headers: { authorization: `Bearer ${githubAppJwt(app)}` },
    });
    if (res.data?.slug) logins.push(`${res.data.slug}[bot]`);
  }
  return logins;
}
