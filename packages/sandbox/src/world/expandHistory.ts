import {
  environmentHistory,
  planChanges,
  type PlannedChange,
} from './historyConfig';
import { DAY, serviceHistory, type ServiceHistory } from './historyCode';
import { oldestEvent } from './relativeTime';
import { seededRandom } from './seededRandom';
import { releasesOf, type World, type WorldEnvironment } from './types';

/** Releases (aliases) an environment deploys in the world's own commits. */
function aliasesIn(env: WorldEnvironment): Set<string> {
  return new Set(env.commits.flatMap(c => Object.keys(c.pins)));
}

/**
 * Expands a world's `history:` section: generated builds, config commits and deploy runs from
 * `months` before the world's oldest event, each job's until two days before its own first
 * event (a service's first commit, build or artifact; an environment's first commit or run).
 * The world's own events stay
 * as they are (same commits, pins, dates, results and order), so its present state does not
 * change, except that Jenkins numbers its own runs after the history's (run N becomes N + the
 * number of history runs of that job) and open pull requests come after the merged ones.
 * Seeded: the same section gives the same history. Returns the world without `history`.
 * @public
 */
export function expandHistory(world: World): World {
  const history = world.history;
  if (!history) return world;
  const oldest = oldestEvent(world);
  if (oldest === undefined) return { ...world, history: undefined };
  // History starts `months` before the world's oldest event; each job's history runs on until
  // two days before that job's own first event (its run numbers must come before them).
  const from = oldest - 2 * DAY - history.months * 30 * DAY;
  const until = (part: unknown) => (oldestEvent(part) ?? oldest) - 2 * DAY;
  const random = seededRandom(history.seed);

  const code = new Map<string, ServiceHistory>();
  for (const s of world.services)
    code.set(
      s.name,
      serviceHistory(s, history, { from, to: until(s) }, random),
    );

  // When each release reaches each environment (per service, for all its aliases).
  const plans = new Map<string, Map<string, PlannedChange[]>>();
  for (const s of world.services)
    plans.set(
      s.name,
      planChanges(
        world.environments,
        releasesOf(s),
        code.get(s.name)!.releases,
        history,
        random,
      ),
    );

  const environments = world.environments.map((env, ei) => {
    const has = aliasesIn(env);
    const planned: PlannedChange[] = [];
    const initialPins: Record<string, string> = {};
    for (const s of world.services) {
      const releases = code.get(s.name)!.releases;
      if (releases.length === 0) continue;
      for (const a of releasesOf(s).filter(x => has.has(x)))
        initialPins[a] = releases[0].version;
      for (const change of plans.get(s.name)!.get(env.name)!) {
        const aliases = change.releases.filter(x => has.has(x));
        if (aliases.length > 0) planned.push({ ...change, releases: aliases });
      }
    }
    if (Object.keys(initialPins).length === 0) return env;
    const firstPublished = Math.max(
      ...[...code.values()].map(h => h.releases[0]?.publishedAt ?? from),
    );
    const generated = environmentHistory(
      env,
      ei === world.environments.length - 1,
      { at: firstPublished + (ei + 1) * 60 * 60_000, pins: initialPins },
      planned,
      history,
      until(env),
      random,
    );
    const shift = generated.deploys.length;
    return {
      ...env,
      commits: [...generated.commits, ...env.commits],
      deploys: [
        ...generated.deploys,
        ...env.deploys.map(d => ({ ...d, number: d.number + shift })),
      ],
    };
  });

  const services = world.services.map(s => {
    const h = code.get(s.name)!;
    const shift = h.builds.length;
    return {
      ...s,
      commits: [...h.commits, ...s.commits],
      builds: [
        ...h.builds,
        ...s.builds.map(b => ({ ...b, number: b.number + shift })),
      ],
    };
  });
  return { ...world, history: undefined, services, environments };
}
