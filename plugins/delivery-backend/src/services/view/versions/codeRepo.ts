import type { LinkEvidence } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { GitHubHostConfig } from '../../../configTypes';
import {
  canonicalHost,
  GitRemote,
  HostAliases,
  parseGitRemote,
  sameHost,
} from '../../../upstreams/git/remote';

/** The code repository of an entity and where its git host is configured. */
export interface CodeRepo {
  /** Host resolved through the aliases. */
  remote: GitRemote;
  /** The GitHub integration serving it; undefined: none (tags/commits cannot be read). */
  github?: GitHubHostConfig;
  /** How the repo was found. */
  via: LinkEvidence;
  /** The host as written, when it is not the integration's own. */
  writtenHost: string;
}

/** `backstage.io/source-location` (`url:https://host/o/r/tree/...`) as a remote. */
export function sourceLocationRemote(
  annotations: Record<string, string> | undefined,
): GitRemote | undefined {
  const loc = annotations?.['backstage.io/source-location'];
  if (!loc?.startsWith('url:')) return undefined;
  return parseGitRemote(loc.slice(4));
}

/**
 * The code repo: the entity's source location when it names one, else the
 * remote most builds checked out their code from (BuildData).
 */
export function findCodeRepo(input: {
  sourceLocation?: GitRemote;
  buildRemotes: string[];
  aliases: HostAliases;
  githubHosts: readonly GitHubHostConfig[];
}): CodeRepo | undefined {
  let remote = input.sourceLocation;
  let via: LinkEvidence | undefined = remote && {
    via: 'sourceLocation',
    detail: `backstage.io/source-location names ${remote.host}/${remote.owner}/${remote.repo}`,
  };
  if (!remote) {
    const counts = new Map<
      string,
      { remote: GitRemote; n: number; raw: string }
    >();
    for (const raw of input.buildRemotes) {
      const r = parseGitRemote(raw);
      if (!r) continue;
      const key = `${canonicalHost(r.host, input.aliases)}/${r.owner}/${
        r.repo
      }`;
      const c = counts.get(key) ?? { remote: r, n: 0, raw };
      c.n++;
      counts.set(key, c);
    }
    const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
    if (!best) return undefined;
    remote = best.remote;
    via = {
      via: 'buildData',
      detail: `the code builds checked out ${best.raw}`,
    };
  }
  const host = canonicalHost(remote.host, input.aliases);
  const github = input.githubHosts.find(g =>
    sameHost(g.host, host, input.aliases),
  );
  return {
    remote: { ...remote, host: github?.host ?? host },
    github,
    via: via!,
    writtenHost: remote.host,
  };
}
