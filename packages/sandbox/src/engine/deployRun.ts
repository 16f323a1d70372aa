import type { QueueItem } from '../jenkins';
import { releasesOf, type WorldEnvironment } from '../world';
import { failsToDeploy, normalizeVersion } from '../world/derive';
import { applyRelease } from './cluster';
import { cloneUrl, deployStages } from './context';
import { readPins } from './readPins';
import {
  param,
  quietPeriod,
  serviceForRelease,
  servicesOf,
  type EngineGeneration,
} from './runGeneration';

/** Runs a queued deploy: checks out the config repo, "helm upgrade"s it, updates the cluster. */
export async function runDeploy(
  generation: EngineGeneration,
  env: WorldEnvironment,
  item: QueueItem,
): Promise<void> {
  const { owner, name } = env.configRepo;
  await generation.sleep(quietPeriod(generation.deployDelayMs));
  if (item.cancelled) return;
  const branch = String(param(item, 'BRANCH') ?? env.configRepo.branch);
  const sha = await generation.store.headSha(owner, name, branch);
  if (!generation.alive()) return;
  const lib = generation.ctx.world.settings.pipelineLibrary;
  const build = generation.deploy.start(item, {
    timestamp: Date.now(),
    estimatedDuration: Math.max(1, generation.deployDelayMs),
    description: null,
    causes: item.causes,
    parameters: item.parameters,
    revisions: [
      { sha: lib.sha, branch: lib.branch, remoteUrl: lib.url },
      ...(sha
        ? [{ sha, branch, remoteUrl: cloneUrl(generation.ctx, owner, name) }]
        : []),
    ],
    changes: [],
    stages: deployStages,
  });
  generation.events.add('deploy.started', {
    environment: env.name,
    job: env.deployJob,
    number: build.number,
    queueId: item.id,
    sha,
  });
  await generation.sleep(generation.deployDelayMs);
  let reason: string | undefined;
  const plan: Array<() => void> = [];
  const when = new Date().toISOString();
  try {
    if (!sha) throw new Error(`branch ${branch} not found`);
    const deps = await readPins(generation.store, env, sha);
    if (!generation.alive()) return;
    for (const dep of deps) {
      const release = dep.alias ?? dep.name;
      const service = serviceForRelease(generation, release);
      if (!service) throw new Error(`no service for dependency ${release}`);
      const chart = generation.charts.charts
        .get(dep.name)
        ?.find(
          c => normalizeVersion(c.version) === normalizeVersion(dep.version),
        );
      if (!chart)
        throw new Error(
          `chart ${dep.name} version ${dep.version} not found in the chart repository`,
        );
      if (failsToDeploy(generation.ctx.world, dep.version))
        throw new Error(`${release} ${dep.version} failed to become ready`);
      plan.push(() =>
        applyRelease(
          generation.k8s,
          generation.ctx,
          env,
          service,
          release,
          chart.version,
          dep.valuesTag ?? chart.version,
          when,
        ),
      );
    }
    const keep = new Set(deps.map(d => d.alias ?? d.name));
    if (param(item, 'DRY_RUN') !== true) {
      plan.forEach(apply => apply());
      for (const d of generation.k8s.list(env.namespace)) {
        if (d.labels.release === env.configRepo.name && !keep.has(d.name))
          generation.k8s.deployments.splice(
            generation.k8s.deployments.indexOf(d),
            1,
          );
      }
    }
  } catch (e) {
    reason = e instanceof Error ? e.message : String(e);
  }
  if (!generation.alive()) return;
  const result = reason ? 'FAILURE' : 'SUCCESS';
  generation.deploy.finish(build, result, {
    failedStage: reason ? 2 : undefined,
    description: reason ?? null,
  });
  generation.events.add('deploy.finished', {
    environment: env.name,
    job: env.deployJob,
    number: build.number,
    result,
    sha,
    ...(reason ? { reason } : {}),
    releases: servicesOf(generation)
      .flatMap(releasesOf)
      .filter(r => generation.k8s.get(env.namespace, r)).length,
  });
}
