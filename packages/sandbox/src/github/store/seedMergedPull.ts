import type { GitHubMergedPullSeed } from '../types';
import type { GitPerson, TreeChanges } from './gitRepo';
import type { StoreOps } from './storeOps';
import { isoFromPerson, personAt, type RepoRecord } from './records';

/** What one seeded merged pull request changes, and who wrote the head commit. */
export interface MergedPullChange {
  base: string;
  changes: TreeChanges;
  headAuthor: GitPerson;
  /** Headline of the head commit (the pull request's title when omitted). */
  headMessage?: string;
  /** When the merge happened (the merge commit's date). */
  mergedAt: string;
  pull: GitHubMergedPullSeed;
}

/**
 * Seeds a pull request that was opened and merged in the past, the way GitHub records a
 * "Create a merge commit" merge: the head branch gets one commit on top of the base head,
 * the base gets a merge commit (parents: base head, pull head; author the merging user,
 * committer GitHub), the pull request is closed with `merged_at`, `merged_by` and
 * `merge_commit_sha`, and the head branch is deleted (frozen shas keep its commits readable).
 * Returns the merge commit's sha.
 */
export async function seedMergedPull(
  store: StoreOps,
  rec: RepoRecord,
  input: MergedPullChange,
): Promise<string> {
  const { pull, base } = input;
  const baseSha = await rec.git.readRef(`refs/heads/${base}`);
  if (!baseSha)
    throw new Error(`merged pull ${pull.branch}: base '${base}' has no commit`);
  if (await rec.git.readRef(`refs/heads/${pull.branch}`))
    throw new Error(`merged pull ${pull.branch}: the branch already exists`);
  if (Date.parse(pull.openedAt) > Date.parse(input.mergedAt))
    throw new Error(
      `merged pull ${pull.branch}: opened (${pull.openedAt}) after it was merged (${input.mergedAt})`,
    );
  await rec.git.writeRef(`refs/heads/${pull.branch}`, baseSha);
  const headSha = await store.commitOnBranch(rec, pull.branch, {
    message: `${input.headMessage ?? pull.title}\n`,
    changes: input.changes,
    author: input.headAuthor,
    committer: input.headAuthor,
  });
  const tree = (await rec.git.readCommit(headSha))!.tree;
  const host = new URL(store.config.baseUrl).hostname;
  const number = rec.nextNumber++;
  const mergeSha = await rec.git.writeCommit({
    tree,
    parents: [baseSha, headSha],
    message: `Merge pull request #${number} from ${rec.owner.login}/${pull.branch}\n\n${pull.title}\n`,
    author: personAt(
      pull.mergedBy,
      `${pull.mergedBy}@users.noreply.${host}`,
      input.mergedAt,
    ),
    committer: personAt('GitHub Enterprise', `noreply@${host}`, input.mergedAt),
  });
  await rec.git.writeRef(`refs/heads/${base}`, mergeSha);
  await rec.git.deleteRef(`refs/heads/${pull.branch}`);
  const opened = isoFromPerson(input.headAuthor);
  const merged = isoFromPerson(personAt('', '', input.mergedAt));
  rec.pulls.push({
    id: store.newPullId(),
    number,
    title: pull.title,
    body: pull.body ?? null,
    state: 'closed',
    draft: false,
    headRef: pull.branch,
    baseRef: base,
    user: pull.user,
    createdAt: opened,
    updatedAt: merged,
    closedAt: merged,
    mergedAt: merged,
    mergeCommitSha: mergeSha,
    mergedBy: pull.mergedBy,
    frozenHeadSha: headSha,
    frozenBaseSha: baseSha,
  });
  store.touch(rec, merged);
  return mergeSha;
}
