import type { WorldHistoryInput, WorldInput, World } from './types';
import { validateWorld } from './validate';

/** Options of {@link generateWorld}. @public */
export interface GenerateWorldOptions {
  /** Number of services (default 3). */
  services?: number;
  /** Code builds per service (default 20); every 7th fails. */
  buildsPerService?: number;
  /** Published chart versions per service (default = successful builds); extras become older artifacts. */
  chartVersions?: number;
  /** Environments (default dev, staging, prod). */
  environments?: string[];
  /** Distinct commits per service (default min(builds, 100)); builds cycle through them. */
  commitsPerService?: number;
  /**
   * Months of delivery history before the generated present (builds, merged promotion pull
   * requests, deploy runs with failures, rollbacks and re-syncs), e.g. `{ months: 6 }`; see the
   * world file's `history:` section. Default: none.
   */
  history?: WorldHistoryInput;
  /**
   * More branches of each service's multibranch job (besides `master`), each with its own
   * commits and `builds` runs (default `buildsPerService`; every 7th fails, the others are named
   * `v<minor>.<n>` from the branch's version line, e.g. `v1.1.3`). Branch runs publish nothing.
   * A name may contain `/` (`release/1.x`): its branch job is `release%2F1.x`, shown as
   * `release/1.x`, like Jenkins' Branch API.
   */
  branches?: Array<{ name: string; builds?: number }>;
}

const base = Date.parse('2020-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Generates a large deterministic world for benchmarks,
 * e.g. `generateWorld({ services: 200, buildsPerService: 1000, chartVersions: 500 })`.
 * @public
 */
export function generateWorld(options: GenerateWorldOptions = {}): World {
  const serviceCount = options.services ?? 3;
  const builds = options.buildsPerService ?? 20;
  const envs = options.environments ?? ['dev', 'staging', 'prod'];
  const commitCount = Math.max(
    1,
    Math.min(options.commitsPerService ?? Math.min(builds, 100), builds || 1),
  );
  const services: WorldInput['services'] = [];
  const lastVersion: string[] = [];
  for (let s = 0; s < serviceCount; s++) {
    const name = `service-${String(s + 1).padStart(3, '0')}`;
    const commits = Array.from({ length: commitCount }, (_, i) => ({
      id: `c${i + 1}`,
      message: `Change ${i + 1} of ${name}`,
      date: iso(base + i * 3600_000),
    }));
    let released = 0;
    const runs = Array.from({ length: builds }, (_, i) => {
      const failed = (i + 1) % 7 === 0;
      const version = failed ? undefined : `v1.0.${++released}`;
      return {
        number: i + 1,
        commit: `c${Math.min(i + 1, commitCount)}`,
        result: failed ? ('FAILURE' as const) : ('SUCCESS' as const),
        version,
        timestamp: iso(base + i * 3600_000 + 60_000),
      };
    });
    const extra = Math.max(0, (options.chartVersions ?? released) - released);
    const artifacts = Array.from({ length: extra }, (_, i) => ({
      version: `0.${Math.floor(i / 100)}.${i % 100}`,
      created: iso(base - (extra - i) * 3600_000),
    }));
    lastVersion.push(
      released
        ? `v1.0.${released}`
        : artifacts[artifacts.length - 1]?.version ?? '',
    );
    const branches = (options.branches ?? []).map((branch, bi) => {
      const count = branch.builds ?? builds;
      const prefix = `b${bi + 1}-`;
      const branchCommits = Array.from(
        { length: Math.max(1, Math.min(count, 100)) },
        (_, i) => ({
          id: `${prefix}c${i + 1}`,
          message: `Change ${i + 1} of ${name} on ${branch.name}`,
          date: iso(base + i * 3600_000 + 1800_000),
        }),
      );
      let named = 0;
      return {
        name: branch.name,
        from: commits[0].id,
        commits: branchCommits,
        builds: Array.from({ length: count }, (_, i) => {
          const failed = (i + 1) % 7 === 0;
          return {
            number: i + 1,
            commit: `${prefix}c${Math.min(i + 1, branchCommits.length)}`,
            result: failed ? ('FAILURE' as const) : ('SUCCESS' as const),
            version: failed ? undefined : `v1.${bi + 1}.${++named}`,
            timestamp: iso(base + i * 3600_000 + 1860_000),
            publish: false,
          };
        }),
      };
    });
    services.push({
      name,
      description: `Generated service ${s + 1}`,
      codeRepo: { owner: 'bench', name },
      job: { path: `bench/${name}`, type: 'multibranch' },
      image: `bench/${name}`,
      chart: name,
      commits,
      builds: runs,
      branches,
      artifacts,
    });
  }
  const pins: Record<string, string> = {};
  services.forEach((s, i) => {
    if (lastVersion[i]) pins[s.name] = lastVersion[i];
  });
  const environments: WorldInput['environments'] = envs.map(env => ({
    name: env,
    namespace: env,
    configRepo: { owner: 'gitops', name: `config-${env}` },
    deployJob: `deploy/config-${env}`,
    commits: [
      { id: `${env}-1`, message: `Initial ${env}`, date: iso(base), pins },
    ],
    deploys: [
      {
        number: 1,
        commit: `${env}-1`,
        result: 'SUCCESS' as const,
        timestamp: iso(base + 60_000),
      },
    ],
  }));
  return validateWorld({
    name: 'generated',
    services,
    environments,
    history: options.history,
  });
}
