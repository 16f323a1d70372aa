import type {
  GitHubStore,
  PullMergedEvent,
  RepoChangedEvent,
} from '../github/types';
import { pullRequestPayload, pushCommit, pushPayload } from './githubPayloads';
import { OpenPulls } from './openPulls';
import type { WebhookSender } from './WebhookSender';

type Json = Record<string, any>;

const MAX_PUSH_COMMITS = 20;

/**
 * GitHub's webhooks of the sandbox: `pull_request` (closed, merged) after a
 * merge and `push` when a watched branch moved (a merge, a contents or git
 * refs write). Payloads are made of the sandbox's own REST objects, read
 * over HTTP like any client would; nothing is read while no `github` target
 * is configured.
 */
export class GitHubWebhooks {
  /** Last head seen per `owner/repo@branch`. */
  private readonly heads = new Map<string, string>();
  private readonly pulls = new OpenPulls(path => this.get(path));
  private serial: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      sender: WebhookSender;
      store: GitHubStore;
      /** e.g. http://127.0.0.1:7105/api/v3 */
      apiBaseUrl: () => string;
      token: string;
      /** The branches to watch besides each repo's default branch. */
      branches: Array<{ owner: string; repo: string; branch: string }>;
    },
  ) {}

  /**
   * Records the current heads, and with a `github` target the open pull
   * requests of the watched repos (at start and when a target is added).
   */
  async prime(): Promise<void> {
    this.heads.clear();
    for (const b of this.options.branches) {
      const sha = await this.options.store.headSha(b.owner, b.repo, b.branch);
      if (sha) this.heads.set(`${b.owner}/${b.repo}@${b.branch}`, sha);
    }
    if (this.options.sender.has('github')) {
      const repos = new Map(
        this.options.branches.map(b => [`${b.owner}/${b.repo}`, b]),
      );
      await this.pulls.prime([...repos.values()]);
    }
  }

  private async get(path: string): Promise<Json> {
    const res = await fetch(`${this.options.apiBaseUrl()}${path}`, {
      headers: {
        authorization: `token ${this.options.token}`,
        accept: 'application/vnd.github+json',
      },
    });
    if (!res.ok) throw new Error(`webhook payload: GET ${path} ${res.status}`);
    return (await res.json()) as Json;
  }

  private watched(owner: string, repo: string): string[] {
    const branches = this.options.branches
      .filter(b => b.owner === owner && b.repo === repo)
      .map(b => b.branch);
    const main = this.options.store.defaultBranch(owner, repo);
    return [...new Set(main ? [main, ...branches] : branches)];
  }

  /** After `PUT .../pulls/{n}/merge`: the pull_request event, then the push of the base. */
  async pullMerged(e: PullMergedEvent): Promise<void> {
    if (!this.options.sender.has('github')) return;
    const key = `${e.owner}/${e.repo}@${e.base}`;
    const before = this.heads.get(key);
    this.heads.set(key, e.mergeCommitSha);
    this.pulls.merged(e.owner, e.repo, e.number);
    const path = `/repos/${encodeURIComponent(e.owner)}/${encodeURIComponent(
      e.repo,
    )}`;
    const [repo, pull] = await Promise.all([
      this.get(path),
      this.get(`${path}/pulls/${e.number}`),
    ]);
    const sender = pull.merged_by ?? pull.user;
    this.options.sender.github(
      'pull_request',
      pullRequestPayload({ action: 'closed', pull, repo, sender }),
    );
    await this.sendPush(repo, e.base, before, e.mergeCommitSha, sender);
  }

  /**
   * After any write: `pull_request` opened / closed for the watched repos'
   * pull requests, and a push for each watched branch that moved.
   */
  repoChanged(e: RepoChangedEvent): Promise<void> {
    // one at a time: two writes in a row must not both report one new PR
    const run = this.serial.then(() => this.onRepoChanged(e));
    this.serial = run.catch(() => undefined);
    return run;
  }

  private async onRepoChanged(e: RepoChangedEvent): Promise<void> {
    if (!this.options.sender.has('github')) return;
    await this.sendPullChanges(e);
    for (const branch of this.watched(e.owner, e.repo)) {
      const key = `${e.owner}/${e.repo}@${branch}`;
      const after = await this.options.store.headSha(e.owner, e.repo, branch);
      const before = this.heads.get(key);
      if (!after || after === before) continue;
      this.heads.set(key, after);
      const repo = await this.get(
        `/repos/${encodeURIComponent(e.owner)}/${encodeURIComponent(e.repo)}`,
      );
      await this.sendPush(repo, branch, before, after, repo.owner);
    }
  }

  private async sendPullChanges(e: RepoChangedEvent): Promise<void> {
    const { opened, closed } = await this.pulls.changes(e.owner, e.repo);
    if (!opened.length && !closed.length) return;
    const path = `/repos/${encodeURIComponent(e.owner)}/${encodeURIComponent(
      e.repo,
    )}`;
    const repo = await this.get(path);
    const changed = [
      ...opened.map(n => ['opened', n] as const),
      ...closed.map(n => ['closed', n] as const),
    ];
    for (const [action, n] of changed) {
      const pull = await this.get(`${path}/pulls/${n}`);
      const sender = action === 'opened' ? pull.user : repo.owner;
      this.options.sender.github(
        'pull_request',
        pullRequestPayload({ action, pull, repo, sender }),
      );
    }
  }

  private async sendPush(
    repo: Json,
    branch: string,
    before: string | undefined,
    after: string,
    sender: Json,
  ): Promise<void> {
    const path = `/repos/${repo.owner.login}/${repo.name}`;
    // files are listed per commit only by GET .../commits/{sha}: read the head's
    const head = await this.get(`${path}/commits/${after}`);
    // a head we never saw, or one a reset took away: the push is from the parent
    const known =
      before &&
      (await this.options.store.commitInfo(
        repo.owner.login,
        repo.name,
        before,
      ));
    const from = known
      ? before
      : (head.parents?.[0]?.sha as string | undefined);
    const commits = from
      ? ((await this.get(`${path}/compare/${from}...${after}`))
          .commits as Json[])
      : [head];
    const last = commits.slice(-MAX_PUSH_COMMITS);
    this.options.sender.github(
      'push',
      pushPayload({
        repo,
        branch,
        before: from,
        after,
        commits: last.map(c =>
          pushCommit(c, c.sha === after ? head.files : []),
        ),
        pusher: { name: sender.login, email: null },
        sender,
      }),
    );
  }
}
