import pLimit from 'p-limit';
import type {
  DeployRun,
  EnvironmentView,
  LiveState,
  PromotionSummary,
  SourceState,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EnvironmentConfig } from '../../configTypes';
import type { PullSummary } from '../../upstreams/github/GitHubReader';
import {
  imageTag,
  DeploymentSummary,
} from '../../upstreams/kubernetes/KubernetesClient';
import type { RawDeployRun } from './fromJenkinsBuild';
import { missingDeployLink } from './deployLink';
import { findPin, Pin } from './pins';
import { Loaded, SourceLoader, sourceState } from './sources';
import { decideStatus } from './status';

/** Config commits read to find when the current pin was committed. */
const MAX_PIN_HISTORY_READS = 10;
/** How many distinct deployed config commits we read the pin at. */
const MAX_DEPLOYED_SHAS = 10;
/** Concurrent file reads per environment. */
const FILE_READ_CONCURRENCY = 4;

/** One environment of the view, with its deploy runs and source states. */
export interface EnvironmentResult {
  view: EnvironmentView;
  deploys: DeployRun[];
  sources: Record<string, SourceState>;
}

/** Finds the release's deployment: label `release`/`app`, then its name. */
export function findDeployment(list: DeploymentSummary[], release: string) {
  const labelled = (d: DeploymentSummary) =>
    [d.labels, d.podLabels].some(
      l => l.release === release || l.app === release,
    );
  return (
    list.find(labelled) ??
    list.find(d => d.name === release) ??
    list.find(d => d.name.endsWith(`-${release}`))
  );
}

function liveState(d: DeploymentSummary, release: string): LiveState {
  const container = d.images.find(c => c.container === release) ?? d.images[0];
  return {
    namespace: d.namespace,
    deployment: d.name,
    image: container?.image,
    runningVersion: container ? imageTag(container.image) : undefined,
    labeledVersion: d.labels.version ?? d.podLabels.version,
    replicas: d.replicas,
    readyReplicas: d.readyReplicas,
  };
}

function promotions(
  pulls: Loaded<PullSummary[]>,
  env: string,
  release: string,
): PromotionSummary[] {
  if (!pulls.ok) return [];
  const prefix = `delivery/${env}/${release}-`;
  return pulls.value
    .filter(p => p.branch.startsWith(prefix))
    .map(p => ({
      number: p.number,
      url: p.url,
      title: p.title,
      branch: p.branch,
      state: 'open' as const,
      version: p.branch.slice(prefix.length) || undefined,
      author: p.author,
      createdAt: p.createdAt,
    }));
}

/** Reads the pin of `release` at each deployed config commit (cached by sha). */
async function withVersions(
  loader: SourceLoader,
  env: EnvironmentConfig,
  release: string,
  runs: RawDeployRun[],
): Promise<DeployRun[]> {
  const shas = [
    ...new Set(runs.map(r => r.configSha).filter((s): s is string => !!s)),
  ].slice(0, MAX_DEPLOYED_SHAS);
  const versions = new Map<string, string | undefined>();
  const limit = pLimit(FILE_READ_CONCURRENCY);
  await Promise.all(
    shas.map(sha =>
      limit(async () => {
        try {
          const content = await loader.fileAt(env, sha);
          versions.set(
            sha,
            content === null
              ? undefined
              : findPin(content, env.requirementsPath, release)?.version,
          );
        } catch {
          versions.set(sha, undefined); // the run stays, without a version
        }
      }),
    ),
  );
  return runs.map(r => ({
    environment: env.name,
    number: r.number,
    url: r.url,
    result: r.result,
    building: r.building,
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    configCommit: r.configSha
      ? {
          sha: r.configSha,
          shortSha: r.configSha.slice(0, 7),
          url: `${env.repoHtmlUrl}/commit/${r.configSha}`,
        }
      : undefined,
    configCommitVia: r.configSha
      ? {
          via: 'buildData',
          detail: `run #${r.number} checked out ${r.configSha.slice(
            0,
            7,
          )} from ${r.configRemote}`,
        }
      : undefined,
    version: r.configSha ? versions.get(r.configSha) : undefined,
  }));
}

/**
 * When the pinned version was committed: the oldest of the newest commits of
 * the requirements file that still pin it. Undefined when that cannot be
 * told (the pin is older than the commits read, or a read failed).
 */
async function pinCommittedAt(
  loader: SourceLoader,
  env: EnvironmentConfig,
  release: string,
  pin: string,
): Promise<string | undefined> {
  try {
    const commits = await loader.pinCommits(env);
    let since: string | undefined;
    for (const [n, c] of commits.slice(0, MAX_PIN_HISTORY_READS).entries()) {
      const content = await loader.fileAt(env, c.sha);
      const v = content
        ? findPin(content, env.requirementsPath, release)?.version
        : undefined;
      if (v !== pin) return since;
      since = c.date;
      const complete = commits.length < 20 && n === commits.length - 1;
      if (complete) return since; // the file's first commit already pinned it
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads one environment (config repo, deploy job, cluster, open promotions,
 * in parallel) and decides its status.
 */
export async function loadEnvironment(
  loader: SourceLoader,
  env: EnvironmentConfig,
  release: string,
): Promise<EnvironmentResult> {
  const rawRuns = new Map<number, RawDeployRun>();
  const [config, deploys, cluster, pulls] = await Promise.all([
    loader.attempt(`configRepo:${env.name}`, async () => {
      const head = await loader.configHead(env);
      if (head.content === null)
        return { headSha: head.headSha, pin: undefined, missing: true };
      return {
        headSha: head.headSha,
        pin: findPin(head.content, env.requirementsPath, release),
        missing: false,
      };
    }),
    loader.attempt(`deployJenkins:${env.name}`, async () => {
      const raw = await loader.deployRuns(env);
      for (const r of raw) rawRuns.set(r.number, r);
      return withVersions(loader, env, release, raw);
    }),
    env.cluster
      ? loader.attempt(`cluster:${env.name}`, () => loader.deployments(env))
      : Promise.resolve<Loaded<DeploymentSummary[]>>({
          ok: true,
          value: [],
          note: 'no cluster configured',
        }),
    loader.attempt(`promotions:${env.name}`, () => loader.pulls(env)),
  ]);

  if (config.ok && config.value.missing) {
    config.note = `${env.requirementsPath} not found on ${env.branch}`;
  }
  const pin: Pin | undefined = config.ok ? config.value.pin : undefined;
  const runs = deploys.ok ? deploys.value : [];
  const deployment = cluster.ok
    ? findDeployment(cluster.value, release)
    : undefined;
  const live = deployment ? liveState(deployment, release) : undefined;
  const lastDeploy = runs[0];
  const lastRaw = deploys.ok
    ? rawRuns.get(lastDeploy?.number ?? -1)
    : undefined;
  const pinKnown =
    lastDeploy?.version !== undefined ||
    (lastDeploy?.configCommit !== undefined &&
      config.ok &&
      lastDeploy.configCommit.sha === config.value.headSha);
  const deployLinkMissing =
    lastRaw && lastDeploy && !lastDeploy.building
      ? missingDeployLink(env, lastRaw, release, pinKnown)
      : undefined;
  if (lastDeploy && deployLinkMissing && !lastDeploy.configCommit) {
    lastDeploy.configCommitVia = {
      via: 'missing',
      detail: deployLinkMissing.reason,
    };
  }
  const pinDate =
    deployLinkMissing && pin
      ? await pinCommittedAt(loader, env, release, pin.version)
      : undefined;
  const decision = decideStatus({
    environment: env.name,
    release,
    configError: config.ok ? undefined : config.error.message,
    pinnedVersion: pin?.version,
    headSha: config.ok ? config.value.headSha : undefined,
    deployError: deploys.ok ? undefined : deploys.error.message,
    lastDeploy,
    deployLinkMissing,
    pinCommittedAt: pinDate,
    clusterConfigured: Boolean(env.cluster),
    clusterError: cluster.ok ? undefined : cluster.error.message,
    deploymentFound: Boolean(deployment),
    runningVersion: live?.runningVersion,
    deploymentName: deployment?.name,
  });
  const blob = `${env.repoHtmlUrl}/blob/${encodeURIComponent(env.branch)}`;
  const view: EnvironmentView = {
    name: env.name,
    promotesFrom: env.promotesFrom,
    configRepoUrl: env.repoHtmlUrl,
    branch: env.branch,
    pinnedVersion: pin?.version,
    pinFileUrl: pin
      ? `${blob}/${env.requirementsPath}#L${pin.line}`
      : undefined,
    valuesFileUrl: `${blob}/${env.valuesPath(release)}`,
    lastDeploy,
    live,
    runningVersion: live?.runningVersion,
    ...decision,
    openPromotions: promotions(pulls, env.name, release),
  };
  return {
    view,
    deploys: runs,
    sources: {
      [`configRepo:${env.name}`]: sourceState(config),
      [`deployJenkins:${env.name}`]: sourceState(deploys),
      [`cluster:${env.name}`]: sourceState(cluster),
      [`promotions:${env.name}`]: sourceState(pulls),
    },
  };
}
