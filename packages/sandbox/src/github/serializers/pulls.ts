import type { ApiContext } from '../http/context';
import type { PullRecord, RepoRecord } from '../store/records';
import { commitsBetween, mergeability, pullShas } from '../store/pulls';
import { diffTrees } from '../store/treeDiff';
import { repoApiUrl, repoForPull, repoHtmlUrl } from './repos';
import { nodeId, simpleUser } from './users';

function branchSide(
  ctx: ApiContext,
  rec: RepoRecord,
  ref: string,
  sha: string,
) {
  return {
    label: `${rec.owner.login}:${ref}`,
    ref,
    sha,
    user: simpleUser(ctx, rec.owner),
    repo: repoForPull(ctx, rec),
  };
}

/** `pull-request-simple` (list) or, with `full`, `pull-request` (get/create/update). */
export async function pullJson(
  ctx: ApiContext,
  rec: RepoRecord,
  pull: PullRecord,
  full: boolean,
) {
  const api = repoApiUrl(ctx, rec);
  const html = repoHtmlUrl(ctx, rec);
  const { head, base } = await pullShas(rec, pull);
  const user = simpleUser(ctx, ctx.store.account(pull.user, 'User'));
  const self = `${api}/pulls/${pull.number}`;
  const simple = {
    url: self,
    id: pull.id,
    node_id: nodeId('011:PullRequest', pull.id),
    html_url: `${html}/pull/${pull.number}`,
    diff_url: `${html}/pull/${pull.number}.diff`,
    patch_url: `${html}/pull/${pull.number}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user,
    body: pull.body,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: pull.draft,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${head}`,
    head: branchSide(ctx, rec, pull.headRef, head),
    base: branchSide(ctx, rec, pull.baseRef, base),
    _links: {
      self: { href: self },
      html: { href: `${html}/pull/${pull.number}` },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${head}` },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    active_lock_reason: null,
  };
  if (!full) return simple;
  const mergeBase =
    head && base ? await rec.git.mergeBase(base, head) : undefined;
  const files = await diffTrees(
    rec.git,
    mergeBase ? (await rec.git.readCommit(mergeBase))?.tree : undefined,
    head ? (await rec.git.readCommit(head))?.tree : undefined,
  );
  const m = await mergeability(rec, pull);
  const mergedBy = pull.mergedBy
    ? simpleUser(ctx, ctx.store.account(pull.mergedBy, 'User'))
    : null;
  return {
    ...simple,
    merged: pull.mergedAt !== null,
    mergeable: m.mergeable,
    rebaseable: m.mergeable,
    mergeable_state: m.state,
    merged_by: mergedBy,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: head ? (await commitsBetween(rec, base, head)).length : 0,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}
