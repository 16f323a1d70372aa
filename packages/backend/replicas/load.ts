/* eslint-disable no-console */
/**
 * The warm-view load test (#13 part 3) against the two replicas that
 * scripts/replicas.sh started: the Delivery view of xposer, warmed once, then
 * autocannon with 50 connections for 30 s on loopback (half on each replica).
 * Prints p50/p99 per replica, errors, the upstream requests the sandbox
 * counted during the run and each replica's RSS.
 *
 *   yarn bench:replicas   (root)
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { okJson, poll, requestJson } from './http';
import { readReplicaEnv } from './replicaEnv';
import { HISTORY_TASK_ID, readDeliveryTask } from './sharedState';
import { readRequestCounts, routesAdded } from './upstreamRequests';

const ENTITY = '/api/delivery/entities/default/component/xposer';
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 30);

/** Resident set size and its peak of a process, in MiB (Linux /proc). */
function rssMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return {
    rss: Math.round(kb('VmRSS') / 1024),
    peak: Math.round(kb('VmHWM') / 1024),
  };
}

async function main() {
  const env = readReplicaEnv();
  const { token } = (
    await okJson<{ backstageIdentity: { token: string } }>(
      `${env.replicas[0].url}/api/auth/guest/refresh?env=development`,
    )
  ).backstageIdentity;
  const headers = { authorization: `Bearer ${token}` };
  for (const r of env.replicas) {
    // the catalog has xposer, and the view is warm in the shared cache
    await poll(`the view on replica ${r.name}`, 180_000, async () =>
      (await requestJson(`${r.url}${ENTITY}`, { headers })).status === 200
        ? true
        : undefined,
    );
  }
  // the collector's first run (15 s after start) is over and the next one is
  // after the run: the figures are the view's alone
  await poll('a collector pause longer than the run', 300_000, async () => {
    const task = await readDeliveryTask(env.postgresUrl, HISTORY_TASK_ID);
    const left = task.nextRunStartAt.getTime() - Date.now();
    return !task.running && left > (DURATION_S + 15) * 1000 ? true : undefined;
  });
  for (const r of env.replicas)
    await requestJson(`${r.url}${ENTITY}`, { headers });
  const before = await readRequestCounts(env.sandboxControlUrl);
  const rssBefore = env.replicas.map(r => rssMiB(r.pid));
  const started = Date.now();
  const results = await Promise.all(
    env.replicas.map(r =>
      autocannon({
        url: `${r.url}${ENTITY}`,
        connections: CONNECTIONS / env.replicas.length,
        duration: DURATION_S,
        headers,
      }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const after = await readRequestCounts(env.sandboxControlUrl);
  const rssAfter = env.replicas.map(r => rssMiB(r.pid));

  console.log(
    `\nWarm view GET ${ENTITY}: ${CONNECTIONS} connections (${
      CONNECTIONS / env.replicas.length
    } per replica) for ${DURATION_S} s (${seconds.toFixed(1)} s measured)\n`,
  );
  console.log(
    '| replica | requests | req/s | p50 ms | p99 ms | max ms | errors | non-2xx | RSS before -> after (peak) MiB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  results.forEach((res, i) => {
    console.log(
      `| ${env.replicas[i].name} | ${res.requests.total} | ${Math.round(
        res.requests.average,
      )} | ${res.latency.p50} | ${res.latency.p99} | ${res.latency.max} | ${
        res.errors + res.timeouts
      } | ${res.non2xx} | ${rssBefore[i].rss} -> ${rssAfter[i].rss} (${
        rssAfter[i].peak
      }) |`,
    );
  });
  const added = routesAdded(before, after);
  console.log(
    `\nupstream requests during the run: ${after.total - before.total}`,
  );
  for (const route of added) console.log(`  ${route}`);
  const failed = results.some(r => r.errors + r.timeouts + r.non2xx > 0);
  if (failed) {
    console.error('FAILED: the load test had errors');
    process.exitCode = 1;
  }
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
