import type { EnvironmentConfig } from '../../../configTypes';
import type {
  CommitSummary,
  GitHubReader,
  MergedPull,
} from '../../../upstreams/github/GitHubReader';
import type { RecordedPullRequest } from '../types';

/** Pull requests whose commits are listed per config repo per run at most. */
export const MAX_PULL_COMMIT_READS = 10;

const MERGE_MESSAGE = /^Merge pull request #(\d+) /;

/**
 * Finds the merged pull request that brought a config commit, for one
 * config repo during one run: one read of the recently merged pull requests,
 * matched by merge commit or head commit, else (a pull request of several
 * commits) by listing the commits of the pull requests merged after it,
 * oldest first, at most {@link MAX_PULL_COMMIT_READS} of them.
 */
export class PullFinder {
  private pulls?: MergedPull[];
  private readonly bySha = new Map<string, MergedPull>();
  private readonly listed = new Set<number>();
  private reads = 0;

  constructor(
    private readonly github: GitHubReader,
    private readonly env: EnvironmentConfig,
  ) {}

  /** The merged pull request containing `commit`, when one is found. */
  async find(commit: CommitSummary): Promise<MergedPull | undefined> {
    const { owner, repo } = this.env;
    if (!this.pulls) {
      this.pulls = await this.github.listMergedPulls(owner, repo);
      for (const p of this.pulls) {
        for (const sha of [p.mergeCommitSha, p.headSha])
          if (sha) this.bySha.set(sha, p);
      }
    }
    const hit = this.bySha.get(commit.sha);
    if (hit) return hit;
    const candidates = this.pulls
      .filter(
        p =>
          !this.listed.has(p.number) &&
          (!commit.date || p.mergedAt >= commit.date),
      )
      .sort((a, b) => a.mergedAt.localeCompare(b.mergedAt));
    for (const p of candidates) {
      if (this.reads >= MAX_PULL_COMMIT_READS) break;
      this.reads++;
      this.listed.add(p.number);
      const shas = await this.github.listPullCommitShas(owner, repo, p.number);
      for (const sha of shas) if (!this.bySha.has(sha)) this.bySha.set(sha, p);
      if (shas.includes(commit.sha)) return p;
    }
    return undefined;
  }

  /** The pull request of `commit` as recorded (with who merged it). */
  async pullRequestOf(
    commit: CommitSummary,
  ): Promise<{ pull?: MergedPull; recorded?: RecordedPullRequest }> {
    const pull = await this.find(commit);
    const number =
      pull?.number ?? Number(MERGE_MESSAGE.exec(commit.message)?.[1]);
    if (!Number.isInteger(number) || number <= 0) return {};
    const recorded: RecordedPullRequest = {
      number,
      url: pull?.url ?? `${this.env.repoHtmlUrl}/pull/${number}`,
    };
    const mergedBy = await this.github.getPullMergedBy(
      this.env.owner,
      this.env.repo,
      number,
    );
    if (mergedBy) recorded.mergedBy = mergedBy;
    const mergedAt = pull?.mergedAt ?? commit.date;
    if (mergedAt) recorded.mergedAt = mergedAt;
    return { pull, recorded };
  }
}
