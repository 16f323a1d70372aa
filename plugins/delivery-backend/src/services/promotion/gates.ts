import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DeliveryView,
  sameVersion,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EnvironmentGates } from '../../configTypes';

/** The environment facts the gates need. */
export interface GateEnvironment {
  name: string;
  promotesFrom?: string;
  gates: EnvironmentGates;
}

/** Outcome of one gate. */
export interface GateResult {
  rule: keyof EnvironmentGates;
  ok: boolean;
  message: string;
}

function sourceDown(view: DeliveryView, source: string): string | undefined {
  const s = view.sources[source];
  return s?.status === 'error' ? s.error.message : undefined;
}

/**
 * Evaluates the promotion gates of `env` for `version` against the view.
 * Returns the lineage of the version (when known) and every gate's result.
 */
export function evaluateGates(
  view: DeliveryView,
  env: GateEnvironment,
  version: string,
): { lineage?: VersionLineage; results: GateResult[] } {
  const lineage = view.versions.find(v => sameVersion(v.version, version));
  const results: GateResult[] = [];
  const { gates } = env;
  if (gates.requireChart) {
    const ok = Boolean(lineage?.chart);
    results.push({
      rule: 'requireChart',
      ok,
      message: ok
        ? `chart ${lineage!.chart!.name} ${lineage!.chart!.version} exists`
        : `version ${version} has no chart in ChartMuseum`,
    });
  }
  if (gates.requireImage) {
    const ok = Boolean(lineage?.image);
    results.push({
      rule: 'requireImage',
      ok,
      message: ok
        ? `image ${lineage!.image!.name}:${lineage!.image!.tag} exists`
        : `version ${version} has no image in Nexus`,
    });
  }
  if (gates.requireSuccessfulBuild) {
    const build = lineage?.build;
    const ok = build?.result === 'SUCCESS';
    let message = `no code build found for ${version}`;
    if (build && ok) message = `build #${build.number} succeeded`;
    else if (build) {
      message = `build #${build.number} of ${version} is ${
        build.result ?? 'still running'
      }`;
    }
    results.push({ rule: 'requireSuccessfulBuild', ok, message });
  }
  if (gates.requireRunningInPrevious && env.promotesFrom) {
    const prev = view.environments.find(e => e.name === env.promotesFrom);
    const running = prev?.runningVersion ?? prev?.live?.runningVersion;
    const ok = sameVersion(running, version);
    results.push({
      rule: 'requireRunningInPrevious',
      ok,
      message: ok
        ? `${version} runs in ${env.promotesFrom}`
        : `${version} is not running in ${env.promotesFrom} (running: ${
            running ?? 'unknown'
          })`,
    });
  }
  return { lineage, results };
}

const SOURCE_OF: Record<
  keyof EnvironmentGates,
  (env: GateEnvironment) => string
> = {
  requireChart: () => 'chartMuseum',
  requireImage: () => 'nexus',
  requireSuccessfulBuild: () => 'codeJenkins',
  requireRunningInPrevious: env => `cluster:${env.promotesFrom}`,
};

/**
 * Throws when a gate fails: `InputError` (400) when the version does not
 * exist as a chart (nothing to pin), `ServiceUnavailableError` (503) when the
 * source a gate needs is down, `ConflictError` (409) for other refused gates.
 * The message names the rule.
 */
export function enforceGates(
  view: DeliveryView,
  env: GateEnvironment,
  version: string,
): VersionLineage | undefined {
  const { lineage, results } = evaluateGates(view, env, version);
  const failed = results.find(r => !r.ok);
  if (!failed) return lineage;
  const down = sourceDown(view, SOURCE_OF[failed.rule](env));
  if (down) {
    throw new ServiceUnavailableError(
      `Promotion gate ${failed.rule} cannot be checked: ${down}`,
    );
  }
  const message = `Promotion gate ${failed.rule} failed for ${env.name}: ${failed.message}`;
  if (failed.rule === 'requireChart') throw new InputError(message);
  throw new ConflictError(message);
}
