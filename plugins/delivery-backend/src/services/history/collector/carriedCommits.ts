import type { VersionLineage } from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  CommitSummary,
  GitHubReader,
} from '../../../upstreams/github/GitHubReader';
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

/**
 * The commits each not-yet-recorded version carries: one compare of the
 * previous version's commit with its own (GitHub `compare`), newest versions
 * first, one request per version and never more than `budget` allows. The
 * oldest known version carries only its own commit.
 */
export async function carriedCommits(input: {
  entityRef: string;
  /** Newest first, as in the view. */
  versions: VersionLineage[];
  done: Set<string>;
  repo: CodeRepoAccess;
  budget: RequestBudget;
}): Promise<RecordedChange[]> {
  const { entityRef, repo, budget } = input;
  const withCommit = input.versions.filter(v => v.commit?.sha);
  const out: RecordedChange[] = [];
  for (let i = 0; i < withCommit.length; i++) {
    const v = withCommit[i];
    if (input.done.has(v.version)) continue;
    const previous = withCommit[i + 1];
    if (!previous) {
      const own = v.commit!;
      const c = own.timestamp
        ? change(
            entityRef,
            v.version,
            {
              sha: own.sha,
              message: own.message ?? '',
              date: own.timestamp,
              url: own.url,
              parents: [],
            },
            repo.htmlUrl,
          )
        : undefined;
      if (c) out.push(c);
      continue;
    }
    if (!budget.take('compare')) break;
    const cmp = await repo.github.compareCommits(
      repo.owner,
      repo.repo,
      previous.commit!.sha,
      v.commit!.sha,
    );
    for (const c of cmp.commits) {
      const row = change(entityRef, v.version, c, repo.htmlUrl);
      if (row) out.push(row);
    }
  }
  return out;
}
