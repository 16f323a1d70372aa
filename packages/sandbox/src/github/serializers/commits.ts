import type { ApiContext } from '../http/context';
import type { GitCommit } from '../store/gitRepo';
import type { Account, RepoRecord } from '../store/records';
import type { FileDiff } from '../store/treeDiff';
import { encodePath } from './contents';
import { gitPerson, unsigned } from './git';
import { repoApiUrl, repoHtmlUrl } from './repos';
import { nodeId, simpleUser } from './users';

/** The known account of a commit email (`<login>@users.noreply.<host>`), like GitHub maps it. */
export function accountForEmail(
  ctx: ApiContext,
  email: string,
): Account | undefined {
  const login = /^(?:\d+\+)?([^@]+)@users\.noreply\./.exec(email)?.[1];
  return login ? ctx.store.findAccount(login) : undefined;
}

function accountFor(ctx: ApiContext, email: string) {
  const acc = accountForEmail(ctx, email);
  return acc ? simpleUser(ctx, acc) : null;
}

/** `diff-entry` (compare, commits/{ref}, pulls/{n}/files). */
export function diffEntry(
  ctx: ApiContext,
  rec: RepoRecord,
  ref: string,
  f: FileDiff,
) {
  const html = repoHtmlUrl(ctx, rec);
  const path = encodePath(f.filename);
  return {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${html}/blob/${ref}/${path}`,
    raw_url: `${html}/raw/${ref}/${path}`,
    contents_url: `${repoApiUrl(ctx, rec)}/contents/${path}?ref=${ref}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  };
}

/** `commit` (REST commits API). `files` adds stats and files like GET /commits/{ref}. */
export function restCommit(
  ctx: ApiContext,
  rec: RepoRecord,
  c: GitCommit,
  files?: FileDiff[],
) {
  const api = repoApiUrl(ctx, rec);
  const html = repoHtmlUrl(ctx, rec);
  const additions = files?.reduce((n, f) => n + f.additions, 0) ?? 0;
  const deletions = files?.reduce((n, f) => n + f.deletions, 0) ?? 0;
  return {
    sha: c.sha,
    node_id: nodeId(`06:Commit${rec.id}:`, c.sha),
    commit: {
      author: gitPerson(c.author),
      committer: gitPerson(c.committer),
      message: c.message.replace(/\n$/, ''),
      tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
      url: `${api}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: unsigned,
    },
    url: `${api}/commits/${c.sha}`,
    html_url: `${html}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    author: accountFor(ctx, c.author.email),
    committer: accountFor(ctx, c.committer.email),
    parents: c.parents.map(p => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${html}/commit/${p}`,
    })),
    ...(files
      ? {
          stats: { total: additions + deletions, additions, deletions },
          files: files.map(f => diffEntry(ctx, rec, c.sha, f)),
        }
      : {}),
  };
}
