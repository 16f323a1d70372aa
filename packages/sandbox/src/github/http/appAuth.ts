import { randomBytes, verify } from 'node:crypto';
import type { Request } from 'express';
import type { GitHubAppInstallationSeed, GitHubAppSeed } from '../types';
import { docs, GitHubApiError } from './errors';

/** Who a request authenticates as. */
export type Principal =
  /** The static token (a user: `viewer`). */
  | { kind: 'token' }
  /** A GitHub App, by its JWT (only the `/app...` and `.../installation` endpoints). */
  | { kind: 'app'; app: GitHubAppSeed }
  /** An installation access token (`ghs_...`): the installation's repositories. */
  | {
      kind: 'installation';
      app: GitHubAppSeed;
      installation: GitHubAppInstallationSeed;
      repositories?: string[];
    };

interface IssuedToken {
  app: GitHubAppSeed;
  installation: GitHubAppInstallationSeed;
  expiresAt: number;
  repositories?: string[];
}

/** GitHub refuses JWTs whose `exp` is more than 10 minutes ahead. */
const MAX_JWT_LIFETIME_S = 600;
/** Clock drift GitHub tolerates on `iat`. */
const DRIFT_S = 60;

const notAccessible = () =>
  new GitHubApiError(403, 'Resource not accessible by integration', docs.root);
const undecodable = () =>
  new GitHubApiError(401, 'A JSON web token could not be decoded', docs.auth);

function b64json(part: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The bot login GitHub shows for what an App does: `<slug>[bot]`. */
export function botLogin(app: GitHubAppSeed): string {
  return `${app.slug}[bot]`;
}

/**
 * GitHub Apps of the simulator: verifies RS256 JWTs against each App's
 * public key (`iss` = App id or client id, `exp` in the future and at most 10
 * minutes ahead, `iat` not in the future), issues installation access tokens
 * (`ghs_...`, `expires_at` after the App's `tokenTtlSeconds`, default one
 * hour) and resolves them while they are valid.
 */
export class AppRegistry {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    readonly apps: readonly GitHubAppSeed[],
    private readonly now: () => number = Date.now,
  ) {}

  reset() {
    this.tokens.clear();
  }

  /** Verifies a JWT; throws GitHub's 401 answers. */
  verifyJwt(jwt: string): GitHubAppSeed {
    const parts = jwt.split('.');
    if (parts.length !== 3) throw undecodable();
    const [h, p, s] = parts;
    const header = b64json(h);
    const payload = b64json(p);
    if (!header || !payload || header.alg !== 'RS256') throw undecodable();
    const app = this.apps.find(
      a =>
        String(a.id) === String(payload.iss) ||
        (a.clientId !== undefined && a.clientId === payload.iss),
    );
    if (!app) {
      throw new GitHubApiError(401, 'Integration not found', docs.auth);
    }
    const ok = verify(
      'RSA-SHA256',
      Buffer.from(`${h}.${p}`),
      app.publicKey,
      Buffer.from(s, 'base64url'),
    );
    if (!ok) throw undecodable();
    const now = Math.floor(this.now() / 1000);
    const { exp, iat } = payload;
    if (typeof exp !== 'number' || exp <= now) {
      throw new GitHubApiError(
        401,
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
        docs.auth,
      );
    }
    if (exp - now > MAX_JWT_LIFETIME_S) {
      throw new GitHubApiError(
        401,
        "'Expiration time' claim ('exp') is too far in the future",
        docs.auth,
      );
    }
    if (typeof iat !== 'number' || iat > now + DRIFT_S) {
      throw new GitHubApiError(
        401,
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
        docs.auth,
      );
    }
    return app;
  }

  installation(
    id: number,
  ):
    | { app: GitHubAppSeed; installation: GitHubAppInstallationSeed }
    | undefined {
    for (const app of this.apps) {
      const installation = app.installations.find(i => i.id === id);
      if (installation) return { app, installation };
    }
    return undefined;
  }

  /** Issues an installation access token (optionally narrowed to some repositories). */
  issue(
    app: GitHubAppSeed,
    installation: GitHubAppInstallationSeed,
    repositories?: string[],
  ): { token: string; expiresAt: Date } {
    const alphabet =
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const token = `ghs_${[...randomBytes(36)]
      .map(b => alphabet[b % 62])
      .join('')}`;
    const ttl = (app.tokenTtlSeconds ?? 3600) * 1000;
    // GitHub answers whole seconds
    const expiresAt = new Date(Math.floor((this.now() + ttl) / 1000) * 1000);
    this.tokens.set(token, {
      app,
      installation,
      expiresAt: expiresAt.getTime(),
      repositories,
    });
    return { token, expiresAt };
  }

  /** The installation a token belongs to, while it is valid. */
  resolveToken(token: string): Principal | undefined {
    const t = this.tokens.get(token);
    if (!t) return undefined;
    if (t.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return {
      kind: 'installation',
      app: t.app,
      installation: t.installation,
      repositories: t.repositories,
    };
  }
}

/** True when the installation (and the token's narrowing) covers `owner/repo`. */
export function coversRepo(
  p: Extract<Principal, { kind: 'installation' }>,
  owner: string,
  repo: string,
): boolean {
  const inst = p.installation;
  if (inst.account.toLowerCase() !== owner.toLowerCase()) return false;
  const name = repo.toLowerCase();
  if (p.repositories && !p.repositories.some(r => r.toLowerCase() === name)) {
    return false;
  }
  if (inst.repositorySelection === 'selected') {
    return (inst.repositories ?? []).some(r => r.toLowerCase() === name);
  }
  return true;
}

const JWT_ROUTES: Array<[string, RegExp]> = [
  ['GET', /^\/app$/],
  ['GET', /^\/app\/installations$/],
  ['GET', /^\/app\/installations\/\d+$/],
  ['POST', /^\/app\/installations\/\d+\/access_tokens$/],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/installation$/],
  ['GET', /^\/orgs\/[^/]+\/installation$/],
  ['GET', /^\/users\/[^/]+\/installation$/],
];

/**
 * What a principal may call, as GitHub decides it: a JWT only the App
 * endpoints; an installation token its installation's repositories (other
 * repositories are 404), its org's repository creation, `GET
 * /installation/repositories` and public reads, never `/user`.
 */
export function authorize(p: Principal, req: Request): void {
  const path = req.path.replace(/\/+$/, '') || '/';
  const method = req.method.toUpperCase();
  if (p.kind === 'token') {
    if (path.startsWith('/app') || path === '/installation/repositories') {
      throw undecodable();
    }
    return;
  }
  if (p.kind === 'app') {
    if (!JWT_ROUTES.some(([m, re]) => m === method && re.test(path))) {
      throw notAccessible();
    }
    return;
  }
  if (path.startsWith('/app')) throw undecodable();
  if (path === '/user' || path.startsWith('/user/')) throw notAccessible();
  const repo = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
  if (repo) {
    if (
      !coversRepo(p, decodeURIComponent(repo[1]), decodeURIComponent(repo[2]))
    ) {
      throw new GitHubApiError(404, 'Not Found', docs.repos);
    }
    return;
  }
  const orgRepos = /^\/orgs\/([^/]+)\/repos$/.exec(path);
  if (orgRepos && method !== 'GET') {
    if (orgRepos[1].toLowerCase() !== p.installation.account.toLowerCase()) {
      throw notAccessible();
    }
  }
}
