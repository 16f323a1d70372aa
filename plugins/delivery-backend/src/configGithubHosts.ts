import type { Config } from '@backstage/config';
import type {
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import type { GitHubHostConfig } from './configTypes';
import { fail } from './configReaders';

const GITHUB_TIMEOUT_MS = 10_000;
const HOSTNAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\d{1,5})?$/;

/** Every `integrations.github` entry, with its web base and credentials. */
export function readGithubHosts(
  integrations: ScmIntegrations,
  credentials: GithubCredentialsProvider,
): readonly GitHubHostConfig[] {
  return Object.freeze(
    integrations.github
      .list()
      .filter(i => i.config.apiBaseUrl)
      .map(i => {
        const { host, token } = i.config;
        const apiBaseUrl = i.config.apiBaseUrl!.replace(/\/+$/, '');
        const scheme = new URL(apiBaseUrl).protocol;
        return Object.freeze({
          host: host.toLowerCase(),
          apiBaseUrl,
          htmlBaseUrl: `${scheme}//${host}`,
          hasStaticToken: Boolean(token),
          getToken: async (repoUrl: string) =>
            token ?? (await credentials.getCredentials({ url: repoUrl })).token,
          timeoutMs: GITHUB_TIMEOUT_MS,
        });
      }),
  );
}

/**
 * `delivery.hostAliases: [{ host, aliases: [...] }]`: other hostnames of a
 * GitHub integration (an SSH alias, a mirror, another DNS name), so remotes
 * written with them name the same repositories. Returns alias -> host.
 */
export function readHostAliases(
  root: Config,
  hosts: readonly GitHubHostConfig[],
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  (root.getOptionalConfigArray('hostAliases') ?? []).forEach((c, i) => {
    const path = `delivery.hostAliases[${i}]`;
    const host = c.getString('host').trim().toLowerCase();
    if (!hosts.some(h => h.host === host)) {
      fail(
        `${path}.host`,
        `"${host}" is not the host of an integrations.github entry (${
          hosts.map(h => h.host).join(', ') || 'none configured'
        })`,
      );
    }
    for (const raw of c.getStringArray('aliases')) {
      const alias = raw.trim().toLowerCase();
      if (!HOSTNAME.test(alias))
        fail(`${path}.aliases`, `"${raw}" is not a hostname`);
      const other = out.get(alias);
      if (other && other !== host)
        fail(`${path}.aliases`, `"${alias}" is already an alias of ${other}`);
      out.set(alias, host);
    }
  });
  return out;
}
