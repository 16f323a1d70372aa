import type { StoreOps } from './storeOps';
import type { PullRecord, RepoRecord } from './records';
import { nowIso, personAt } from './records';

/** One entry of a GitHub "Validation Failed" errors[] array. */
export interface ValidationItem {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

export class PullValidationError extends Error {
  constructor(readonly errors: ValidationItem[]) {
    super('Validation Failed');
  }
}

/** A failed merge, with the HTTP status GitHub answers. */
export class MergeRefused extends Error {
  constructor(readonly status: 405 | 409 | 422, message: string) {
    super(message);
  }
}

export interface OpenPullInput {
  head: string;
  base: string;
  title?: string;
  body: string | null;
  user: string;
  draft?: boolean;
  createdAt?: string;
}

/** `owner:branch` or `branch` -> branch name, if the owner is this repository's owner. */
export function headBranch(rec: RepoRecord, head: string): string | undefined {
  const i = head.indexOf(':');
  if (i < 0) return head;
  return head.slice(0, i).toLowerCase() === rec.owner.login.toLowerCase()
    ? head.slice(i + 1)
    : undefined;
}

/** Validates and opens a pull request exactly as `POST /repos/{o}/{r}/pulls` does. */
export async function openPull(
  store: StoreOps,
  rec: RepoRecord,
  input: OpenPullInput,
): Promise<PullRecord> {
  const missing: ValidationItem[] = [];
  if (!input.head)
    missing.push({
      resource: 'PullRequest',
      code: 'missing_field',
      field: 'head',
    });
  if (!input.base)
    missing.push({
      resource: 'PullRequest',
      code: 'missing_field',
      field: 'base',
    });
  if (!input.title)
    missing.push({ resource: 'Issue', code: 'missing_field', field: 'title' });
  if (missing.length > 0) throw new PullValidationError(missing);
  const branch = headBranch(rec, input.head);
  const headSha = branch
    ? await rec.git.readRef(`refs/heads/${branch}`)
    : undefined;
  if (!branch || !headSha) {
    throw new PullValidationError([
      { resource: 'PullRequest', field: 'head', code: 'invalid' },
    ]);
  }
  const baseSha = await rec.git.readRef(`refs/heads/${input.base}`);
  if (!baseSha) {
    throw new PullValidationError([
      { resource: 'PullRequest', field: 'base', code: 'invalid' },
    ]);
  }
  const existing = rec.pulls.find(
    p => p.state === 'open' && p.headRef === branch && p.baseRef === input.base,
  );
  if (existing) {
    const message = `A pull request already exists for ${rec.owner.login}:${branch}.`;
    throw new PullValidationError([
      { resource: 'PullRequest', code: 'custom', message },
    ]);
  }
  if (await rec.git.isAncestor(headSha, baseSha)) {
    const message = `No commits between ${input.base} and ${branch}`;
    throw new PullValidationError([
      { resource: 'PullRequest', code: 'custom', message },
    ]);
  }
  const at = input.createdAt ?? nowIso();
  const pull: PullRecord = {
    id: store.newPullId(),
    number: rec.nextNumber++,
    title: input.title ?? '',
    body: input.body,
    state: 'open',
    draft: input.draft ?? false,
    headRef: branch,
    baseRef: input.base,
    user: input.user,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    mergedAt: null,
    mergeCommitSha: null,
    mergedBy: null,
  };
  rec.pulls.push(pull);
  return pull;
}

export async function pullShas(
  rec: RepoRecord,
  pull: PullRecord,
): Promise<{ head: string; base: string }> {
  const head =
    pull.frozenHeadSha ??
    (await rec.git.readRef(`refs/heads/${pull.headRef}`)) ??
    '';
  const base =
    pull.frozenBaseSha ??
    (await rec.git.readRef(`refs/heads/${pull.baseRef}`)) ??
    '';
  return { head, base };
}

export async function mergeability(
  rec: RepoRecord,
  pull: PullRecord,
): Promise<{ mergeable: boolean | null; state: string }> {
  if (pull.state !== 'open') return { mergeable: null, state: 'unknown' };
  const { head } = await pullShas(rec, pull);
  const tree = head
    ? await rec.git.mergeTree(`refs/heads/${pull.baseRef}`, head, false)
    : undefined;
  return tree
    ? { mergeable: true, state: 'clean' }
    : { mergeable: false, state: 'dirty' };
}

export interface MergeInput {
  method: 'merge' | 'squash' | 'rebase';
  sha?: string;
  title?: string;
  message?: string;
  mergedBy: string;
}

/** Merges like `PUT /pulls/{n}/merge` (caller holds the repository lock). Returns the new base head. */
export async function mergePull(
  store: StoreOps,
  rec: RepoRecord,
  pull: PullRecord,
  input: MergeInput,
): Promise<string> {
  if (pull.state !== 'open')
    throw new MergeRefused(405, 'Pull Request is not mergeable');
  const { head, base } = await pullShas(rec, pull);
  if (input.sha && input.sha !== head) {
    throw new MergeRefused(
      409,
      'Head branch was modified. Review and try the merge again.',
    );
  }
  const tree = await rec.git.mergeTree(
    `refs/heads/${pull.baseRef}`,
    head,
    true,
  );
  if (!tree) throw new MergeRefused(405, 'Pull Request is not mergeable');
  const host = new URL(store.config.baseUrl).hostname;
  const author = personAt(
    input.mergedBy,
    `${input.mergedBy}@users.noreply.${host}`,
  );
  const committer = personAt('GitHub Enterprise', `noreply@${host}`);
  let sha: string;
  if (input.method === 'merge') {
    const title =
      input.title ??
      `Merge pull request #${pull.number} from ${rec.owner.login}/${pull.headRef}`;
    const message = `${title}\n\n${input.message ?? pull.title}\n`;
    sha = await rec.git.writeCommit({
      tree,
      parents: [base, head],
      message,
      author,
      committer,
    });
  } else if (input.method === 'squash') {
    const commits = await commitsBetween(rec, base, head);
    const title = input.title ?? `${pull.title} (#${pull.number})`;
    const body =
      input.message ?? commits.map(c => `* ${c.message.trim()}`).join('\n\n');
    sha = await rec.git.writeCommit({
      tree,
      parents: [base],
      message: `${title}\n\n${body}\n`,
      author,
      committer,
    });
  } else {
    if (!(await rec.git.isAncestor(base, head))) {
      throw new MergeRefused(405, "This branch can't be rebased");
    }
    sha = base;
    for (const c of (await commitsBetween(rec, base, head)).reverse()) {
      sha = await rec.git.writeCommit({ ...c, parents: [sha], committer });
    }
  }
  await rec.git.writeRef(`refs/heads/${pull.baseRef}`, sha);
  const at = nowIso();
  Object.assign(pull, {
    state: 'closed',
    closedAt: at,
    mergedAt: at,
    updatedAt: at,
    mergeCommitSha: sha,
    mergedBy: input.mergedBy,
    frozenHeadSha: head,
    frozenBaseSha: base,
  });
  store.touch(rec);
  return sha;
}

/** Commits reachable from head but not from base, newest first. */
export async function commitsBetween(
  rec: RepoRecord,
  base: string,
  head: string,
) {
  const baseSet = new Set(
    base ? (await rec.git.log(base)).map(c => c.sha) : [],
  );
  return (await rec.git.log(head)).filter(c => !baseSet.has(c.sha));
}

/**
 * Pull requests associated with a commit, as `GET /repos/{o}/{r}/commits/{sha}/pulls` lists
 * them: the merged pull request that brought it (its merge commit, or one of its commits);
 * when the commit is not on the default branch, also the open ones that contain it. Newest first.
 */
export async function pullsForCommit(
  rec: RepoRecord,
  sha: string,
): Promise<PullRecord[]> {
  const defaultHead = await rec.git.readRef(`refs/heads/${rec.defaultBranch}`);
  const onDefault = defaultHead
    ? await rec.git.isAncestor(sha, defaultHead)
    : false;
  const out: PullRecord[] = [];
  for (const pull of rec.pulls) {
    if (onDefault ? !pull.mergedAt : pull.state !== 'open' && !pull.mergedAt)
      continue;
    if (pull.mergeCommitSha === sha) {
      out.push(pull);
      continue;
    }
    const { head, base } = await pullShas(rec, pull);
    if (!head) continue;
    const commits = await commitsBetween(rec, base, head);
    if (commits.some(c => c.sha === sha)) out.push(pull);
  }
  return out.sort((a, b) => b.number - a.number);
}
