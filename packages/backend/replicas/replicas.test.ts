/* eslint-disable no-console */
/**
 * Two replicas of packages/backend on one PostgreSQL and one Redis, one
 * sandbox (started by scripts/replicas.sh): promotes, re-syncs, the history
 * collector and the view cache behave as on one machine. Real HTTP
 * everywhere, a real user token (the guest sign-in of replica A, verified by
 * replica B through the keys in the shared database).
 *
 *   yarn test:replicas   (root; scripts/replicas.sh node --import tsx --test ...)
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { collectorRunsBetween } from './collectorRuns';
import { okJson, poll, requestJson } from './http';
import { readReplicaEnv } from './replicaEnv';
import { HISTORY_TASK_ID, readDeliveryTask, redisCommand } from './sharedState';
import { readRequestCounts, routesAdded } from './upstreamRequests';

const env = readReplicaEnv();
const [A, B] = env.replicas;
const ENTITY = '/api/delivery/entities/default/component/xposer';
let token = '';

interface EnvironmentView {
  name: string;
  pinnedVersion?: string;
}
const auth = () => ({ authorization: `Bearer ${token}` });
const view = (url: string) =>
  okJson<{ environments: EnvironmentView[] }>(`${url}${ENTITY}`, {
    headers: auth(),
  });
const requestCounts = () => readRequestCounts(env.sandboxControlUrl);
const github = <T>(path: string) =>
  okJson<T>(`${env.githubApiUrl}${path}`, {
    headers: { authorization: `token ${env.githubToken}` },
  });
const deployJob = (job: string) =>
  okJson<{
    nextBuildNumber: number;
    inQueue: boolean;
    lastBuild?: { building: boolean };
  }>(
    `${env.deployJenkinsUrl}/job/deploy/job/${job}/api/json?tree=nextBuildNumber,inQueue,lastBuild[building]`,
    { headers: { authorization: env.deployJenkinsAuth } },
  ).then(j => ({ ...j, building: j.lastBuild?.building ?? false }));

before(async () => {
  const session = await okJson<{ backstageIdentity: { token: string } }>(
    `${A.url}/api/auth/guest/refresh?env=development`,
  );
  token = session.backstageIdentity.token;
  // both replicas read the catalog (filled by either) and answer the view
  for (const r of env.replicas) {
    await poll(
      `xposer in the catalog of replica ${r.name}`,
      180_000,
      async () =>
        (
          await requestJson(
            `${r.url}/api/catalog/entities/by-name/component/default/xposer`,
            { headers: auth() },
          )
        ).status === 200
          ? true
          : undefined,
    );
  }
});

describe('two replicas on one PostgreSQL and one Redis', () => {
  it('20 concurrent promotes split across both replicas open exactly one pull request', async () => {
    const { environments } = await view(A.url);
    const version = environments.find(e => e.name === 'staging')?.pinnedVersion;
    const prodPin = environments.find(e => e.name === 'prod')?.pinnedVersion;
    assert.ok(version, 'staging has a pinned version');
    assert.notEqual(version, prodPin, 'prod is behind staging');
    const pulls = () =>
      github<{ number: number; head: { ref: string } }[]>(
        '/repos/gitops/config-prod/pulls?state=all&per_page=100',
      );
    const before_ = await pulls();
    assert.equal(
      before_.filter(p => p.head.ref.startsWith('delivery/prod/')).length,
      0,
      'no promotion to prod yet: the test needs the fresh world scripts/replicas.sh starts',
    );

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        requestJson<{ number: number; branch: string; created: boolean }>(
          `${(i % 2 ? B : A).url}${ENTITY}/promotions`,
          {
            method: 'POST',
            headers: auth(),
            body: { environment: 'prod', version },
          },
        ),
      ),
    );
    const statuses = results.map(r => r.status);
    assert.ok(
      statuses.every(s => s >= 200 && s < 300),
      `every promote succeeded: ${statuses.join(',')} ${JSON.stringify(
        results.find(r => r.status >= 300)?.body,
      )}`,
    );
    const numbers = new Set(results.map(r => r.body.number));
    assert.equal(numbers.size, 1, `one PR number: ${[...numbers].join(',')}`);
    assert.equal(results.filter(r => r.body.created).length, 1, 'one created');

    const after = await pulls();
    const opened = after.filter(p => !before_.some(b => b.number === p.number));
    assert.equal(opened.length, 1, 'exactly one new pull request on GitHub');
    assert.equal(opened[0].number, [...numbers][0]);
    console.log(
      `promotes: 20 (10 per replica) -> PR #${opened[0].number} (${
        opened[0].head.ref
      }), statuses ${[...new Set(statuses)].join('/')}`,
    );
  });

  it('a re-sync storm across both replicas queues one deploy run', async () => {
    const job = 'config-staging';
    const idle = await poll(
      'the staging deploy job idle',
      120_000,
      async () => {
        const s = await deployJob(job);
        return !s.inQueue && !s.building ? s : undefined;
      },
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        requestJson<{ queued: boolean; queueUrl: string }>(
          `${(i % 2 ? B : A).url}${ENTITY}/resync`,
          { method: 'POST', headers: auth(), body: { environment: 'staging' } },
        ),
      ),
    );
    const statuses = results.map(r => r.status);
    assert.ok(
      statuses.every(s => s === 200 || s === 202),
      `every re-sync answered 200/202: ${statuses.join(',')}`,
    );
    // the queue item leaves the queue when its quiet period is over
    const settled = await poll(
      'the deploy queue drained',
      120_000,
      async () => {
        const s = await deployJob(job);
        return s.inQueue ? undefined : s;
      },
    );
    assert.equal(
      settled.nextBuildNumber - idle.nextBuildNumber,
      1,
      `one deploy run (build numbers ${idle.nextBuildNumber} -> ${settled.nextBuildNumber})`,
    );
    console.log(
      `re-syncs: 20 -> 1 deploy run (#${idle.nextBuildNumber}); ${
        statuses.filter(s => s === 202).length
      } answered "queued", ${
        statuses.filter(s => s === 200).length
      } "already running or queued"`,
    );
  });

  it('the history collector runs once per interval, not once per replica', async () => {
    const intervalMs = env.intervalMinutes * 60_000;
    const intervals = 4;
    const from = new Date();
    const windowMs = intervals * intervalMs;
    await new Promise(r => setTimeout(r, windowMs + 2_000));
    const runs = collectorRunsBetween(
      env.replicas.map(r => ({ replica: r.name, log: r.log })),
      from,
      new Date(from.getTime() + windowMs),
    );
    const perReplica = Object.fromEntries(
      env.replicas.map(r => [
        r.name,
        runs.filter(x => x.replica === r.name).length,
      ]),
    );
    console.log(
      `collector: ${runs.length} runs in ${
        windowMs / 1000
      } s at an interval of ${intervalMs / 1000} s (A ${perReplica.A}, B ${
        perReplica.B
      })`,
    );
    // once per interval: `intervals` runs, give or take the window's edges;
    // once per replica would be twice that
    assert.ok(
      runs.length >= intervals - 1 && runs.length <= intervals + 1,
      `${runs.length} runs in ${intervals} intervals`,
    );
    for (let i = 1; i < runs.length; i++) {
      const gap = runs[i].at.getTime() - runs[i - 1].at.getTime();
      assert.ok(
        gap >= intervalMs / 2,
        `runs ${gap} ms apart (${runs[i - 1].replica} then ${runs[i].replica})`,
      );
    }
  });

  it('a view served by replica A after replica B warmed the cache makes 0 upstream requests', async () => {
    // Between two collector runs (they read upstreams too), from a cold cache.
    for (let attempt = 1; ; attempt++) {
      const task = await poll(
        'a pause between collector runs',
        120_000,
        async () => {
          const t = await readDeliveryTask(env.postgresUrl, HISTORY_TASK_ID);
          return !t.running && t.nextRunStartAt.getTime() - Date.now() > 6_000
            ? t
            : undefined;
        },
        250,
      );
      assert.equal(await redisCommand(env.redisUrl, 'FLUSHALL'), '+OK');
      const start = await requestCounts();
      const warm = await view(B.url);
      const afterB = await requestCounts();
      const served = await view(A.url);
      const afterA = await requestCounts();
      const after = await readDeliveryTask(env.postgresUrl, HISTORY_TASK_ID);
      if (
        after.running ||
        after.nextRunStartAt.getTime() !== task.nextRunStartAt.getTime()
      ) {
        assert.ok(attempt < 3, 'a collector run overlapped every attempt');
        continue;
      }
      const cold = afterB.total - start.total;
      assert.ok(cold > 0, 'replica B read the upstreams (the cache was cold)');
      assert.equal(
        afterA.total - afterB.total,
        0,
        `replica A made no upstream request; it made: ${routesAdded(
          afterB,
          afterA,
        ).join(', ')}`,
      );
      assert.deepEqual(served.environments, warm.environments);
      console.log(
        `view: replica B cold ${cold} upstream requests, then replica A 0`,
      );
      return;
    }
  });
});
