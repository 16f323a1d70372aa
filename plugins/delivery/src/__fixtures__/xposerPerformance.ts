import type {
  DeliveryPerformance,
  DoraBand,
  DoraChange,
  DoraDeploy,
  DoraIncident,
  DoraTrendPoint,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * Recorded production history of `xposer`, as the backend would serve it:
 * history since 2026-06-15, a production deploy every 3 to 6 days, each
 * carrying one to three commits, with a failed deploy, a rollback and a
 * drift episode now and then. {@link xposerPerformance} cuts a period out of
 * it and derives every figure from the rows it returns, so a figure always
 * matches its drill-down.
 */

const GHE = 'http://127.0.0.1:7105';
const DEPLOY_JOB = 'http://127.0.0.1:7102/job/deploy-prod';
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** The fixture's "now": the end of every period. */
export const PERFORMANCE_NOW = '2026-11-29T00:00:00.000Z';
/** The oldest recorded event. */
export const PERFORMANCE_HISTORY_SINCE = '2026-06-15T09:00:00.000Z';

const iso = (ms: number) => new Date(ms).toISOString();
const sha = (n: number, salt: number) =>
  ((n * 2654435761 + salt * 40503) >>> 0).toString(16).padStart(8, '0') +
  'a1b2c3d4e5f60718293a4b5c6d7e8f90'.slice(0, 32);

const MESSAGES = [
  'Fix flaky readiness probe',
  'Add /healthz endpoint',
  'Bump Go to 1.23',
  'Retry ingress watch on 410 Gone',
  'Log the reconciled route',
  'Cache service lookups',
  'Handle TLS secret rotation',
];

interface History {
  deploys: DoraDeploy[];
  changes: DoraChange[];
  incidents: DoraIncident[];
}

function buildHistory(): History {
  const deploys: DoraDeploy[] = [];
  const changes: DoraChange[] = [];
  const incidents: DoraIncident[] = [];
  const gaps = [4, 3, 6, 5, 3, 4];
  let at = Date.parse(PERFORMANCE_HISTORY_SINCE);
  let minor = 0;
  const end = Date.parse(PERFORMANCE_NOW);
  for (let i = 0; at < end - DAY; i += 1) {
    const version = `v0.0.${minor + 1}`;
    const previousVersion = minor > 0 ? `v0.0.${minor}` : undefined;
    const configSha = sha(i, 7);
    const base: DoraDeploy = {
      environment: 'prod',
      run: {
        number: 100 + i,
        url: `${DEPLOY_JOB}/${100 + i}/`,
        result: 'SUCCESS',
      },
      startedAt: iso(at),
      finishedAt: iso(at + 4 * 60 * 1000),
      version,
      previousVersion,
      configCommit: {
        sha: configSha,
        url: `${GHE}/gitops/xposer-prod/commit/${configSha}`,
        pullRequest: {
          number: 40 + i,
          url: `${GHE}/gitops/xposer-prod/pull/${40 + i}`,
          mergedBy: i % 3 === 0 ? 'ahmed.waleed' : 'rasheed.amir',
        },
      },
    };
    let deploy = base;
    if (i % 9 === 4) {
      deploy = {
        ...base,
        run: { ...base.run, result: 'FAILURE' },
        failure: {
          kind: 'deploy-failed',
          detail: `Deploy run #${
            100 + i
          } failed: helm upgrade timed out waiting for xposer to become ready`,
        },
      };
      incidents.push({
        environment: 'prod',
        status: 'deploy-failed',
        startedAt: iso(at + 4 * 60 * 1000),
        restoredAt: iso(at + 7 * HOUR),
        restoreHours: 7,
        detail: `Deploy run #${100 + i} failed; restored by deploy run #${
          101 + i
        }`,
      });
    } else if (i % 11 === 7) {
      deploy = {
        ...base,
        failure: {
          kind: 'rolled-back',
          detail: `Rolled back to v0.0.${minor} by PR #${
            41 + i
          } two hours later`,
        },
      };
    } else if (i % 13 === 10) {
      deploy = {
        ...base,
        failure: {
          kind: 'status-after-deploy',
          detail:
            'prod drifted 5 h after the deploy: the image was changed by hand (kubectl set image)',
        },
      };
      incidents.push({
        environment: 'prod',
        status: 'drifted',
        startedAt: iso(at + 5 * HOUR),
        restoredAt: iso(at + 5 * HOUR + 26 * HOUR),
        restoreHours: 26,
        detail: 'Image changed by hand; restored by a re-sync (deploy run)',
      });
    }
    deploys.push(deploy);
    if (deploy.run.result === 'SUCCESS') {
      const carried = (i % 3) + 1;
      for (let c = 0; c < carried; c += 1) {
        const lead = 6 + ((i * 7 + c * 13) % 60);
        const commitSha = sha(i, 100 + c);
        changes.push({
          sha: commitSha,
          shortSha: commitSha.slice(0, 7),
          message: MESSAGES[(i + c) % MESSAGES.length],
          url: `${GHE}/stakater/xposer/commit/${commitSha}`,
          committedAt: iso(at + 4 * 60 * 1000 - lead * HOUR),
          version,
          runningAt: iso(at + 4 * 60 * 1000),
          runningVia: i % 2 === 0 ? 'cluster' : 'deployRun',
          leadTimeHours: lead,
        });
      }
      minor += 1;
    }
    at += gaps[i % gaps.length] * DAY + ((i * 37) % 300) * 60 * 1000;
  }
  // one episode still open: staging-like drift seen in prod yesterday
  incidents.push({
    environment: 'prod',
    status: 'drifted',
    startedAt: iso(end - 20 * HOUR),
    detail: 'Running image v0.0.19 differs from the pinned v0.0.20',
  });
  return { deploys, changes, incidents };
}

const HISTORY = buildHistory();

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function p90(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)
  ];
}

function buckets(from: number, to: number, step: number): number[] {
  const starts: number[] = [];
  for (let t = from; t < to; t += step) starts.push(t);
  return starts;
}

function trend<T>(
  from: number,
  to: number,
  step: number,
  rows: T[],
  time: (row: T) => string,
  value: (rows: T[]) => number | null,
): DoraTrendPoint[] {
  return buckets(from, to, step).map(start => ({
    date: iso(start).slice(0, 10),
    value: value(
      rows.filter(r => {
        const t = Date.parse(time(r));
        return t >= start && t < start + step;
      }),
    ),
  }));
}

const frequencyBand = (perWeek: number): DoraBand => {
  if (perWeek >= 7) return 'elite';
  if (perWeek >= 1) return 'high';
  if (perWeek >= 0.25) return 'medium';
  return 'low';
};
const hoursBand = (hours: number | null): DoraBand | undefined => {
  if (hours === null) return undefined;
  if (hours < 24) return 'elite';
  if (hours < 24 * 7) return 'high';
  if (hours < 24 * 30) return 'medium';
  return 'low';
};
const rateBand = (rate: number | null): DoraBand | undefined => {
  if (rate === null) return undefined;
  if (rate <= 0.05) return 'elite';
  if (rate <= 0.15) return 'high';
  if (rate <= 0.3) return 'medium';
  return 'low';
};

/** The four keys of xposer in prod over the last `days` days. */
export function xposerPerformance(days: number = 30): DeliveryPerformance {
  const to = Date.parse(PERFORMANCE_NOW);
  const from = to - days * DAY;
  const inPeriod = (t: string) => Date.parse(t) >= from && Date.parse(t) < to;
  const deploys = HISTORY.deploys.filter(d => inPeriod(d.startedAt));
  const succeeded = deploys.filter(d => d.run.result === 'SUCCESS');
  const changes = HISTORY.changes.filter(c => inPeriod(c.runningAt));
  const incidents = HISTORY.incidents.filter(i => inPeriod(i.startedAt));
  const restored = incidents.filter(i => i.restoreHours !== undefined);
  const failed = deploys.filter(d => d.failure);
  const perDay = succeeded.length / days;
  const leadMedian = median(changes.map(c => c.leadTimeHours));
  const rate = deploys.length ? failed.length / deploys.length : null;
  const restoreMedian = median(restored.map(i => i.restoreHours!));
  const weekStart = to - Math.ceil(days / 7) * 7 * DAY;
  return {
    entityRef: 'component:default/xposer',
    environment: 'prod',
    period: { days, from: iso(from), to: iso(to) },
    historySince: PERFORMANCE_HISTORY_SINCE,
    collectedAt: '2026-11-28T23:55:00.000Z',
    deploymentFrequency: {
      count: succeeded.length,
      perDay,
      perWeek: perDay * 7,
      band: frequencyBand(perDay * 7),
      trend: trend(
        from,
        to,
        DAY,
        succeeded,
        d => d.startedAt,
        r => r.length,
      ),
      deploys: succeeded,
    },
    leadTime: {
      medianHours: leadMedian,
      p90Hours: p90(changes.map(c => c.leadTimeHours)),
      band: hoursBand(leadMedian),
      trend: trend(
        weekStart,
        to,
        7 * DAY,
        changes,
        c => c.runningAt,
        r => median(r.map(c => c.leadTimeHours)),
      ),
      changes,
    },
    changeFailureRate: {
      rate,
      failed: failed.length,
      total: deploys.length,
      band: rateBand(rate),
      trend: trend(
        weekStart,
        to,
        7 * DAY,
        deploys,
        d => d.startedAt,
        r => (r.length ? r.filter(d => d.failure).length / r.length : null),
      ),
      deploys,
    },
    timeToRestore: {
      medianHours: restoreMedian,
      band: hoursBand(restoreMedian),
      trend: trend(
        weekStart,
        to,
        7 * DAY,
        restored,
        i => i.restoredAt!,
        r => median(r.map(i => i.restoreHours!)),
      ),
      incidents,
    },
  };
}

/** A service whose collector has run but recorded no production deploy yet. */
export function emptyPerformance(days: number = 30): DeliveryPerformance {
  const to = Date.parse(PERFORMANCE_NOW);
  const from = to - days * DAY;
  return {
    entityRef: 'component:default/payments-api',
    environment: 'prod',
    period: { days, from: iso(from), to: iso(to) },
    historySince: '2026-11-27T08:00:00.000Z',
    collectedAt: '2026-11-28T23:55:00.000Z',
    deploymentFrequency: {
      count: 0,
      perDay: 0,
      perWeek: 0,
      trend: trend(
        from,
        to,
        DAY,
        [],
        () => '',
        () => null,
      ),
      deploys: [],
    },
    leadTime: { medianHours: null, p90Hours: null, trend: [], changes: [] },
    changeFailureRate: {
      rate: null,
      failed: 0,
      total: 0,
      trend: [],
      deploys: [],
    },
    timeToRestore: { medianHours: null, trend: [], incidents: [] },
  };
}
