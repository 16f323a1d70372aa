import type { EnvironmentConfig } from '../../../configTypes';
import type {
  CommitSummary,
  GitHubReader,
  MergedPull,
} from '../../../upstreams/github/GitHubReader';
import { UpstreamError } from '../../../upstreams/http';
import { findPin } from '../../view/pins';
import type { RecordedPinChange, RecordedPullRequest } from '../types';
import { PullFinder } from './PullFinder';

/** What one run may read of one config file's history. */
export interface PinFileCaps {
  /** Pages of 100 commits listed (more: the oldest in the window are skipped, and said). */
  commitPages: number;
  /** File versions read (the rest: next run). Each can also cost one pull-request lookup and one merged-by read. */
  fileReads: number;
}

/** The caps per config file per run unless configured otherwise. */
export const DEFAULT_PIN_FILE_CAPS: PinFileCaps = {
  commitPages: 20,
  fileReads: 100,
};

/** Where the history of one config file has been read up to. */
export interface PinFileCursor {
  /** The newest commit processed. */
  sha: string;
  /** Its committer date (the next `since`). */
  committedAt: string;
  /** Each tracked release's pin at `sha` (absent: not pinned). */
  pins: Record<string, string>;
  /** The releases `pins` covers (a release tracked later is read at `sha` first). */
  tracked: string[];
}

/** One config file (repo, branch, path) and the entities pinned in it, per release. */
export interface PinFile {
  /** The cursor key, e.g. `pin-file:https://ghe/api/v3/gitops/config-dev@main:requirements.yaml`. */
  source: string;
  env: EnvironmentConfig;
  /** Every environment reading this same file (usually one). */
  environments: string[];
  /** release -> entity refs (an entity may narrow its environments). */
  releases: Map<string, { entityRef: string; environments: string[] }[]>;
}

/** The cursor key of an environment's pin file. */
export function pinFileSource(env: EnvironmentConfig): string {
  return `pin-file:${env.apiBaseUrl}/${env.owner}/${env.repo}@${env.branch}:${env.requirementsPath}`;
}

/** Reads one config file's history since its cursor; never more than the caps. */
export async function readPinFileHistory(input: {
  file: PinFile;
  github: GitHubReader;
  cursor?: PinFileCursor;
  /** First run: how far back (ISO). */
  backfillSince: string;
  caps?: Partial<PinFileCaps>;
}): Promise<{
  changes: RecordedPinChange[];
  cursor?: PinFileCursor;
  /**
   * What was skipped: the oldest commits when more than the listing cap came
   * since the cursor, file versions that are not valid YAML.
   */
  notes: string[];
}> {
  const { file, github, cursor } = input;
  const { env } = file;
  const caps = { ...DEFAULT_PIN_FILE_CAPS, ...input.caps };
  const since = cursor?.committedAt ?? input.backfillSince;
  const listed = await github.listCommitsSince(
    env.owner,
    env.repo,
    env.branch,
    { path: env.requirementsPath, since, maxPages: caps.commitPages },
  );
  const notes = listed.truncated
    ? [
        `more than ${listed.commits.length} commits since ${since}; the oldest were skipped`,
      ]
    : [];
  // newest first; `since` is inclusive, so the cursor's own commit comes back
  let fresh = listed.commits;
  const seen = cursor ? fresh.findIndex(c => c.sha === cursor.sha) : -1;
  if (seen >= 0) fresh = fresh.slice(0, seen);
  const todo = fresh.reverse().slice(0, caps.fileReads);
  if (!todo.length) return { changes: [], cursor, notes };

  const releases = [...file.releases.keys()];
  const pinsAt = async (sha: string): Promise<Record<string, string>> => {
    let content: string;
    try {
      content = (
        await github.getFile(env.owner, env.repo, env.requirementsPath, sha)
      ).content;
    } catch (e) {
      // the commit that created (or deleted) the file
      if (e instanceof UpstreamError && e.kind === 'not-found') return {};
      throw e;
    }
    const pins: Record<string, string> = {};
    for (const release of releases) {
      const pin = findPin(content, env.requirementsPath, release);
      if (pin) pins[release] = pin.version;
    }
    return pins;
  };
  /** The pins at a commit; a version that is not valid YAML keeps `fallback` (and is noted). */
  const readablePinsAt = async (
    sha: string,
    fallback: Record<string, string>,
  ): Promise<Record<string, string>> => {
    try {
      return await pinsAt(sha);
    } catch (e) {
      if (!(e instanceof UpstreamError && e.kind === 'bad-response')) throw e;
      notes.push(`${sha.slice(0, 12)} skipped: ${e.message}`);
      return fallback;
    }
  };

  let previous: Record<string, string>;
  if (cursor) {
    previous = { ...cursor.pins };
    const untracked = releases.filter(r => !cursor.tracked.includes(r));
    if (untracked.length) {
      const at = await readablePinsAt(cursor.sha, {});
      for (const r of untracked) if (at[r]) previous[r] = at[r];
    }
  } else {
    const parent = todo[0].parents[0];
    previous = parent ? await readablePinsAt(parent, {}) : {};
  }
  const pulls = new PullFinder(github, env);
  const changes: RecordedPinChange[] = [];
  let last = cursor;
  for (const commit of todo) {
    const pins = await readablePinsAt(commit.sha, previous);
    const moved = movedReleases(releases, previous, pins);
    if (moved.length) {
      const { pull, recorded: pullRequest } = await pulls.pullRequestOf(commit);
      const landed = landedCommit(commit, pull);
      for (const release of moved) {
        for (const owner of file.releases.get(release) ?? []) {
          for (const environment of file.environments) {
            if (!owner.environments.includes(environment)) continue;
            changes.push(
              pinChange(owner.entityRef, environment, release, landed, env, {
                from: previous[release],
                to: pins[release],
                pullRequest,
              }),
            );
          }
        }
      }
    }
    previous = pins;
    last = {
      sha: commit.sha,
      committedAt: commit.date ?? last?.committedAt ?? input.backfillSince,
      pins,
      tracked: releases,
    };
  }
  return { changes, cursor: last, notes };
}

/** The releases pinned in `pins` to another version than in `previous`. */
function movedReleases(
  releases: string[],
  previous: Record<string, string>,
  pins: Record<string, string>,
): string[] {
  return releases.filter(r => pins[r] !== undefined && pins[r] !== previous[r]);
}

/**
 * The commit that put a change on the branch: a pull request's merge commit
 * when the file's history names the pull request's own commit (what a merge
 * deploys is the merge commit), else the commit itself.
 */
function landedCommit(
  commit: CommitSummary,
  pull: MergedPull | undefined,
): CommitSummary {
  if (!pull?.mergeCommitSha || pull.mergeCommitSha === commit.sha)
    return commit;
  return {
    ...commit,
    sha: pull.mergeCommitSha,
    date: pull.mergedAt,
    url: undefined,
    parents: [],
  };
}

function pinChange(
  entityRef: string,
  environment: string,
  release: string,
  commit: CommitSummary,
  env: EnvironmentConfig,
  pin: { from?: string; to: string; pullRequest?: RecordedPullRequest },
): RecordedPinChange {
  const change: RecordedPinChange = {
    entityRef,
    environment,
    release,
    configSha: commit.sha,
    configUrl: commit.url ?? `${env.repoHtmlUrl}/commit/${commit.sha}`,
    toVersion: pin.to,
    committedAt: commit.date ?? new Date().toISOString(),
  };
  if (pin.from) change.fromVersion = pin.from;
  if (pin.pullRequest) change.pullRequest = pin.pullRequest;
  return change;
}
