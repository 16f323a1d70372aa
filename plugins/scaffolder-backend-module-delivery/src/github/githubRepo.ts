import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Octokit } from '@octokit/rest';
import { hasControlChars } from '../lang/chars';
import { createBoundedOctokit } from './bounds';

/** A repository on a configured GitHub (Enterprise) integration. */
export interface GitHubRepo {
  host: string;
  owner: string;
  repo: string;
  /** Web URL, e.g. http://127.0.0.1:7105/stakater/my-service */
  htmlUrl: string;
  octokit: Octokit;
}

/**
 * Splits a repo location: the scaffolder form `host?owner=o&repo=r` or a web URL
 * `http(s)://host/owner/repo`.
 */
export function parseRepoLocation(location: string): {
  host: string;
  owner: string;
  repo: string;
} {
  if (typeof location !== 'string') {
    throw new InputError('the repository location must be a string');
  }
  // the URL parser silently drops tabs and newlines: refuse them instead
  if (/\s/u.test(location) || hasControlChars(location, '', true)) {
    throw new InputError(
      'the repository location must not contain whitespace or control characters',
    );
  }
  let url: URL;
  try {
    url = /^https?:\/\//.test(location)
      ? new URL(location)
      : new URL(`https://${location}`);
  } catch {
    throw new InputError(`'${location}' is not a repository location`);
  }
  if (url.username || url.password) {
    throw new InputError('repository locations must not contain credentials');
  }
  let owner = url.searchParams.get('owner') ?? undefined;
  let repo = url.searchParams.get('repo') ?? undefined;
  if (!owner && !repo) {
    const parts = url.pathname
      .replace(/\.git$/, '')
      .split('/')
      .filter(Boolean);
    if (parts.length === 2) [owner, repo] = parts;
  }
  if (!owner || !repo) {
    throw new InputError(
      `'${location}' must be host?owner=<owner>&repo=<repo> or http(s)://host/<owner>/<repo>`,
    );
  }
  return { host: url.host, owner, repo };
}

const providers = new WeakMap<
  ScmIntegrationRegistry,
  GithubCredentialsProvider
>();

/** One credentials provider per integrations registry (it caches App tokens). */
function credentialsProvider(
  integrations: ScmIntegrationRegistry,
): GithubCredentialsProvider {
  let p = providers.get(integrations);
  if (!p) {
    p = DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    providers.set(integrations, p);
  }
  return p;
}

/**
 * Binds a repository to the `integrations.github` entry of its host. Hosts without a
 * configured entry (with a token or a GitHub App) are rejected before any request is
 * made. Credentials come through the integration's credentials provider: the static
 * token, or an installation token of its GitHub App for that repository's owner.
 */
export function resolveGitHubRepo(
  integrations: ScmIntegrationRegistry,
  location: { host: string; owner: string; repo: string },
  opts: { timeoutMs: number; logger?: LoggerService },
): GitHubRepo {
  const { logger } = opts;
  const integration = integrations.github.byHost(location.host);
  if (
    !integration ||
    (!integration.config.token && !integration.config.apps?.length)
  ) {
    throw new InputError(
      `host '${location.host}' is not a configured integrations.github entry with a token or a GitHub App`,
    );
  }
  const { apiBaseUrl, token } = integration.config;
  const apiUrl = new URL(apiBaseUrl ?? `https://${location.host}/api/v3`);
  const webBase =
    location.host === 'github.com'
      ? 'https://github.com'
      : `${apiUrl.protocol}//${location.host}`;
  const repoUrl = `${webBase}/${location.owner}/${location.repo}`;
  const provider = token ? undefined : credentialsProvider(integrations);
  // every request is bounded (timeout per attempt, no redirects, retries for reads only)
  const octokit = createBoundedOctokit(
    {
      baseUrl: apiUrl.toString().replace(/\/$/, ''),
      auth: token,
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => logger?.warn(message),
        // Octokit reports every non-2xx (incl. expected 404s) as an error; real failures are thrown
        error: (message: string) => logger?.debug(message),
      },
    },
    {
      timeoutMs: opts.timeoutMs,
      getToken: provider
        ? async () => (await provider.getCredentials({ url: repoUrl })).token
        : undefined,
    },
  );
  return {
    ...location,
    htmlUrl: repoUrl,
    octokit,
  };
}

export { statusOf } from './bounds';
