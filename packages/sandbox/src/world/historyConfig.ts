import { DAY, HOUR, iso, type HistoryRelease } from './historyCode';
import type { SeededRandom } from './seededRandom';
import type {
  WorldConfigCommit,
  WorldDeployRun,
  WorldEnvironment,
  WorldHistory,
} from './types';

/** A pin change planned for one environment (applied in time order by environmentHistory). */
export interface PlannedChange {
  at: number;
  /** Release aliases and the version they get. */
  releases: string[];
  version: string;
  /** `pr`: merged promotion pull request; `push`: direct push. */
  kind: 'pr' | 'push';
}

/** The generated config history of one environment (to put before its own commits and runs). */
export interface EnvironmentHistory {
  commits: WorldConfigCommit[];
  deploys: WorldDeployRun[];
}

const MINUTE = 60_000;

/**
 * When each release reaches each environment: the first environment gets every release by
 * direct push within the hour; with `promotionRate` a release then moves one environment a day
 * further, through merged pull requests (or a direct push with `directPushRate`).
 */
export function planChanges(
  environments: WorldEnvironment[],
  aliases: string[],
  releases: HistoryRelease[],
  history: WorldHistory,
  random: SeededRandom,
): Map<string, PlannedChange[]> {
  const plan = new Map<string, PlannedChange[]>(
    environments.map(e => [e.name, []]),
  );
  releases.forEach((r, i) => {
    if (i === 0) return; // the first release is the environments' initial pin
    let at = r.publishedAt + random.int(10, 50) * MINUTE;
    plan.get(environments[0].name)!.push({
      at,
      releases: aliases,
      version: r.version,
      kind: 'push',
    });
    if (!random.chance(history.promotionRate)) return;
    for (const env of environments.slice(1)) {
      at += DAY + random.int(-3, 3) * HOUR;
      plan.get(env.name)!.push({
        at,
        releases: aliases,
        version: r.version,
        kind: random.chance(history.directPushRate) ? 'push' : 'pr',
      });
    }
  });
  return plan;
}

/**
 * Config commits and deploy runs of one environment from its planned changes, in time order
 * (a change waits until the previous one's runs ended): each commit is deployed within
 * minutes; a run fails with `deployFailureRate` and a re-run succeeds hours later. In the last
 * (production) environment a release is pinned back to the previous version within hours
 * with `rollbackRate` (a direct push), and a drift episode (`driftRate`) ends with a re-sync
 * run of the same commit. Commit ids are `<env>-h<N>`, runs are numbered from 1.
 */
export function environmentHistory(
  env: WorldEnvironment,
  production: boolean,
  initial: { at: number; pins: Record<string, string> },
  changes: PlannedChange[],
  history: WorldHistory,
  until: number,
  random: SeededRandom,
): EnvironmentHistory {
  const out: EnvironmentHistory = { commits: [], deploys: [] };
  const pinned: Record<string, string> = { ...initial.pins };
  let cursor = initial.at;
  const run = (commit: string, at: number, result: 'SUCCESS' | 'FAILURE') => {
    const durationMs = random.int(2, 6) * MINUTE;
    out.deploys.push({
      number: out.deploys.length + 1,
      commit,
      result,
      timestamp: iso(at),
      durationMs,
    });
    cursor = at + durationMs + MINUTE;
  };
  const deploy = (commit: string, at: number) => {
    if (random.chance(history.deployFailureRate)) {
      run(commit, at, 'FAILURE');
      run(commit, cursor + random.int(1, 6) * HOUR, 'SUCCESS');
    } else run(commit, at, 'SUCCESS');
  };
  const commit = (
    at: number,
    message: string,
    pins: Record<string, string>,
    pull?: WorldConfigCommit['pull'],
  ) => {
    const id = `${env.name}-h${out.commits.length + 1}`;
    out.commits.push({
      id,
      message,
      date: iso(at),
      pins,
      valuesTags: {},
      pull,
    });
    Object.assign(pinned, pins);
    return id;
  };
  deploy(
    commit(initial.at, `Initial ${env.name} umbrella chart`, initial.pins),
    initial.at + random.int(1, 5) * MINUTE,
  );
  for (const change of [...changes].sort((a, b) => a.at - b.at)) {
    const at = Math.max(change.at, cursor);
    if (at > until) break;
    const previous = pinned[change.releases[0]];
    const pins = Object.fromEntries(
      change.releases.map(r => [r, change.version]),
    );
    const name = change.releases.join(', ');
    const pull =
      change.kind === 'pr'
        ? {
            mergedBy: random.pick(history.mergers),
            user: 'delivery-bot',
            openedAt: iso(at - random.int(1, 20) * HOUR),
            branch:
              change.releases.length > 1
                ? `delivery/${env.name}/${change.releases[0]}-${change.version}`
                : undefined,
          }
        : undefined;
    const message =
      change.kind === 'pr'
        ? `Promote ${name} ${previous} -> ${change.version} to ${env.name}`
        : `Bump ${name} to ${change.version}`;
    const id = commit(at, message, pins, pull);
    deploy(id, at + random.int(1, 5) * MINUTE);
    if (production && previous && random.chance(history.rollbackRate)) {
      const back = cursor + random.int(2, 8) * HOUR;
      const rollback = commit(
        back,
        `Roll back ${name} to ${previous}`,
        Object.fromEntries(change.releases.map(r => [r, previous])),
      );
      run(rollback, back + random.int(1, 5) * MINUTE, 'SUCCESS');
    }
    if (production && random.chance(history.driftRate))
      // Someone changed the cluster by hand; a re-sync of the same commit put it back.
      run(
        out.commits[out.commits.length - 1].id,
        cursor + random.int(3, 20) * HOUR,
        'SUCCESS',
      );
  }
  return out;
}
