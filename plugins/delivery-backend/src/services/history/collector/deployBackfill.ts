import type { DeliveryConfig, EnvironmentConfig } from '../../../configTypes';
import type { UpstreamClients } from '../../../upstreams/clients';
import { parseGitRemote } from '../../../upstreams/git/remote';
import { type RawDeployRun, toRawDeployRun } from '../../view/fromJenkinsBuild';

/**
 * Runs of a deploy job read for the back-fill: the newest this many (real
 * Jenkins lists at most 100 in `builds`; older ones are gone for us, as they
 * are from the view).
 */
export const BACKFILL_DEPLOY_RUNS = 100;

/** The deploy runs of an environment's job, for the back-fill of an entity seen for the first time. */
export type DeployBackfill = (
  env: EnvironmentConfig,
) => Promise<RawDeployRun[]>;

/**
 * The back-fill reads of one collector run: ONE Jenkins request per deploy
 * job (memoised, shared by every entity deployed by it), each run joined to
 * the config commit it deployed exactly as the view joins it. A failing read
 * is an empty list (the view's newest runs are still recorded; the next
 * first-time entity tries again).
 */
export function deployBackfill(input: {
  clients: Pick<UpstreamClients, 'deployJenkins'>;
  hostAliases: DeliveryConfig['hostAliases'];
}): DeployBackfill {
  const memo = new Map<string, Promise<RawDeployRun[]>>();
  return env => {
    const { instance, job } = env.deployJob;
    const key = `${instance}:${job}:${env.configRepoUrl}`;
    let runs = memo.get(key);
    if (!runs) {
      const client = input.clients.deployJenkins.get(instance);
      const repo = parseGitRemote(env.configRepoUrl);
      runs =
        client && repo
          ? client.listBuilds(job, { limit: BACKFILL_DEPLOY_RUNS }).then(
              builds =>
                builds.map(b => toRawDeployRun(b, repo, input.hostAliases)),
              () => [],
            )
          : Promise.resolve([]);
      memo.set(key, runs);
    }
    return runs;
  };
}
