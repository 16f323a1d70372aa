import type { VersionFrom } from '../../configTypes';
import {
  compareRemote,
  GitRemote,
  HostAliases,
  parseGitRemote,
} from '../git/remote';
import type { JenkinsAction, JenkinsBuild } from './schema';

/** A git revision a build checked out (one `BuildData` action). */
export interface BuiltRevision {
  sha: string;
  remoteUrls: string[];
  branch?: string;
}

/** Every `BuildData` revision of a build, in action order. */
export function builtRevisions(build: JenkinsBuild): BuiltRevision[] {
  const out: BuiltRevision[] = [];
  for (const action of build.actions ?? []) {
    if (!action?.lastBuiltRevision?.SHA1) continue;
    if (action._class && !action._class.endsWith('BuildData')) continue;
    out.push({
      sha: action.lastBuiltRevision.SHA1,
      remoteUrls: action.remoteUrls ?? [],
      branch: action.lastBuiltRevision.branch?.[0]?.name,
    });
  }
  return out;
}

/** A revision matched to a repository, or why none was. */
export interface RevisionMatch {
  revision?: BuiltRevision;
  /** The remote of the matched revision. */
  remote?: string;
  /** Remotes naming the same owner/repo on a host that is no alias (a missing `delivery.hostAliases`). */
  otherHostRemotes: string[];
}

/**
 * Picks the revision a build checked out from one repository (deploy runs:
 * the config repo), matching remotes by server, owner and repo across URL
 * forms and host aliases.
 */
export function revisionForRepo(
  build: JenkinsBuild,
  repo: GitRemote,
  aliases: HostAliases,
): RevisionMatch {
  const otherHostRemotes: string[] = [];
  for (const r of builtRevisions(build)) {
    for (const u of r.remoteUrls) {
      const cmp = compareRemote(u, repo, aliases);
      if (cmp === 'same') return { revision: r, remote: u, otherHostRemotes };
      if (cmp === 'other-host') otherHostRemotes.push(u);
    }
  }
  return { otherHostRemotes };
}

/**
 * Picks the code repo's revision of a code build, never the shared pipeline
 * library's: (1) the revision of `codeRepo` when known (from the entity's
 * source location); otherwise (2) a revision whose repository name is one of
 * the job path's segments (`stakater/xposer/master` -> `xposer`).
 */
export function codeRevision(
  build: JenkinsBuild,
  job: string,
  codeRepo: GitRemote | undefined,
  aliases: HostAliases,
): RevisionMatch {
  if (codeRepo) {
    const exact = revisionForRepo(build, codeRepo, aliases);
    if (exact.revision) return exact;
  }
  const segments = new Set(
    job.split('/').map(s => safeDecode(s).toLowerCase()),
  );
  for (const r of builtRevisions(build)) {
    for (const u of r.remoteUrls) {
      const parsed = parseGitRemote(u);
      if (parsed && segments.has(parsed.repo))
        return { revision: r, remote: u, otherHostRemotes: [] };
    }
  }
  return { otherHostRemotes: [] };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function parameter(
  actions: Array<JenkinsAction | null> | undefined,
  name: string,
) {
  for (const a of actions ?? []) {
    const p = a?.parameters?.find(x => x.name === name);
    if (p && (typeof p.value === 'string' || typeof p.value === 'number')) {
      return String(p.value);
    }
  }
  return undefined;
}

/** A version as Jenkins shows it: no `#12` default name, no spaces, bounded. */
export function plausibleVersion(
  raw: string | null | undefined,
): string | undefined {
  const v = raw?.trim();
  if (!v || /^#\d+$/.test(v) || v.length > 128 || /\s/.test(v))
    return undefined;
  return v;
}

/**
 * The version a build shows by itself, for the in-build strategies
 * (`displayName`, `description`, `parameter:<NAME>`); undefined for the others.
 * A default display name (`#12`) is no version.
 */
export function buildVersion(
  build: JenkinsBuild,
  from: VersionFrom,
): string | undefined {
  if (from.kind === 'displayName') return plausibleVersion(build.displayName);
  if (from.kind === 'description') return plausibleVersion(build.description);
  if (from.kind === 'parameter')
    return plausibleVersion(parameter(build.actions, from.name));
  return undefined;
}

/** The changeSet entry of a commit, if the build recorded it. */
export function changeSetEntry(build: JenkinsBuild, sha: string) {
  for (const set of build.changeSets ?? []) {
    for (const item of set.items ?? []) {
      if (item.commitId === sha) return item;
    }
  }
  return undefined;
}

/**
 * Web URL of a commit on a git remote (`https://host/o/r/commit/<sha>`), for
 * http(s) and scp-like remotes. Credentials in the remote are dropped.
 */
export function commitUrl(remote: string, sha: string): string | undefined {
  const scp = /^[^@/]+@([^:/]+):(.+?)(\.git)?\/?$/.exec(remote.trim());
  if (scp) return `https://${scp[1]}/${scp[2]}/commit/${sha}`;
  try {
    const u = new URL(remote.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const path = u.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
    return `${u.protocol}//${u.host}${path}/commit/${sha}`;
  } catch {
    return undefined;
  }
}
