import {
  DeployRun,
  EnvironmentStatus,
  sameVersion,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** What the status of one environment is decided from. @public */
export interface StatusInputs {
  environment: string;
  release: string;
  /** Why the config repo could not be read, if it could not. */
  configError?: string;
  pinnedVersion?: string;
  headSha?: string;
  /** Why the deploy job could not be read, if it could not. */
  deployError?: string;
  lastDeploy?: DeployRun;
  /** False when the environment has no cluster configured. */
  clusterConfigured: boolean;
  clusterError?: string;
  /** Whether a deployment of the release was found in the cluster. */
  deploymentFound: boolean;
  runningVersion?: string;
}

/** An environment status and the sentence explaining it. @public */
export interface StatusDecision {
  status: EnvironmentStatus;
  statusReason: string;
}

const short = (sha?: string) => (sha ? sha.slice(0, 7) : 'unknown');

const OUTCOME: Record<string, string> = {
  FAILURE: 'failed',
  UNSTABLE: 'was unstable',
  ABORTED: 'was aborted',
  NOT_BUILT: 'was not built',
};
const outcome = (result: string | null) =>
  result ? OUTCOME[result] ?? result.toLowerCase() : 'did not finish';

/**
 * Decides the status of an environment, in this order:
 * 1. `unknown`: the config repo or deploy job could not be read, or the
 *    release is not pinned;
 * 2. `deploying`: the last deploy run is still building;
 * 3. `pending-deploy`: no deploy run yet, or the pin changed after the last
 *    deploy (the version pinned at the deployed commit differs from the pin
 *    at the branch head; when that version is unknown, the deployed commit is
 *    not the head);
 * 4. `unknown`: the cluster could not be read;
 * 5. `deploy-failed`: the last run failed and the cluster does not run the pin;
 * 6. `drifted`: the last deploy succeeded but the cluster runs another image
 *    tag (or no deployment of the release);
 * 7. `in-sync` otherwise.
 * @public
 */
export function decideStatus(i: StatusInputs): StatusDecision {
  const pin = i.pinnedVersion;
  if (i.configError) {
    return {
      status: 'unknown',
      statusReason: `The config repo could not be read: ${i.configError}`,
    };
  }
  if (!pin) {
    return {
      status: 'unknown',
      statusReason: `${i.release} is not pinned in ${i.environment}'s config repo.`,
    };
  }
  if (i.deployError) {
    return {
      status: 'unknown',
      statusReason: `The deploy job could not be read: ${i.deployError}`,
    };
  }
  const last = i.lastDeploy;
  if (!last) {
    return {
      status: 'pending-deploy',
      statusReason: `${pin} is pinned but no deploy run is recorded.`,
    };
  }
  if (last.building) {
    return {
      status: 'deploying',
      statusReason: `Deploy #${last.number} of config commit ${short(
        last.configCommit?.sha,
      )} is running.`,
    };
  }
  const deployedSha = last.configCommit?.sha;
  if (last.version !== undefined && !sameVersion(last.version, pin)) {
    return {
      status: 'pending-deploy',
      statusReason: `${pin} was pinned after the last deploy (#${
        last.number
      } deployed ${last.version} from ${short(deployedSha)}).`,
    };
  }
  if (
    last.version === undefined &&
    deployedSha &&
    i.headSha &&
    deployedSha !== i.headSha
  ) {
    return {
      status: 'pending-deploy',
      statusReason: `The config repo changed after the last deploy (#${
        last.number
      } built ${short(deployedSha)}, head is ${short(i.headSha)}).`,
    };
  }
  const runningPin = sameVersion(i.runningVersion, pin);
  if (i.clusterConfigured && i.clusterError) {
    const lastOutcome =
      last.result === 'SUCCESS' ? 'succeeded' : outcome(last.result);
    return {
      status: 'unknown',
      statusReason: `The cluster could not be read (${i.clusterError}); the last deploy #${last.number} ${lastOutcome}.`,
    };
  }
  if (last.result !== 'SUCCESS' && (!i.clusterConfigured || !runningPin)) {
    let running = 'no cluster is configured to see what runs';
    if (i.clusterConfigured) {
      running = `${
        i.runningVersion ?? 'not the pinned version'
      } is running instead of ${pin}`;
    }
    return {
      status: 'deploy-failed',
      statusReason: `Deploy #${last.number} ${outcome(
        last.result,
      )}; ${running}.`,
    };
  }
  if (!i.clusterConfigured) {
    return {
      status: 'in-sync',
      statusReason: `Deploy #${last.number} rolled out ${pin}; no cluster is configured to verify it.`,
    };
  }
  if (!i.deploymentFound) {
    return {
      status: 'drifted',
      statusReason: `Deploy #${last.number} succeeded but no deployment of ${i.release} runs in the cluster.`,
    };
  }
  if (!runningPin) {
    return {
      status: 'drifted',
      statusReason: `The cluster runs ${
        i.runningVersion ?? 'an untagged image'
      } but ${pin} is pinned and was deployed by #${last.number}.`,
    };
  }
  return {
    status: 'in-sync',
    statusReason:
      last.result === 'SUCCESS'
        ? `${pin} is pinned, deployed by #${last.number} and running.`
        : `${pin} is pinned and running, although the last deploy #${
            last.number
          } ${outcome(last.result)}.`,
  };
}
