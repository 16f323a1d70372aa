import {
  DeployRun,
  EnvironmentStatus,
  MissingLink,
  sameVersion,
  StatusFact,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** What the status of one environment is decided from. */
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
  /**
   * When the last run's config commit is unknown (or the pin at it could not
   * be read): why, and what would supply it.
   */
  deployLinkMissing?: MissingLink;
  /** When the pinned version was committed (from the requirements file's history), if known. */
  pinCommittedAt?: string;
  /** False when the environment has no cluster configured. */
  clusterConfigured: boolean;
  clusterError?: string;
  /** Whether a deployment of the release was found in the cluster. */
  deploymentFound: boolean;
  runningVersion?: string;
  /** Name of the deployment found. */
  deploymentName?: string;
}

/** An environment status, the sentence explaining it and the facts it used. */
export interface StatusDecision {
  status: EnvironmentStatus;
  statusReason: string;
  statusFacts: StatusFact[];
  missingLink?: MissingLink;
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

function runOutcome(last: DeployRun): string {
  if (last.building) return 'is running';
  return last.result === 'SUCCESS' ? 'succeeded' : outcome(last.result);
}

function clusterFact(i: StatusInputs): string {
  if (i.clusterError) return `the cluster could not be read: ${i.clusterError}`;
  if (!i.deploymentFound)
    return `no deployment of ${i.release} in the namespace`;
  return `deployment ${i.deploymentName ?? i.release} runs image tag ${
    i.runningVersion ?? '(none)'
  }`;
}

function runFact(last: DeployRun, link?: MissingLink): string {
  const what = runOutcome(last);
  const commit = last.configCommit
    ? `config commit ${short(last.configCommit.sha)}${
        last.version !== undefined ? ` (pins ${last.version})` : ''
      }`
    : `an unknown config commit (${
        link?.reason ?? 'no BuildData of the config repo'
      })`;
  return `run #${last.number}, started ${last.startedAt}, ${what}; it deployed ${commit}`;
}

/**
 * Decides the status of an environment from the facts that hold, in this order:
 * 1. `unknown`: the config repo or deploy job could not be read, or the
 *    release is not pinned;
 * 2. `deploying`: the last deploy run is still building;
 * 3. `pending-deploy`: no deploy run yet, or the pin at the deployed config
 *    commit differs from the pin at the head;
 * 4. when the deployed config commit (or the pin at it) is unknown, only
 *    evidence that still holds decides: the cluster runs the pin (`in-sync`),
 *    or the pin was committed after the run started (`pending-deploy`);
 *    otherwise `unknown`, naming the missing link and the key that supplies it;
 * 5. `unknown`: the cluster could not be read;
 * 6. `deploy-failed`: the last run failed and the cluster does not run the pin;
 * 7. `drifted`: the last deploy of the pin succeeded but the cluster runs
 *    another image tag (or no deployment of the release);
 * 8. `in-sync` otherwise.
 */
export function decideStatus(i: StatusInputs): StatusDecision {
  const facts: StatusFact[] = [];
  const decide = (
    status: EnvironmentStatus,
    statusReason: string,
    missingLink?: MissingLink,
  ): StatusDecision => ({
    status,
    statusReason,
    statusFacts: facts,
    ...(missingLink ? { missingLink } : {}),
  });
  const pin = i.pinnedVersion;
  if (i.configError) {
    return decide(
      'unknown',
      `The config repo could not be read: ${i.configError}`,
    );
  }
  if (!pin) {
    facts.push({
      source: 'configRepo',
      fact: `no dependency named ${i.release} at ${short(i.headSha)}`,
    });
    return decide(
      'unknown',
      `${i.release} is not pinned in ${i.environment}'s config repo.`,
    );
  }
  facts.push({
    source: 'configRepo',
    fact: `${i.release} is pinned to ${pin} at the branch head ${short(
      i.headSha,
    )}`,
  });
  if (i.deployError) {
    return decide(
      'unknown',
      `The deploy job could not be read: ${i.deployError}`,
    );
  }
  const last = i.lastDeploy;
  if (!last) {
    facts.push({ source: 'deployJenkins', fact: 'the deploy job has no run' });
    return decide(
      'pending-deploy',
      `${pin} is pinned but no deploy run is recorded.`,
    );
  }
  facts.push({
    source: 'deployJenkins',
    fact: runFact(last, i.deployLinkMissing),
  });
  if (last.building) {
    return decide(
      'deploying',
      `Deploy #${last.number} of config commit ${short(
        last.configCommit?.sha,
      )} is running.`,
    );
  }
  const deployedSha = last.configCommit?.sha;
  if (last.version !== undefined && !sameVersion(last.version, pin)) {
    return decide(
      'pending-deploy',
      `${pin} was pinned after the last deploy (#${last.number} deployed ${
        last.version
      } from ${short(deployedSha)}).`,
    );
  }

  const runningPin = sameVersion(i.runningVersion, pin);
  const clusterReadable = i.clusterConfigured && !i.clusterError;
  if (i.clusterConfigured) {
    facts.push({ source: 'cluster', fact: clusterFact(i) });
  } else {
    facts.push({
      source: 'cluster',
      fact: 'no cluster is configured for this environment',
    });
  }

  // The deployed commit's pin is known only when the run names the config
  // commit and the pin at it was read (or the commit is the head itself).
  const deployedPinKnown =
    last.version !== undefined ||
    (deployedSha !== undefined && deployedSha === i.headSha);
  if (!deployedPinKnown) {
    if (i.pinCommittedAt) {
      facts.push({
        source: 'github',
        fact: `${pin} was committed at ${i.pinCommittedAt}`,
      });
    }
    if (clusterReadable && runningPin) {
      return decide(
        'in-sync',
        `The cluster runs ${pin}, the pinned version (which config commit run #${last.number} deployed is not known).`,
        i.deployLinkMissing,
      );
    }
    if (
      i.pinCommittedAt &&
      Date.parse(i.pinCommittedAt) > Date.parse(last.startedAt)
    ) {
      return decide(
        'pending-deploy',
        `${pin} was committed at ${i.pinCommittedAt}, after the last deploy run #${last.number} started (${last.startedAt}).`,
        i.deployLinkMissing,
      );
    }
    const link = i.deployLinkMissing;
    return decide(
      'unknown',
      `Cannot tell whether run #${last.number} deployed ${pin}: ${
        link?.reason ?? 'the config commit it deployed is not known'
      }.`,
      link,
    );
  }

  if (i.clusterConfigured && i.clusterError) {
    const lastOutcome =
      last.result === 'SUCCESS' ? 'succeeded' : outcome(last.result);
    return decide(
      'unknown',
      `The cluster could not be read (${i.clusterError}); the last deploy #${last.number} ${lastOutcome}.`,
    );
  }
  if (last.result !== 'SUCCESS' && (!i.clusterConfigured || !runningPin)) {
    let running = 'no cluster is configured to see what runs';
    if (i.clusterConfigured) {
      running = `${
        i.runningVersion ?? 'not the pinned version'
      } is running instead of ${pin}`;
    }
    return decide(
      'deploy-failed',
      `Deploy #${last.number} ${outcome(last.result)}; ${running}.`,
    );
  }
  if (!i.clusterConfigured) {
    return decide(
      'in-sync',
      `Deploy #${last.number} rolled out ${pin}; no cluster is configured to verify it.`,
    );
  }
  if (!i.deploymentFound) {
    return decide(
      'drifted',
      `Deploy #${last.number} succeeded but no deployment of ${i.release} runs in the cluster.`,
    );
  }
  if (!runningPin) {
    return decide(
      'drifted',
      `The cluster runs ${
        i.runningVersion ?? 'an untagged image'
      } but ${pin} is pinned and was deployed by #${last.number}.`,
    );
  }
  return decide(
    'in-sync',
    last.result === 'SUCCESS'
      ? `${pin} is pinned, deployed by #${last.number} and running.`
      : `${pin} is pinned and running, although the last deploy #${
          last.number
        } ${outcome(last.result)}.`,
  );
}
