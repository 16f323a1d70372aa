import type { EnvironmentConfig } from '../../../configTypes';
import type {
  CommitSummary,
  GitHubReader,
  MergedPull,
} from '../../../upstreams/github/GitHubReader';
import type { RecordedPullRequest } from '../types';

const MERGE_MESSAGE = /^Merge pull request #(\d+) /;

/**
 * Finds the merged pull request that brought a config commit, for one
 * config repo during one run: one read of the recently merged pull requests,
 * matched by merge commit or head commit, else (an older pull request, or a
 * commit inside a pull request of several) GitHub's pull requests of that
 * commit: at most one such read per file version the run reads.
 */
export class PullFinder {
  private pulls?: MergedPull[];
  private readonly bySha = new Map<string, MergedPull>();

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
    const [pull] = await this.github.listMergedPullsOfCommit(
      owner,
      repo,
      commit.sha,
    );
    if (pull) this.bySha.set(commit.sha, pull);
    return pull;
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
