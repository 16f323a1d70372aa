import { z } from 'zod';

/** `GET /repos/{o}/{r}/compare/{base}...{head}`, reduced. */
export const compareSchema = z.object({
  status: z.string(),
  total_commits: z.number(),
  commits: z.array(z.unknown()),
});

/** `GET /repos/{o}/{r}/pulls?state=closed` (pull-request-simple), reduced. */
export const closedPullsSchema = z.array(
  z.object({
    number: z.number(),
    html_url: z.string(),
    merged_at: z.string().nullable().optional(),
    merge_commit_sha: z.string().nullable().optional(),
    head: z.object({ ref: z.string(), sha: z.string().optional() }),
  }),
);

/** `GET /repos/{o}/{r}/pulls/{n}`: who merged it (absent from the list). */
export const pullMergedBySchema = z.object({
  merged_by: z.object({ login: z.string() }).nullable().optional(),
});

/** A merged pull request, reduced. */
export interface MergedPull {
  number: number;
  url: string;
  branch: string;
  mergedAt: string;
  /** The commit the merge (or squash, or rebase) put on the base branch. */
  mergeCommitSha?: string;
  /** The pull request's last commit. */
  headSha?: string;
}

/** The merged ones of a list of pull requests, reduced. */
export function toMergedPulls(
  pulls: z.infer<typeof closedPullsSchema>,
): MergedPull[] {
  return pulls.flatMap(p =>
    p.merged_at
      ? [
          {
            number: p.number,
            url: p.html_url,
            branch: p.head.ref,
            mergedAt: p.merged_at,
            mergeCommitSha: p.merge_commit_sha ?? undefined,
            headSha: p.head.sha,
          },
        ]
      : [],
  );
}
