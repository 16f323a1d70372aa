/** The parts of GitHub's REST objects the webhook payloads are made of. */
type Json = Record<string, any>;

const ZERO_SHA = '0'.repeat(40);

const unix = (iso: unknown) =>
  typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : iso;

/**
 * A push event's `repository`: the REST repository with the legacy fields
 * push payloads carry (`owner.name`, unix `created_at`/`pushed_at`,
 * `stargazers`, `master_branch`).
 */
export function pushRepository(repo: Json): Json {
  return {
    ...repo,
    owner: { ...repo.owner, name: repo.owner?.login, email: null },
    created_at: unix(repo.created_at),
    pushed_at: unix(repo.pushed_at),
    stargazers: repo.stargazers_count,
    master_branch: repo.default_branch,
  };
}

/** A REST commit (`GET .../commits/{sha}` or a compare's `commits[]`) as a push event lists it. */
export function pushCommit(c: Json, files: Json[] = c.files ?? []): Json {
  const person = (p: Json | undefined, user: Json | undefined) => ({
    name: p?.name,
    email: p?.email,
    ...(user?.login ? { username: user.login } : {}),
  });
  const status = (s: string) =>
    files.filter(f => f.status === s).map(f => f.filename as string);
  return {
    id: c.sha,
    tree_id: c.commit?.tree?.sha,
    distinct: true,
    message: c.commit?.message,
    timestamp: c.commit?.committer?.date ?? c.commit?.author?.date,
    url: c.html_url,
    author: person(c.commit?.author, c.author),
    committer: person(c.commit?.committer, c.committer),
    added: status('added'),
    removed: status('removed'),
    modified: status('modified'),
  };
}

/** The `push` event of a branch moving from `before` to `after`. */
export function pushPayload(options: {
  repo: Json;
  branch: string;
  before?: string;
  after: string;
  commits: Json[];
  pusher: { name: string; email: string | null };
  sender: Json;
}): Json {
  const before = options.before ?? ZERO_SHA;
  const repository = pushRepository(options.repo);
  const head = options.commits[options.commits.length - 1] ?? null;
  return {
    ref: `refs/heads/${options.branch}`,
    before,
    after: options.after,
    repository,
    pusher: options.pusher,
    sender: options.sender,
    created: before === ZERO_SHA,
    deleted: false,
    forced: false,
    base_ref: null,
    compare:
      before === ZERO_SHA
        ? `${options.repo.html_url}/commit/${options.after.slice(0, 12)}`
        : `${options.repo.html_url}/compare/${before.slice(
            0,
            12,
          )}...${options.after.slice(0, 12)}`,
    commits: options.commits,
    head_commit: head,
  };
}

/** The `pull_request` event (`closed` with `merged: true` after a merge). */
export function pullRequestPayload(options: {
  action: string;
  pull: Json;
  repo: Json;
  sender: Json;
}): Json {
  return {
    action: options.action,
    number: options.pull.number,
    pull_request: options.pull,
    repository: options.repo,
    sender: options.sender,
  };
}
