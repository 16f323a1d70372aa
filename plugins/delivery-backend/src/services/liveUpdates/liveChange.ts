/** What an upstream told us changed (one webhook delivery). */
export type LiveChange =
  | {
      kind: 'push';
      /** Web URL of the repository, e.g. `https://github.com/gitops/config-dev`. */
      repoHtmlUrl: string;
      branch: string;
      /** The new head. */
      after: string;
    }
  | {
      kind: 'pull-request';
      repoHtmlUrl: string;
      action: string;
      number: number;
      /** The base branch. */
      base: string;
      merged: boolean;
    }
  | {
      kind: 'jenkins-run';
      /** Absolute URL of the run, e.g. `https://ci/job/a/job/b/12/`. */
      runUrl: string;
      number: number;
      phase: 'QUEUED' | 'STARTED' | 'COMPLETED' | 'FINALIZED';
      status?: string;
    };

/** A webhook we cannot read: the reason is logged, nothing is invalidated. */
export class UnreadableWebhook extends Error {
  name = 'UnreadableWebhook';
}
