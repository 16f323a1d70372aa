/* eslint-disable no-console */
/**
 * Benchmark of the organisation overview (`GET /overview`) at 2,000
 * services x 5 environments of recorded snapshots, and of the performance
 * route (`GET .../performance?days=180`) on 270 days of one service's
 * history. Run: `yarn tsx bench/overviewBench.ts` in plugins/delivery-backend
 * (not part of the tests, ~2.5 min). Prints figures; asserts nothing.
 *
 * One process: Backstage's test backend with the real catalog (2,000
 * components from a file location), the history routes over
 * DatabaseHistoryStore on the plugin's SQLite database, and the client.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DeliveryConfig } from '../src/configTypes';
import { DatabaseHistoryStore } from '../src/database/history';
import { createReadGuard } from '../src/routes/guards';
import { createHistoryRouter } from '../src/routes/historyRoutes';
import {
  catalogFile,
  overviewWorld,
  seedSnapshots,
} from '../src/__testUtils__/overviewWorld';
import { benchHistory } from './benchHistory';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 2000);
const REQUESTS = Number(process.env.BENCH_N ?? 200);
const ENVIRONMENTS = ['dev', 'qa', 'staging', 'preprod', 'prod'];
const NOW = new Date('2026-11-29T12:00:00Z');
const HISTORY_DAYS = 270; // 180-day period + 90 days of context

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x: number) => `${x.toFixed(1)} ms`;
/** `Server-Timing` parts by name (`snapshots;dur=1.2, catalog;dur=0.1` -> { snapshots: 1.2, ... }). */
const serverTiming = (header: string | null): Record<string, number> =>
  Object.fromEntries(
    (header ?? '')
      .split(',')
      .map(part => /^\s*(\w+);dur=([\d.]+)/.exec(part))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(m => [m[1], Number(m[2])]),
  );

async function main() {
  const started = process.hrtime.bigint();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-overview-'));
  const { snapshots, entities } = overviewWorld({
    services: SERVICES,
    environments: ENVIRONMENTS,
  });
  fs.writeFileSync(path.join(dir, 'entities.yaml'), catalogFile(entities));

  let store: DatabaseHistoryStore | undefined;
  const plugin = createBackendPlugin({
    pluginId: 'delivery',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          logger: coreServices.logger,
          database: coreServices.database,
          catalog: catalogServiceRef,
        },
        async init({ httpRouter, httpAuth, logger, database, catalog }) {
          store = await DatabaseHistoryStore.create({ database });
          httpRouter.use(
            await createHistoryRouter({
              logger,
              httpAuth,
              catalog,
              config: {
                environments: ENVIRONMENTS.map(name => ({ name })),
                history: {
                  productionEnvironment: 'prod',
                  changeFailureWindowHours: 24,
                },
              } as unknown as Pick<DeliveryConfig, 'environments' | 'history'>,
              readEntity: createReadGuard({ httpAuth, catalog }),
              history: store,
              now: () => NOW,
            }),
          );
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      plugin,
      catalogPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              { type: 'file', target: path.join(dir, 'entities.yaml') },
            ],
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${(server.address() as AddressInfo).port}/api`;
  const user = (name = 'guest') => ({
    Authorization: mockCredentials.user.header(`user:default/${name}`),
  });
  const startup = ms(started);

  // seed the store directly: one snapshot per service, 270 days of one service's events
  let t = process.hrtime.bigint();
  await seedSnapshots(store!, snapshots);
  const seededSnapshots = ms(t);
  const history = benchHistory(snapshots[0].entityRef, {
    days: HISTORY_DAYS,
    now: NOW,
  });
  t = process.hrtime.bigint();
  await store!.putDeploys(history.deploys);
  await store!.putPinChanges(history.pinChanges);
  await store!.putChanges(history.changes);
  for (const o of history.observations) await store!.observe(o);
  const seedHistory = ms(t);

  // wait until the catalog has processed every component
  t = process.hrtime.bigint();
  for (;;) {
    const res = await fetch(`${base}/delivery/overview?limit=1`, {
      headers: user('warmup'),
    });
    const body = (await res.json()) as { total: number };
    if (body.total === SERVICES) break;
    await new Promise(r => setTimeout(r, 1000));
    await fetch(`${base}/delivery/overview?limit=1`, {
      headers: user(`w${Date.now()}`),
    });
  }
  const catalogReady = ms(t);

  const measure = async (
    url: string,
    headers: () => Record<string, string>,
  ) => {
    const http: number[] = [];
    const serverSide: number[] = [];
    const parts: Record<string, number[]> = {};
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = process.hrtime.bigint();
      const res = await fetch(url, { headers: headers() });
      const text = await res.text();
      http.push(ms(t0));
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text}`);
      const timing = serverTiming(res.headers.get('server-timing'));
      serverSide.push(Object.values(timing).reduce((a, b) => a + b, 0));
      for (const [k, v] of Object.entries(timing)) (parts[k] ??= []).push(v);
      bytes = text.length;
    }
    return { http, serverSide, parts, bytes };
  };
  /** `server p50 / p99; HTTP p50 / p99; p50 of each Server-Timing part`. */
  const figures = (r: Awaited<ReturnType<typeof measure>>) =>
    `server ${f(pct(r.serverSide, 50))} / ${f(pct(r.serverSide, 99))}; HTTP ${f(
      pct(r.http, 50),
    )} / ${f(pct(r.http, 99))} (p50 of ${Object.entries(r.parts)
      .map(([k, v]) => `${k} ${f(pct(v, 50))}`)
      .join(', ')})`;

  const page = await measure(`${base}/delivery/overview`, () => user());
  const notInSync = await measure(
    `${base}/delivery/overview?notInSync=true&limit=100`,
    () => user(),
  );
  const filtered = await measure(
    `${base}/delivery/overview?owner=group:default/team-7&status=drifted&search=service`,
    () => user(),
  );
  let n = 0;
  const uncached = await measure(`${base}/delivery/overview`, () =>
    user(`user-${n++}`),
  );
  // what one uncached read of the snapshots costs (the route reuses it for 5 s)
  const listTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = process.hrtime.bigint();
    await store!.listSnapshots();
    listTimes.push(ms(t0));
  }
  const fullPage = await fetch(`${base}/delivery/overview?limit=500`, {
    headers: user(),
  }).then(r => r.text());
  const perf = await measure(
    `${base}/delivery/entities/default/component/service-0001/performance?days=180`,
    () => user(),
  );
  const perfBody = JSON.parse(
    await fetch(
      `${base}/delivery/entities/default/component/service-0001/performance?days=180`,
      { headers: user() },
    ).then(r => r.text()),
  );
  const overview = JSON.parse(
    await fetch(`${base}/delivery/overview?limit=1`, { headers: user() }).then(
      r => r.text(),
    ),
  );

  const rows: [string, string][] = [
    [
      'world',
      `${SERVICES} services x ${ENVIRONMENTS.length} environments (snapshots in SQLite, components in the catalog)`,
    ],
    ['backend start-up', f(startup)],
    ['seed 2,000 snapshots (putSnapshot each)', f(seededSnapshots)],
    [
      `seed ${HISTORY_DAYS} days of one service`,
      `${f(seedHistory)} (${history.deploys.length} deploys, ${
        history.pinChanges.length
      } pin changes, ${history.changes.length} commits, ${
        history.observations.length
      } observations)`,
    ],
    ['catalog ready (2,000 components processed)', f(catalogReady)],
    ['overview: statusCounts', JSON.stringify(overview.statusCounts)],
    [`${REQUESTS} x GET /overview (50 rows), p50 / p99`, figures(page)],
    [
      `${REQUESTS} x GET /overview?notInSync=true&limit=100`,
      figures(notInSync),
    ],
    [`${REQUESTS} x GET /overview?owner&status&search`, figures(filtered)],
    [
      `${REQUESTS} x GET /overview, a new user each (catalog by-refs for 2,000 refs every time)`,
      figures(uncached),
    ],
    [
      '50 x DatabaseHistoryStore.listSnapshots() (2,000 rows), p50 / p99',
      `${f(pct(listTimes, 50))} / ${f(pct(listTimes, 99))}`,
    ],
    [
      'overview response, 50 rows / 500 rows',
      `${(page.bytes / 1024).toFixed(1)} KiB / ${(
        fullPage.length / 1024
      ).toFixed(1)} KiB JSON (${(gzipSync(fullPage).length / 1024).toFixed(
        1,
      )} KiB gzip)`,
    ],
    [`${REQUESTS} x GET .../performance?days=180`, figures(perf)],
    [
      'performance: deploys / changes / incidents counted',
      `${perfBody.deploymentFrequency.count} / ${
        perfBody.leadTime.changes.length
      } / ${perfBody.timeToRestore.incidents.length}; ${(
        perf.bytes / 1024
      ).toFixed(1)} KiB JSON`,
    ],
    ['total bench time', f(ms(started))],
  ];
  const width = Math.max(...rows.map(r => r[0].length));
  console.log(
    '\nOverview and performance benchmark (server-side = Server-Timing sum)\n',
  );
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(
    `\n| figure | value |\n|---|---|\n${rows
      .map(([k, v]) => `| ${k} | ${v} |`)
      .join('\n')}`,
  );
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
