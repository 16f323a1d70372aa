import type { VersionLineage } from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  CommitSummary,
  GitHubReader,
} from '../../../upstreams/github/GitHubReader';
import { UpstreamError } from '../../../upstreams/http';
import type { RecordedChange } from '../types';
import type { RequestBudget } from './RequestBudget';

/** A code repository on a GitHub host, read through `github`. */
export interface CodeRepoAccess {
  github: GitHubReader;
  owner: string;
  repo: string;
  /** Web UI URL of the repo, for commit links. */
  htmlUrl?: string;
}

function change(
  entityRef: string,
  version: string,
  c: CommitSummary,
  htmlUrl?: string,
): RecordedChange | undefined {
  if (!c.date) return undefined;
  const out: RecordedChange = {
    entityRef,
    version,
    sha: c.sha,
    committedAt: c.date,
    message: c.message.split('\n')[0],
  };
  const url = c.url ?? (htmlUrl ? `${htmlUrl}/commit/${c.sha}` : undefined);
  if (url) out.url = url;
  return out;
}

/** A version's own commit as a change (when its time is known). */
function ownCommit(
  entityRef: string,
  v: VersionLineage,
  htmlUrl?: string,
): RecordedChange | undefined {
  const own = v.commit!;
  if (!own.timestamp) return undefined;
  return change(
    entityRef,
    v.version,
    {
      sha: own.sha,
      message: own.message ?? '',
      date: own.timestamp,
      url: own.url,
      parents: [],
    },
    htmlUrl,
  );
}

/**
 * The commits each not-yet-recorded version carries: one compare of the
 * previous version's commit with its own (GitHub `compare`), newest versions
 * first, one request per version and never more than `budget` allows. The
 * oldest known version, a version whose compare names no commit (the same
 * commit re-released, a branch behind the previous one) or a commit GitHub
 * does not know, carries only its own commit. Any other failure stops the
 * compares of this run (noted); the versions left wait for the next run.
 */
export async function carriedCommits(input: {
  entityRef: string;
  /** Newest first, as in the view. */
  versions: VersionLineage[];
  done: Set<string>;
  repo: CodeRepoAccess;
  budget: RequestBudget;
}): Promise<{ changes: RecordedChange[]; notes: string[] }> {
  const { entityRef, repo, budget } = input;
  const withCommit = input.versions.filter(v => v.commit?.sha);
  const out: RecordedChange[] = [];
  const notes: string[] = [];
  const own = (v: VersionLineage) => {
    const c = ownCommit(entityRef, v, repo.htmlUrl);
    if (c) out.push(c);
  };
  for (let i = 0; i < withCommit.length; i++) {
    const v = withCommit[i];
    if (input.done.has(v.version)) continue;
    const previous = withCommit[i + 1];
    if (!previous) {
      own(v);
      continue;
    }
    if (!budget.take('compare')) break;
    let commits: CommitSummary[];
    try {
      commits = (
        await repo.github.compareCommits(
          repo.owner,
          repo.repo,
          previous.commit!.sha,
          v.commit!.sha,
        )
      ).commits;
    } catch (e) {
      if (!(e instanceof UpstreamError && e.kind === 'not-found')) {
        notes.push(`commits of ${v.version} not read: ${String(e)}`);
        break;
      }
      commits = [];
    }
    const rows = commits
      .map(c => change(entityRef, v.version, c, repo.htmlUrl))
      .filter((c): c is RecordedChange => Boolean(c));
    if (rows.length) out.push(...rows);
    else own(v);
  }
  return { changes: out, notes };
}
