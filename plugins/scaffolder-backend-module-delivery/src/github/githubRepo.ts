import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConfigRepoClient,
  createConfigRepoOctokit,
  resolveConfigRepoTarget,
} from '@gitops-delivery/backstage-plugin-delivery-node';
import { hasControlChars } from '../lang/chars';

/** A repository on a configured GitHub (Enterprise) integration, with its client. */
export interface GitHubRepo {
  host: string;
  owner: string;
  repo: string;
  /** Web URL, e.g. http://127.0.0.1:7105/stakater/my-service */
  htmlUrl: string;
  client: ConfigRepoClient;
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

/**
 * Binds a repository to the `integrations.github` entry of its host (refused before any
 * request when there is none with a token or a GitHub App) and gives it delivery-node's
 * config-repo client. Credentials come through the integration's credentials provider: the
 * static token, or an installation token of its GitHub App for that repository's owner. Every
 * request is bounded (timeout per attempt, no redirects, three attempts for reads only).
 */
export function resolveGitHubRepo(
  integrations: ScmIntegrationRegistry,
  location: { host: string; owner: string; repo: string },
  opts: { timeoutMs: number; logger?: LoggerService },
): GitHubRepo {
  const { target, htmlUrl } = resolveConfigRepoTarget(integrations, location, {
    timeoutMs: opts.timeoutMs,
  });
  const octokit = createConfigRepoOctokit(target, {
    readAttempts: 3,
    logger: opts.logger,
  });
  return {
    ...location,
    htmlUrl,
    client: new ConfigRepoClient(octokit, target),
  };
}
