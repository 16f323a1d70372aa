import type { VersionFrom } from '../../configTypes';
import type { JenkinsAction, JenkinsBuild } from './schema';

/** A git revision a build checked out (one `BuildData` action). @public */
export interface BuiltRevision {
  sha: string;
  remoteUrls: string[];
  branch?: string;
}

/** Every `BuildData` revision of a build, in action order. @public */
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

/**
 * Normalises a git remote for comparison: `git@host:o/r.git`,
 * `https://user@host/o/r.git/` and `http://host/o/r` all become `host/o/r`.
 * @public
 */
export function normalizeRemote(remote: string): string {
  let r = remote.trim().toLowerCase();
  const scp = /^[^@/]+@([^:/]+):(.+)$/.exec(r);
  if (scp) r = `${scp[1]}/${scp[2]}`;
  else r = r.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/]+@/, '');
  return r.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** `host/owner/repo` -> `repo`. */
function repoName(normalized: string): string {
  const parts = normalized.split('/');
  return parts[parts.length - 1] ?? '';
}

/** Picks the revision built from an exact repository (deploy runs). @public */
export function revisionForRepo(
  build: JenkinsBuild,
  repoUrl: string,
): BuiltRevision | undefined {
  const want = normalizeRemote(repoUrl);
  return builtRevisions(build).find(r =>
    r.remoteUrls.some(u => normalizeRemote(u) === want),
  );
}

/**
 * Picks the code repo's revision of a code build, never the shared pipeline
 * library's: (1) a remote equal to `codeRepoUrl` when known; otherwise (2) a
 * remote whose repository name is one of the job path's segments
 * (`stakater/xposer/master` -> `xposer`).
 * @public
 */
export function codeRevision(
  build: JenkinsBuild,
  job: string,
  codeRepoUrl?: string,
): BuiltRevision | undefined {
  if (codeRepoUrl) {
    const exact = revisionForRepo(build, codeRepoUrl);
    if (exact) return exact;
  }
  const segments = new Set(
    job.split('/').map(s => safeDecode(s).toLowerCase()),
  );
  return builtRevisions(build).find(r =>
    r.remoteUrls.some(u => segments.has(repoName(normalizeRemote(u)))),
  );
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

/**
 * The version a code build released, by `delivery.versionFrom`. A default
 * display name (`#12`) is no version.
 * @public
 */
export function buildVersion(
  build: JenkinsBuild,
  from: VersionFrom,
): string | undefined {
  let raw: string | undefined | null;
  if (from.kind === 'displayName') raw = build.displayName;
  else if (from.kind === 'description') raw = build.description;
  else raw = parameter(build.actions, from.name);
  const v = raw?.trim();
  if (!v || /^#\d+$/.test(v) || v.length > 128 || /\s/.test(v))
    return undefined;
  return v;
}

/** The changeSet entry of a commit, if the build recorded it. @public */
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
 * @public
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
