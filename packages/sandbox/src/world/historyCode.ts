import { publishedVersions } from './derive';
import { versionsBelow } from './historyVersions';
import type { SeededRandom } from './seededRandom';
import type {
  WorldBuild,
  WorldCommit,
  WorldHistory,
  WorldService,
} from './types';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A version the generated history released: when its build ended and from which commit. */
export interface HistoryRelease {
  version: string;
  /** End of the build that published it (epoch ms). */
  publishedAt: number;
}

/** The generated code history of one service (to put before its own commits and builds). */
export interface ServiceHistory {
  commits: WorldCommit[];
  builds: WorldBuild[];
  releases: HistoryRelease[];
}

const developers = [
  { name: 'Ana Lima', email: 'ana.lima@sandbox.example' },
  { name: 'Ben Okafor', email: 'ben.okafor@sandbox.example' },
  { name: 'Chloe Martin', email: 'chloe.martin@sandbox.example' },
  { name: 'Dev Patel', email: 'dev.patel@sandbox.example' },
];
const changes = [
  'Handle empty responses',
  'Add a readiness probe',
  'Tune the connection pool',
  'Log the request id',
  'Validate the input earlier',
  'Upgrade the HTTP client',
  'Cache the configuration',
  'Add metrics for retries',
  'Fix the time zone of reports',
  'Remove a dead code path',
];

/**
 * Code history of a service between `from` and `to`: about `releasesPerWeek` releases a week,
 * each carrying one to three commits written in the hours before its build; a build fails
 * with `buildFailureRate` (a fix commit and a successful build follow). Versions are older
 * than the service's first own version (see versionsBelow), builds are numbered from 1.
 */
export function serviceHistory(
  service: WorldService,
  history: WorldHistory,
  window: { from: number; to: number },
  random: SeededRandom,
): ServiceHistory {
  const weeks = (window.to - window.from) / (7 * DAY);
  const oldest = publishedVersions(service)[0]?.version ?? '1.0.0';
  const versions = versionsBelow(
    oldest,
    Math.max(1, Math.round(weeks * history.releasesPerWeek)),
  );
  const out: ServiceHistory = { commits: [], builds: [], releases: [] };
  const step = (window.to - window.from) / Math.max(1, versions.length);
  let build = 0;
  const commit = (at: number, message: string) => {
    const id = `${service.name}-h${out.commits.length + 1}`;
    out.commits.push({
      id,
      message,
      date: iso(at),
      author: random.pick(developers),
    });
    return id;
  };
  versions.forEach((version, i) => {
    let at = Math.round(window.from + (i + 0.2 + random.next() * 0.6) * step);
    const count = random.int(1, 3);
    let head = '';
    for (let c = count; c > 0; c--)
      head = commit(
        at - c * random.int(1, 8) * HOUR,
        `${random.pick(changes)} (${service.name})`,
      );
    if (random.chance(history.buildFailureRate)) {
      out.builds.push({
        number: ++build,
        commit: head,
        result: 'FAILURE',
        timestamp: iso(at),
        durationMs: random.int(2, 5) * 60_000,
      });
      at += random.int(1, 4) * HOUR;
      head = commit(at - 30 * 60_000, `Fix the failing test (${service.name})`);
    }
    const durationMs = random.int(3, 8) * 60_000;
    out.builds.push({
      number: ++build,
      commit: head,
      result: 'SUCCESS',
      version,
      timestamp: iso(at),
      durationMs,
    });
    out.releases.push({ version, publishedAt: at + durationMs });
  });
  return out;
}
