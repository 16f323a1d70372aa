/**
 * The DORA figures of `worlds/dora.yaml`, worked out by hand (see the comments on each list),
 * for production (`prod`, the last environment) of the release `orders`, a period of 30 days
 * ending at {@link DORA_WORLD_NOW}, and a failure window of 24 hours.
 *
 * Start the sandbox with `now: DORA_WORLD_NOW` and every date below is served as written.
 * Started at another time, every date moves by `worldTimeShift(world, now)` and the figures
 * stay the same (pass `now` = the sandbox's start as the period's end).
 *
 * Definitions (the product's; production = the last environment):
 * - Deployment frequency: SUCCESS prod deploy runs whose config commit pins a version of the
 *   release other than the version of the previous SUCCESS prod deploy run (a re-sync of the
 *   same pin does not count; a rollback does). Per day = count / days; per week = count / (days / 7).
 * - Lead time: for every code commit a version carries (after the previous version's build
 *   commit, up to and including its own build commit), from the commit's date to the version's
 *   first seen running in prod: the end (timestamp + duration) of the first SUCCESS prod deploy
 *   run whose config commit pins it. A change counts when that moment is in the period. Median,
 *   and p90 by nearest rank (the ceil(0.9 n)-th smallest).
 * - Change failure rate: among prod deploy runs that brought a new version (SUCCESS or FAILURE;
 *   "new" as for the frequency: other than the previous SUCCESS run's version), those that
 *   FAILED, or whose version was rolled back (a later prod pin to an older version) within the
 *   window after the run ended, or that were followed within the window by a deploy-failed or
 *   drifted observation; divided by all of them.
 * - Time to restore: from the end of the first FAILURE prod deploy run (or a drifted
 *   observation) to the end of the next SUCCESS prod deploy run (or an in-sync observation).
 *   Median of the restored incidents. Every run of this world lasts 10 minutes, so measuring
 *   from start to start gives the same hours.
 *
 * The prod drift (`orders` set by hand to 1.0.5, labels 1.0.6) cannot be seen in the past
 * through any upstream: a collector observes it when it first reads the cluster. It is then
 * an open incident (no restore, not in the median), and the last prod deploy (#11, ended
 * 2026-05-27T15:00Z) is more than 24 h before any such observation, so it changes no figure.
 * @public
 */
export const DORA_WORLD_NOW = '2026-06-01T12:00:00Z';

/** A prod deploy run of the dora world as the figures count it. @public */
export interface DoraExpectedDeploy {
  /** Run number of `deploy/config-prod`. */
  run: number;
  result: 'SUCCESS' | 'FAILURE';
  startedAt: string;
  finishedAt: string;
  /** Version of `orders` pinned by the deployed config commit. */
  version: string;
  /** Version of the previous SUCCESS prod deploy run. */
  previousVersion: string;
  /** World id of the deployed config commit (`sandbox.engine.generation.store.commitSha`). */
  configCommit: string;
  /** The merged promotion pull request behind the config commit (none: a direct push). */
  pullRequest?: { number: number; mergedBy: string };
  failure?: {
    kind: 'deploy-failed' | 'rolled-back' | 'status-after-deploy';
    detail: string;
  };
}

/** One code commit counted by the lead time. @public */
export interface DoraExpectedChange {
  /** World id of the code commit in `shop/orders`. */
  commit: string;
  message: string;
  committedAt: string;
  version: string;
  /** The prod deploy run whose end is the version's first seen running. */
  run: number;
  runningAt: string;
  runningVia: 'deployRun';
  leadTimeHours: number;
}

/** One failure episode counted by the time to restore. @public */
export interface DoraExpectedIncident {
  status: 'deploy-failed';
  /** The failed run that started it and the SUCCESS run that ended it. */
  failedRun: number;
  restoredBy: number;
  startedAt: string;
  restoredAt: string;
  restoreHours: number;
}

/** Every prod deploy run of the dora world lasts 10 minutes. */
const RUN_MS = 10 * 60 * 1000;

function isoNoMillis(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function deploy(
  run: number,
  result: 'SUCCESS' | 'FAILURE',
  startedAt: string,
  version: string,
  previousVersion: string,
  configCommit: string,
  pullRequest?: { number: number; mergedBy: string },
): DoraExpectedDeploy {
  return {
    run,
    result,
    startedAt,
    finishedAt: isoNoMillis(Date.parse(startedAt) + RUN_MS),
    version,
    previousVersion,
    configCommit,
    ...(pullRequest ? { pullRequest } : {}),
  };
}

function change(
  commit: string,
  message: string,
  committedAt: string,
  version: string,
  run: number,
  runningAt: string,
  leadTimeHours: number,
): DoraExpectedChange {
  return {
    commit,
    message,
    committedAt,
    version,
    run,
    runningAt,
    runningVia: 'deployRun',
    leadTimeHours,
  };
}

/** The expected DORA figures of `worlds/dora.yaml`. @public */
export const doraExpected = {
  world: 'dora',
  release: 'orders',
  codeRepo: { owner: 'shop', repo: 'orders' },
  configRepo: { owner: 'gitops', repo: 'config-prod', branch: 'main' },
  environment: 'prod',
  now: DORA_WORLD_NOW,
  days: 30,
  failureWindowHours: 24,
  period: { from: '2026-05-02T12:00:00Z', to: DORA_WORLD_NOW },
  deploymentFrequency: {
    count: 7,
    perDay: 7 / 30,
    perWeek: 7 / (30 / 7),
    /**
     * #1 (2026-04-17) is before the period; #4 re-deploys 1.0.2 (no change); #5 and #10
     * failed. #8 (the rollback to 1.0.3) changed the version, so it counts.
     */
    deploys: [
      deploy(2, 'SUCCESS', '2026-05-06T09:50:00Z', '1.0.1', '1.0.0', 'p02', {
        number: 1,
        mergedBy: 'alice',
      }),
      deploy(3, 'SUCCESS', '2026-05-08T08:50:00Z', '1.0.2', '1.0.1', 'p03', {
        number: 2,
        mergedBy: 'bob',
      }),
      deploy(6, 'SUCCESS', '2026-05-13T11:50:00Z', '1.0.3', '1.0.2', 'p04', {
        number: 3,
        mergedBy: 'alice',
      }),
      deploy(7, 'SUCCESS', '2026-05-19T08:50:00Z', '1.0.4', '1.0.3', 'p05', {
        number: 4,
        mergedBy: 'bob',
      }),
      deploy(8, 'SUCCESS', '2026-05-19T15:50:00Z', '1.0.3', '1.0.4', 'p06'),
      deploy(9, 'SUCCESS', '2026-05-23T09:50:00Z', '1.0.5', '1.0.3', 'p07', {
        number: 5,
        mergedBy: 'alice',
      }),
      deploy(11, 'SUCCESS', '2026-05-27T14:50:00Z', '1.0.6', '1.0.5', 'p08', {
        number: 6,
        mergedBy: 'bob',
      }),
    ] as DoraExpectedDeploy[],
  },
  leadTime: {
    /** 11 changes; sorted hours 19 22 23 23 25 26 30 44 45 49 51: median the 6th, p90 the ceil(9.9) = 10th. */
    medianHours: 26,
    p90Hours: 49,
    changes: [
      change(
        'o03',
        'Validate the delivery address',
        '2026-05-04T09:00:00Z',
        '1.0.1',
        2,
        '2026-05-06T10:00:00Z',
        49,
      ),
      change(
        'o04',
        'Store the customer reference',
        '2026-05-04T13:00:00Z',
        '1.0.1',
        2,
        '2026-05-06T10:00:00Z',
        45,
      ),
      change(
        'o05',
        'Return 409 on a duplicate order',
        '2026-05-05T08:00:00Z',
        '1.0.1',
        2,
        '2026-05-06T10:00:00Z',
        26,
      ),
      change(
        'o06',
        'Add the refunds endpoint',
        '2026-05-07T10:00:00Z',
        '1.0.2',
        3,
        '2026-05-08T09:00:00Z',
        23,
      ),
      change(
        'o07',
        'Fix the refunds endpoint test',
        '2026-05-07T14:00:00Z',
        '1.0.2',
        3,
        '2026-05-08T09:00:00Z',
        19,
      ),
      // 1.0.3: #5 failed, so #6 is its first SUCCESS run (#8 deploys it again later).
      change(
        'o08',
        'Page the order list',
        '2026-05-11T09:00:00Z',
        '1.0.3',
        6,
        '2026-05-13T12:00:00Z',
        51,
      ),
      change(
        'o09',
        'Index orders by customer',
        '2026-05-11T16:00:00Z',
        '1.0.3',
        6,
        '2026-05-13T12:00:00Z',
        44,
      ),
      change(
        'o10',
        'Switch to the new payment client',
        '2026-05-18T10:00:00Z',
        '1.0.4',
        7,
        '2026-05-19T09:00:00Z',
        23,
      ),
      change(
        'o11',
        'Revert to the old payment client',
        '2026-05-22T09:00:00Z',
        '1.0.5',
        9,
        '2026-05-23T10:00:00Z',
        25,
      ),
      change(
        'o12',
        'Log refund reasons',
        '2026-05-22T12:00:00Z',
        '1.0.5',
        9,
        '2026-05-23T10:00:00Z',
        22,
      ),
      change(
        'o13',
        'Read the tax rate from config',
        '2026-05-26T09:00:00Z',
        '1.0.6',
        11,
        '2026-05-27T15:00:00Z',
        30,
      ),
    ] as DoraExpectedChange[],
  },
  changeFailureRate: {
    failed: 3,
    total: 9,
    rate: 3 / 9,
    /** Every prod run of a new version in the period: the frequency's seven plus the failed #5 and #10. */
    deploys: [
      deploy(2, 'SUCCESS', '2026-05-06T09:50:00Z', '1.0.1', '1.0.0', 'p02', {
        number: 1,
        mergedBy: 'alice',
      }),
      deploy(3, 'SUCCESS', '2026-05-08T08:50:00Z', '1.0.2', '1.0.1', 'p03', {
        number: 2,
        mergedBy: 'bob',
      }),
      {
        ...deploy(
          5,
          'FAILURE',
          '2026-05-13T09:50:00Z',
          '1.0.3',
          '1.0.2',
          'p04',
          {
            number: 3,
            mergedBy: 'alice',
          },
        ),
        failure: { kind: 'deploy-failed', detail: 'deploy run #5 FAILURE' },
      },
      deploy(6, 'SUCCESS', '2026-05-13T11:50:00Z', '1.0.3', '1.0.2', 'p04', {
        number: 3,
        mergedBy: 'alice',
      }),
      {
        ...deploy(
          7,
          'SUCCESS',
          '2026-05-19T08:50:00Z',
          '1.0.4',
          '1.0.3',
          'p05',
          {
            number: 4,
            mergedBy: 'bob',
          },
        ),
        failure: {
          kind: 'rolled-back',
          detail:
            'pinned back to 1.0.3 at 2026-05-19T15:00:00Z (p06), 6 h after the run ended',
        },
      },
      deploy(8, 'SUCCESS', '2026-05-19T15:50:00Z', '1.0.3', '1.0.4', 'p06'),
      deploy(9, 'SUCCESS', '2026-05-23T09:50:00Z', '1.0.5', '1.0.3', 'p07', {
        number: 5,
        mergedBy: 'alice',
      }),
      {
        ...deploy(
          10,
          'FAILURE',
          '2026-05-27T08:50:00Z',
          '1.0.6',
          '1.0.5',
          'p08',
          {
            number: 6,
            mergedBy: 'bob',
          },
        ),
        failure: { kind: 'deploy-failed', detail: 'deploy run #10 FAILURE' },
      },
      deploy(11, 'SUCCESS', '2026-05-27T14:50:00Z', '1.0.6', '1.0.5', 'p08', {
        number: 6,
        mergedBy: 'bob',
      }),
    ] as DoraExpectedDeploy[],
  },
  timeToRestore: {
    /** Median of 2 h and 6 h. */
    medianHours: 4,
    incidents: [
      {
        status: 'deploy-failed',
        failedRun: 5,
        restoredBy: 6,
        startedAt: '2026-05-13T10:00:00Z',
        restoredAt: '2026-05-13T12:00:00Z',
        restoreHours: 2,
      },
      {
        status: 'deploy-failed',
        failedRun: 10,
        restoredBy: 11,
        startedAt: '2026-05-27T09:00:00Z',
        restoredAt: '2026-05-27T15:00:00Z',
        restoreHours: 6,
      },
    ] as DoraExpectedIncident[],
  },
};
