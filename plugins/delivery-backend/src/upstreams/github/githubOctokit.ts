import { createSign } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { ServiceUnavailableError } from '@backstage/errors';
import { createGitHubFetch } from './githubFetch';

/** A GitHub App of the config repo's integration (`integrations.github[].apps[]`). */
export interface ConfigRepoApp {
  appId: number | string;
  privateKey: string;
}

/** Where a config repository lives and how to reach it. */
export interface ConfigRepoTarget {
  owner: string;
  repo: string;
  apiBaseUrl: string;
  /** A static integration token. */
  token?: string;
  /**
   * Supplies a token per request when there is no static token: the
   * integration's credentials provider (GitHub App installation tokens
   * rotate, so they are never captured once).
   */
  getToken?: () => Promise<string | undefined>;
  /** The integration's GitHub Apps (to learn the `<slug>[bot]` login we act as). */
  apps?: readonly ConfigRepoApp[];
  timeoutMs: number;
}

interface RateLimitedError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Longest wait we accept for one rate-limit backoff. */
const MAX_BACKOFF_MS = 10_000;

const IDEMPOTENT = new Set(['GET', 'HEAD']);

/** How to reach a GitHub API: its base URL, credentials and bounds. */
export interface GitHubConnection {
  apiBaseUrl: string;
  /** A static integration token. */
  token?: string;
  /**
   * Supplies a token per request when there is no static token: the
   * integration's credentials provider (GitHub App installation tokens rotate).
   */
  getToken?: () => Promise<string | undefined>;
  timeoutMs: number;
  /** Response-size cap (default 5 MiB). */
  maxBytes?: number;
  /** Names the upstream in errors (default `GitHub`). */
  what?: string;
}

/**
 * The one way this plugin builds an Octokit, for reads and writes alike:
 * our bounded fetch (timeout, no redirects, size cap, JSON check), no
 * logging, and credentials through the integration (static token, else
 * `getToken` per request).
 */
export function createGitHubOctokit(connection: GitHubConnection): Octokit {
  return new Octokit({
    baseUrl: connection.apiBaseUrl,
    auth: connection.token,
    userAgent: 'backstage-plugin-delivery',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: {
      fetch: createGitHubFetch({
        timeoutMs: connection.timeoutMs,
        maxBytes: connection.maxBytes ?? 5 * 1024 * 1024,
        what: connection.what ?? 'GitHub',
        getToken: connection.token ? undefined : connection.getToken,
      }),
    },
  });
}

/**
 * Creates the Octokit used for one config repo: every call bounded by an
 * AbortSignal timeout (in our fetch: Octokit ignores `timeout`), no
 * redirects, a response-size cap, credentials through the integration
 * (static token or GitHub App), and one bounded rate-limit backoff for reads
 * only: a POST, PATCH, PUT or DELETE is never sent twice by this layer.
 */
export function createConfigRepoOctokit(
  target: ConfigRepoTarget,
  options: { maxBytes?: number; maxBackoffMs?: number } = {},
): Octokit {
  const octokit = createGitHubOctokit({
    apiBaseUrl: target.apiBaseUrl,
    token: target.token,
    getToken: target.getToken,
    timeoutMs: target.timeoutMs,
    maxBytes: options.maxBytes,
    what: `GitHub ${target.owner}/${target.repo}`,
  });
  const maxBackoff = options.maxBackoffMs ?? MAX_BACKOFF_MS;
  octokit.hook.wrap('request', async (request, opts) => {
    const method = String(opts.method ?? 'GET').toUpperCase();
    try {
      return await request(opts);
    } catch (e) {
      const wait = rateLimitWaitMs(e);
      if (wait === undefined) throw e;
      if (!IDEMPOTENT.has(method)) {
        throw new ServiceUnavailableError(
          `GitHub rate limited a ${method} on ${target.owner}/${target.repo}; it was not retried (writes never are); try again later`,
        );
      }
      if (wait > maxBackoff) {
        throw new ServiceUnavailableError(
          `GitHub rate limit exhausted for ${Math.ceil(
            wait / 1000,
          )} s; try again later`,
        );
      }
      await new Promise(r => setTimeout(r, wait));
      try {
        return await request(opts);
      } catch (e2) {
        if (rateLimitWaitMs(e2) !== undefined) {
          throw new ServiceUnavailableError(
            'GitHub rate limit still exhausted after one backoff; try again later',
          );
        }
        throw e2;
      }
    }
  });
  return octokit;
}

/** Milliseconds to wait when `e` is a GitHub rate-limit answer, else undefined. */
export function rateLimitWaitMs(e: unknown): number | undefined {
  const err = e as RateLimitedError;
  if (err?.status !== 403 && err?.status !== 429) return undefined;
  const headers = err.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && headers['retry-after'] !== undefined) {
    return Math.max(0, retryAfter * 1000);
  }
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset)
      ? Math.max(0, reset * 1000 - Date.now())
      : 60_000;
  }
  return err.status === 429 ? 1000 : undefined;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * The RS256 JWT a GitHub App authenticates as itself with (`iss` = app id,
 * `iat` 60 s in the past against clock drift, `exp` 9 minutes ahead: GitHub
 * refuses more than 10).
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

function statusOf(e: unknown): number | undefined {
  return (e as { status?: number })?.status;
}

/**
 * The logins our credentials act as on GitHub: the token's user (`GET /user`)
 * or, for a GitHub App installation token (where `GET /user` answers 403
 * "Resource not accessible by integration"), `<app-slug>[bot]` for each
 * configured App, as GitHub reports the author of what an App opens.
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
