import { KubernetesState } from '../kubernetes';
import {
  failsToDeploy,
  imageTagFor,
  pinsByCommit,
  resolvePinnedVersion,
  serviceByRelease,
  valuesTagsByCommit,
} from '../world/derive';
import type { WorldEnvironment, WorldService } from '../world';
import type { EngineContext } from './context';

/** Applies what `helm upgrade` of one dependency (`release`: its alias) leaves in the cluster. */
export function applyRelease(
  k8s: KubernetesState,
  ctx: EngineContext,
  env: WorldEnvironment,
  service: WorldService,
  release: string,
  chartVersion: string,
  imageTag: string,
  when: string,
): void {
  k8s.apply({
    namespace: env.namespace,
    name: release,
    labels: {
      app: release,
      chart: `${service.chart}-${chartVersion}`,
      version: chartVersion,
      release: env.configRepo.name,
      heritage: 'Helm',
      provider: 'stakater',
      group: 'com.stakater.platform',
    },
    containers: [
      {
        name: service.chart,
        image: `${ctx.registryHost}/${service.image}:${imageTag}`,
      },
    ],
    replicas: 1,
    updated: when,
  });
}

/** The cluster after each environment's successful deploys and manual drift. */
export function seedCluster(ctx: EngineContext): KubernetesState {
  const k8s = new KubernetesState();
  for (const env of ctx.world.environments) {
    const pins = pinsByCommit(env);
    const tags = valuesTagsByCommit(env);
    const runs = [...env.deploys].sort((a, b) => a.number - b.number);
    for (const run of runs) {
      if (run.result !== 'SUCCESS') continue;
      const when = new Date(
        Date.parse(run.timestamp) + run.durationMs,
      ).toISOString();
      for (const [release, pin] of Object.entries(pins.get(run.commit) ?? {})) {
        const service = serviceByRelease(ctx.world, release);
        const chartVersion = service && resolvePinnedVersion(service, pin);
        if (!service || !chartVersion || failsToDeploy(ctx.world, pin))
          continue;
        applyRelease(
          k8s,
          ctx,
          env,
          service,
          release,
          chartVersion,
          imageTagFor(service, pin, tags.get(run.commit)?.[release]),
          when,
        );
      }
    }
    for (const d of env.drift) {
      const service = serviceByRelease(ctx.world, d.deployment);
      if (!service) continue;
      k8s.setImage(
        env.namespace,
        d.deployment,
        `${ctx.registryHost}/${service.image}:${d.tag}`,
        undefined,
        d.date ?? env.commits[env.commits.length - 1].date,
      );
    }
  }
  return k8s;
}
