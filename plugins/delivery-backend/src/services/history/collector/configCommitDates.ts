import type { EnvironmentConfig } from '../../../configTypes';
import type { UpstreamClients } from '../../../upstreams/clients';
import type { CommitDate } from './deployVersions';
import type { RequestBudget } from './RequestBudget';

/** Config-commit date reads per collector run (the rest waits for the next run). */
export const MAX_CONFIG_COMMIT_READS_PER_RUN = 200;

/**
 * The dates of deployed config commits for one collector run: one GitHub
 * read per distinct commit (memoised, shared by every entity of the repo),
 * within the run's `configCommit` budget. A failed read is undefined (the
 * deploy keeps no version) and is not retried in the same run.
 */
export function configCommitDates(input: {
  environments: readonly EnvironmentConfig[];
  clients: Pick<UpstreamClients, 'githubFor'>;
  budget: RequestBudget;
}): CommitDate {
  const memo = new Map<string, Promise<string | undefined>>();
  return (environment, sha) => {
    const env = input.environments.find(e => e.name === environment);
    if (!env) return Promise.resolve(undefined);
    const key = `${env.configRepoUrl}@${sha}`;
    let date = memo.get(key);
    if (!date) {
      date = input.budget.take('configCommit')
        ? input.clients
            .githubFor(env)
            .getCommit(env.owner, env.repo, sha)
            .then(
              c => c.date,
              () => undefined,
            )
        : Promise.resolve(undefined);
      memo.set(key, date);
    }
    return date;
  };
}
