/* eslint-disable no-console */
/**
 * The load test (#13 part 3) against the two replicas that scripts/replicas.sh
 * started, on loopback, half the connections on each replica. Scenarios
 * (LOAD_SCENARIOS, default `view,overview`, run one after the other):
 * - `view`: the Delivery view of xposer, warmed once;
 * - `overview`: the organisation page (`GET /overview`; also `notInSync` and
 *   a search) at LOAD_SERVICES generated services: writeReplicaConfig.ts put
 *   them in the catalog, this script seeds their snapshot rows through the
 *   delivery backend's own store (the rows the history collector writes).
 * Prints p50/p99/max per replica, errors, the upstream requests the sandbox
 * counted during each run and each replica's RSS.
 *
 *   yarn bench:replicas   (root; LOAD_SERVICES defaults to 2000 there)
 * Knobs: LOAD_CONNECTIONS (50), LOAD_DURATION_S (30, per run),
 * REPLICAS_CPU_PROF=<dir> (a CPU profile of replica A per run).
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { okJson, poll, requestJson } from './http';
import { LOAD_LABEL, loadServices, seedLoadSnapshots } from './loadWorld';
import { readReplicaEnv, type ReplicaEnv } from './replicaEnv';
import { HISTORY_TASK_ID, readDeliveryTask } from './sharedState';
import { readRequestCounts, routesAdded } from './upstreamRequests';

const ENTITY = '/api/delivery/entities/default/component/xposer';
const OVERVIEW = '/api/delivery/overview';
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 30);
const SCENARIOS = (process.env.LOAD_SCENARIOS ?? 'view,overview')
  .split(',')
  .map(s => s.trim())
  .filter(Boolean);
const SERVICES = loadServices();

/** The overview's runs: the first page, the not-in-sync filter, a search. */
const OVERVIEW_RUNS = [
  { what: 'first page (50 rows)', path: OVERVIEW },
  { what: 'notInSync, 100 rows', path: `${OVERVIEW}?notInSync=true&limit=100` },
  { what: 'search', path: `${OVERVIEW}?search=service-01` },
];

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

/** CPU time (user + system) a process has used, in ms (Linux /proc, 100 ticks/s). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime
}

/** One autocannon run on both replicas at once, printed as a table. */
async function measure(
  env: ReplicaEnv,
  title: string,
  path: string,
  headers: Record<string, string>,
): Promise<boolean> {
  const before = await readRequestCounts(env.sandboxControlUrl);
  const rssBefore = env.replicas.map(r => rssMiB(r.pid));
  const cpuBefore = env.replicas.map(r => cpuMs(r.pid));
  const profiling = Boolean(process.env.REPLICAS_CPU_PROF);
  if (profiling) process.kill(env.replicas[0].pid, 'SIGUSR2');
  const started = Date.now();
  const results = await Promise.all(
    env.replicas.map(r =>
      autocannon({
        url: `${r.url}${path}`,
        connections: CONNECTIONS / env.replicas.length,
        duration: DURATION_S,
        headers,
      }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  if (profiling) process.kill(env.replicas[0].pid, 'SIGUSR2');
  const after = await readRequestCounts(env.sandboxControlUrl);
  const rssAfter = env.replicas.map(r => rssMiB(r.pid));
  const cpu = env.replicas.map((r, i) => cpuMs(r.pid) - cpuBefore[i]);

  console.log(
    `\n${title} GET ${path}: ${CONNECTIONS} connections (${
      CONNECTIONS / env.replicas.length
    } per replica) for ${DURATION_S} s (${seconds.toFixed(1)} s measured)\n`,
  );
  console.log(
    '| replica | requests | req/s | p50 ms | p99 ms | max ms | errors | non-2xx | RSS before -> after (peak) MiB | CPU s (ms/request) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  results.forEach((res, i) => {
    console.log(
      `| ${env.replicas[i].name} | ${res.requests.total} | ${Math.round(
        res.requests.average,
      )} | ${res.latency.p50} | ${res.latency.p99} | ${res.latency.max} | ${
        res.errors + res.timeouts
      } | ${res.non2xx} | ${rssBefore[i].rss} -> ${rssAfter[i].rss} (${
        rssAfter[i].peak
      }) | ${(cpu[i] / 1000).toFixed(1)} (${(
        cpu[i] / Math.max(1, res.requests.total)
      ).toFixed(1)}) |`,
    );
  });
  console.log(
    `\nupstream requests during the run: ${after.total - before.total}`,
  );
  for (const route of routesAdded(before, after)) console.log(`  ${route}`);
  return results.every(r => r.errors + r.timeouts + r.non2xx === 0);
}

/** Until the catalog (shared by both replicas) has every generated Component. */
async function waitForCatalog(
  env: ReplicaEnv,
  headers: Record<string, string>,
) {
  const [label, value] = Object.entries(LOAD_LABEL)[0];
  const url = `${env.replicas[0].url}/api/catalog/entities/by-query?limit=1&filter=metadata.labels.${label}=${value}`;
  const t0 = Date.now();
  let seen = 0;
  await poll(
    `the catalog to ingest ${SERVICES} generated services`,
    900_000,
    async () => {
      seen = (await okJson<{ totalItems: number }>(url, { headers }))
        .totalItems;
      return seen >= SERVICES ? true : undefined;
    },
    2000,
  );
  console.log(
    `catalog: ${seen} generated services ingested ${(
      (Date.now() - t0) /
      1000
    ).toFixed(0)} s after the replicas were up`,
  );
}

/** Seeds the generated services' snapshot rows in the shared database. */
async function seedOverview(env: ReplicaEnv) {
  const t0 = Date.now();
  await seedLoadSnapshots(env.postgresUrl, SERVICES);
  console.log(
    `seeded ${SERVICES} snapshot rows in ${((Date.now() - t0) / 1000).toFixed(
      1,
    )} s`,
  );
}

async function main() {
  for (const s of SCENARIOS) {
    if (s !== 'view' && s !== 'overview')
      throw new Error(`LOAD_SCENARIOS: unknown scenario ${s} (view, overview)`);
  }
  const overview = SCENARIOS.includes('overview');
  if (overview && SERVICES === 0) {
    throw new Error(
      'the overview scenario needs LOAD_SERVICES (set when the replicas start; yarn bench:replicas sets 2000)',
    );
  }
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
  if (overview) await waitForCatalog(env, headers);

  // The collector is idle and its next run is after every measured run: the
  // figures are the routes' alone, and the seeded snapshots stay (a run
  // drops the snapshots of entities without delivery annotations).
  const runs =
    (SCENARIOS.includes('view') ? 1 : 0) +
    (overview ? OVERVIEW_RUNS.length : 0);
  const needMs = (runs * (DURATION_S + 5) + 30) * 1000;
  await poll('a collector pause longer than the runs', 600_000, async () => {
    const task = await readDeliveryTask(env.postgresUrl, HISTORY_TASK_ID);
    const left = task.nextRunStartAt.getTime() - Date.now();
    return !task.running && left > needMs ? true : undefined;
  });
  const taskBefore = await readDeliveryTask(env.postgresUrl, HISTORY_TASK_ID);
  if (overview) await seedOverview(env);

  let ok = true;
  if (SCENARIOS.includes('view')) {
    for (const r of env.replicas)
      await requestJson(`${r.url}${ENTITY}`, { headers });
    ok = (await measure(env, 'Warm view', ENTITY, headers)) && ok;
  }
  if (overview) {
    for (const run of OVERVIEW_RUNS) {
      // warm: the snapshot list and the caller's catalog read filter
      for (const r of env.replicas) {
        const res = await okJson<{ total: number; statusCounts: unknown }>(
          `${r.url}${run.path}`,
          { headers },
        );
        if (run.path === OVERVIEW) {
          if (res.total < SERVICES)
            throw new Error(
              `replica ${r.name}: the overview has ${res.total} services, not ${SERVICES}`,
            );
          console.log(
            `\noverview on replica ${r.name}: ${
              res.total
            } services, ${JSON.stringify(res.statusCounts)}`,
          );
        }
      }
      ok =
        (await measure(
          env,
          `Organisation page, ${run.what},`,
          run.path,
          headers,
        )) && ok;
    }
  }

  const taskAfter = await readDeliveryTask(env.postgresUrl, HISTORY_TASK_ID);
  if (
    taskAfter.running ||
    taskAfter.nextRunStartAt.getTime() !== taskBefore.nextRunStartAt.getTime()
  ) {
    console.error('FAILED: the history collector ran during the load test');
    ok = false;
  }
  if (!ok) {
    console.error('FAILED: the load test had errors');
    process.exitCode = 1;
  }
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
