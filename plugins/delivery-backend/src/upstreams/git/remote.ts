/**
 * Git repository identity across the forms a remote URL takes: https with or
 * without credentials, `ssh://user@host[:port]/o/r.git`, scp-like
 * `user@host:o/r.git`, `.git` suffixes, case and trailing slashes. Two remotes
 * name the same repository when their hosts are the same server (directly or
 * through a configured host alias) and owner and repo match.
 */

/** A parsed git remote. */
export interface GitRemote {
  /** Lower-case host as written (with the port for http(s); none for ssh). */
  host: string;
  /** Lower-case owner (organisation or user). */
  owner: string;
  /** Lower-case repository name, without `.git`. */
  repo: string;
}

/** Host aliases: alias host -> the host of a GitHub integration. */
export type HostAliases = ReadonlyMap<string, string>;

const WEB_PATHS = new Set(['tree', 'blob', 'commit', 'commits', 'src', '-']);

function ownerRepo(path: string): { owner: string; repo: string } | undefined {
  const all = path.split('/').filter(Boolean);
  // A web URL goes on after the repo (`/tree/main/...`, `/blob/...`): cut there.
  const web = all.findIndex((p, i) => i >= 2 && WEB_PATHS.has(p));
  const parts = web >= 0 ? all.slice(0, web) : all;
  if (parts.length < 2) return undefined;
  // The repo is the last two segments: `/owner/repo` on GitHub, a context
  // path before them elsewhere (Bitbucket Server `/stash/scm/project/repo.git`).
  const owner = parts[parts.length - 2];
  const repo = parts[parts.length - 1].replace(/\.git$/i, '');
  if (!repo) return undefined;
  return { owner: owner.toLowerCase(), repo: repo.toLowerCase() };
}

/** Parses a git remote or repository web URL; undefined if it is neither. */
export function parseGitRemote(remote: string): GitRemote | undefined {
  const r = remote.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(r);
  if (scp && !r.includes('://')) {
    const or = ownerRepo(scp[2]);
    return or ? { host: scp[1].toLowerCase(), ...or } : undefined;
  }
  let url: URL;
  try {
    url = new URL(r);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!['http', 'https', 'ssh', 'git', 'git+ssh', 'ssh+git'].includes(scheme))
    return undefined;
  // The port of an ssh/git remote is not the web server's: drop it.
  const host = (
    scheme === 'http' || scheme === 'https' ? url.host : url.hostname
  ).toLowerCase();
  const or = ownerRepo(decodeURIComponent(url.pathname));
  return or && host ? { host, ...or } : undefined;
}

/** The host a remote's host stands for (itself when it is no alias). */
export function canonicalHost(host: string, aliases: HostAliases): string {
  const h = host.toLowerCase();
  return aliases.get(h) ?? aliases.get(h.replace(/:\d+$/, '')) ?? h;
}

/**
 * How a remote compares to a wanted repository: `same` (same server, owner and
 * repo), `other-host` (owner and repo match but the host is neither the same
 * nor a configured alias: a missing `delivery.hostAliases` entry), or `different`.
 */
export function compareRemote(
  remote: string,
  wanted: GitRemote,
  aliases: HostAliases,
): 'same' | 'other-host' | 'different' {
  const r = parseGitRemote(remote);
  if (!r || r.owner !== wanted.owner || r.repo !== wanted.repo)
    return 'different';
  return sameHost(r.host, wanted.host, aliases) ? 'same' : 'other-host';
}

/**
 * True when two hosts are one server: equal after alias resolution, or the
 * same hostname where one side names no port (an ssh remote has none).
 */
export function sameHost(a: string, b: string, aliases: HostAliases): boolean {
  const x = canonicalHost(a, aliases);
  const y = canonicalHost(b, aliases);
  if (x === y) return true;
  const bare = (h: string) => h.replace(/:\d+$/, '');
  return bare(x) === bare(y) && (x === bare(x) || y === bare(y));
}

/** `host/owner/repo`, for messages and cache keys. */
export function formatRemote(r: GitRemote): string {
  return `${r.host}/${r.owner}/${r.repo}`;
}
