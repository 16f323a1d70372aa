/* eslint-disable no-console */
/**
 * The cost of a cold view (#13 part 5): upstream requests, the warm view, the
 * cold view under injected latency against the measured critical path, and
 * the organisation scenario (many services, one shared cache).
 * Run: `yarn bench:cold` in plugins/delivery-backend (not part of the tests).
 * Measures whatever the code does when it runs; prints markdown; asserts nothing.
 *
 * BENCH_ORG=50,200 (services of the organisation scenario), BENCH_RUNS=5
 * (cold views per latency), BENCH_WARM=200 (sequential warm views),
 * BENCH_SANDBOX=process (default: the sandbox of the world scenarios in a
 * child process; `inline`: in this process).
 */
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  generateWorld,
  randomPorts,
  startSandbox,
  type Sandbox,
} from '@gitops-delivery/sandbox';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDeliveryConfig } from '../src/config';
import { startSandboxProcess } from './sandboxProcess';
import type { DeliveryConfig } from '../src/configTypes';
import {
  memoryCache,
  sandboxAppConfig,
  silentLogger,
} from '../src/__testUtils__/sandboxConfig';
import { DefaultDeliveryViewService } from '../src/services/view';

const LATENCIES = [50, 200];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM = Number(process.env.BENCH_WARM ?? 200);
const ORG = (process.env.BENCH_ORG ?? '50,200')
  .split(',')
  .map(Number)
  .filter(n => n > 0);
const ORG_CONCURRENCY = 20;
/** A view that takes longer stops the bench (with where it was) instead of hanging it. */
const VIEW_TIMEOUT_MS = Number(process.env.BENCH_VIEW_TIMEOUT_MS ?? 60_000);
const benchStart = process.hrtime.bigint();

const silent = silentLogger;

type Counts = {
  total: number;
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
};
type LogEntry = { at: number; upstream: string; route: string; ms?: number };
type Logged = Counts & { log?: LogEntry[]; logDropped?: number };

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[
    Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))
  ];
};
const f = (x: number) => `${x.toFixed(1)} ms`;
/** Routes with shas and long ids shortened, so equal reads group together. */
const short = (route: string) =>
  route
    .replace(/[0-9a-f]{40}/g, '<sha>')
    .replace(/sha256:[0-9a-f]{64}/g, '<digest>');
const byUpstream = (c: Counts) =>
  Object.entries(c.upstreams)
    .sort((a, b) => b[1].total - a[1].total)
    .map(([k, v]) => `${k} ${v.total}`)
    .join(', ');
/** Progress on stderr, so a slow or stuck phase shows where it is. */
const progress = (what: string) =>
  process.stderr.write(
    `[bench:cold +${(ms(benchStart) / 1000).toFixed(1)} s] ${what}\n`,
  );
async function withTimeout<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer in ${VIEW_TIMEOUT_MS} ms`)),
      VIEW_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

/**
 * Where the sandbox of the two world scenarios runs: `process` (default) a
 * child process, so the timings hold only the view's own work; `inline` in
 * this process (its answers then share the view's event loop).
 */
const SANDBOX_MODE = process.env.BENCH_SANDBOX ?? 'process';

function worldSandbox(world: 'default' | 'stakater') {
  return SANDBOX_MODE === 'inline'
    ? startSandbox({
        world,
        ports: randomPorts,
        deployDelayMs: 50,
        buildDelayMs: 50,
      })
    : startSandboxProcess(world);
}

/** One sandbox world and how the view is configured and asked against it. */
interface Scenario {
  label: string;
  sandbox: Pick<Sandbox, 'urls'>;
  config: DeliveryConfig;
  entity: Entity;
}

function entityOf(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/bench',
      lifecycle: 'production',
    },
  };
}

function configOf(
  sandbox: Pick<Sandbox, 'urls'>,
  extra: JsonObject = {},
): DeliveryConfig {
  const app = sandboxAppConfig(sandbox.urls, 10_000);
  return readDeliveryConfig(
    new ConfigReader({
      ...app,
      delivery: { ...(app.delivery as JsonObject), ...extra },
    }),
  );
}

function controlOf(sandbox: Pick<Sandbox, 'urls'>) {
  const url = sandbox.urls.control;
  return {
    reset: async () => {
      await fetch(`${url}/requests`, { method: 'DELETE' });
    },
    counts: async (log = false): Promise<Logged> =>
      (await (
        await fetch(`${url}/requests${log ? '?log=1' : ''}`)
      ).json()) as Logged,
    latency: async (latencyMs: number) => {
      const res = await fetch(`${url}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // every route of every upstream
        body: JSON.stringify({ upstream: '*', kind: 'latency', latencyMs }),
      });
      if (res.status !== 201)
        throw new Error(`fault: ${res.status} ${await res.text()}`);
    },
    clearFaults: async () => {
      await fetch(`${url}/faults`, { method: 'DELETE' });
    },
  };
}

/** A view service as a fresh backend has it: an empty (memory) cache. */
const coldService = (config: DeliveryConfig) =>
  DefaultDeliveryViewService.create({
    config,
    logger: silent,
    cache: memoryCache(),
  });

/** Waves: requests clustered by start time, a new wave after a gap of at least L/2. */
function waves(log: LogEntry[], latencyMs: number): LogEntry[][] {
  const sorted = [...log].sort((a, b) => a.at - b.at);
  const out: LogEntry[][] = [];
  let last = -Infinity;
  for (const e of sorted) {
    if (e.at - last >= latencyMs / 2 || !out.length) out.push([]);
    out[out.length - 1].push(e);
    last = e.at;
  }
  return out;
}

/** When a wave's last response was finished (server clock; `ms` logged by the sandbox). */
const waveEnd = (w: LogEntry[], latencyMs: number) =>
  Math.max(...w.map(e => e.at + (e.ms ?? latencyMs)));

function describeWave(w: LogEntry[], t0: number, latencyMs: number): string {
  const n = new Map<string, number>();
  for (const e of w) {
    const k = `${e.upstream} ${short(e.route)}`;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  const slowest = [...w].sort(
    (a, b) => (b.ms ?? latencyMs) - (a.ms ?? latencyMs),
  )[0];
  return `+${Math.round(w[0].at - t0)} ms, ${
    w.length
  } req, all answered by +${Math.round(
    waveEnd(w, latencyMs) - t0,
  )} ms (slowest ${slowest.upstream} ${short(slowest.route)}: ${Math.round(
    slowest.ms ?? latencyMs,
  )} ms): ${[...n].map(([k, c]) => (c > 1 ? `${k} ×${c}` : k)).join('; ')}`;
}

/**
 * Where a cold view's time went (sums to its time): the injected latency
 * along the waves, the upstreams' own time beyond it (slowest answer of each
 * wave), and the view's own time (before the first request, between a wave's
 * last answer and the next wave, after the last answer).
 */
function breakdown(
  w: LogEntry[][],
  totalMs: number,
  offsetMs: number,
  latencyMs: number,
) {
  if (!w.length) return undefined;
  const called = offsetMs / 2; // getView on the sandbox's clock, ± offset/2
  const starts = w.map(x => x[0].at);
  const ends = w.map(x => waveEnd(x, latencyMs));
  const upstreams = w.reduce(
    (n, _, i) => n + ends[i] - starts[i] - latencyMs,
    0,
  );
  const before = starts[0] - called;
  const between = w
    .slice(1)
    .reduce((n, _, i) => n + starts[i + 1] - ends[i], 0);
  const after = called + totalMs - ends[ends.length - 1];
  return { upstreams, view: before + between + after, before, between, after };
}

interface ScenarioFigures {
  rows: [string, string][];
  routes: string[];
  chains: string[];
}

async function measureScenario(s: Scenario): Promise<ScenarioFigures> {
  const control = controlOf(s.sandbox);
  const envs = s.config.environments.length;
  const target = 2 * envs + 6;
  const rows: [string, string][] = [];

  // the first cold view of the process (JIT, sockets, anything kept per process)
  await control.reset();
  const tFirst = process.hrtime.bigint();
  await withTimeout(
    `${s.label}: first cold view`,
    coldService(s.config).getView(s.entity),
  );
  const firstMs = ms(tFirst);
  const first = await control.counts();

  progress(`${s.label}: cold view`);
  // (1) cold view upstream requests
  await control.reset();
  const t = process.hrtime.bigint();
  const view = await withTimeout(
    `${s.label}: cold view`,
    coldService(s.config).getView(s.entity),
  );
  const coldMs = ms(t);
  const cold = await control.counts();
  const failed = Object.entries(view.sources)
    .filter(([, x]) => x.status === 'error')
    .map(([k]) => k);
  rows.push([
    `cold view: upstream requests (target ≤ 2×${envs}+6 = ${target})`,
    `**${cold.total}** (${byUpstream(cold)}) ${
      cold.total <= target ? 'within' : `**over by ${cold.total - target}**`
    }`,
  ]);
  rows.push([
    'cold view, no injected latency (first view of the process)',
    `${f(coldMs)} (${f(firstMs)}, ${first.total} requests${
      first.total === cold.total ? '' : `: ${byUpstream(first)}`
    })`,
  ]);
  rows.push(['view: failed sources', failed.join(', ') || 'none']);
  const routes: string[] = [];
  for (const [u, { routes: r }] of Object.entries(cold.upstreams))
    for (const [route, n] of Object.entries(r))
      routes.push(`| ${s.label} | ${u} | \`${short(route)}\` | ${n} |`);

  progress(`${s.label}: ${WARM} warm views`);
  // (2) warm view: WARM sequential views on a cache warmed by one view
  const warmSvc = coldService(s.config);
  await withTimeout(`${s.label}: warming view`, warmSvc.getView(s.entity));
  await control.reset();
  const xs: number[] = [];
  const tWarm = process.hrtime.bigint();
  for (let i = 0; i < WARM; i++) {
    const t1 = process.hrtime.bigint();
    await withTimeout(`${s.label}: warm view ${i}`, warmSvc.getView(s.entity));
    xs.push(ms(t1));
  }
  const warmWall = ms(tWarm);
  const warm = await control.counts();
  const warmRoutes = Object.entries(warm.upstreams).flatMap(
    ([u, { routes: r }]) =>
      Object.entries(r).map(([route, n]) => `${u} ${short(route)} ×${n}`),
  );
  rows.push([
    `warm view: upstream requests over ${WARM} sequential views (target 0)`,
    `**${warm.total}** in ${f(warmWall)}${
      warm.total ? ` (${warmRoutes.join('; ')})` : ''
    }`,
  ]);
  rows.push([
    `warm view p50 / p95 server-side, ${WARM} sequential (target p50 < 20 ms)`,
    `**${f(pct(xs, 50))}** / ${f(pct(xs, 95))}`,
  ]);

  // (3) + (4) cold view under latency on every upstream route; waves measured
  const chains: string[] = [];
  for (const latency of LATENCIES) {
    progress(`${s.label}: ${RUNS} cold views at ${latency} ms latency`);
    await control.latency(latency);
    const runs: {
      ms: number;
      waves: LogEntry[][];
      requests: number;
      /** Between `DELETE /requests` and `getView` (~1 ms). */
      offset: number;
    }[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const svc = coldService(s.config);
        const t0 = process.hrtime.bigint();
        await control.reset();
        const t1 = process.hrtime.bigint();
        await withTimeout(
          `${s.label}: cold view at ${latency} ms, run ${i + 1}`,
          svc.getView(s.entity),
        );
        const took = ms(t1);
        const c = await control.counts(true);
        runs.push({
          ms: took,
          waves: waves(c.log ?? [], latency),
          requests: c.total,
          offset: Number(t1 - t0) / 1e6,
        });
      }
    } finally {
      await control.clearFaults();
    }
    const p50 = pct(
      runs.map(r => r.ms),
      50,
    );
    const waveCounts = runs.map(r => r.waves.length);
    // The chain's length: the wave count most runs measured (ties: the
    // shorter), as a busy CPU can delay part of a wave by more than L/2.
    const freq = new Map<number, number>();
    for (const n of waveCounts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const depth = [...freq].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    const critical = depth * latency;
    const ratio = p50 / critical;
    const ratios = runs.map(r => r.ms / (r.waves.length * latency));
    // the chain shown: of the runs with that many waves, the one closest to p50
    const shown = runs
      .filter(r => r.waves.length === depth)
      .sort((a, b) => Math.abs(a.ms - p50) - Math.abs(b.ms - p50))[0];
    rows.push([
      `cold view, ${latency} ms on every upstream route: p50 of ${RUNS} (runs)`,
      `**${f(p50)}** (${runs.map(r => r.ms.toFixed(0)).join(', ')})`,
    ]);
    rows.push([
      `critical path at ${latency} ms: waves × ${latency} ms (waves per run)`,
      `${depth} × ${latency} = ${critical} ms (${waveCounts.join(', ')})`,
    ]);
    rows.push([
      `cold / critical path at ${latency} ms (target ≤ 1.2; per run with its own waves)`,
      `**${ratio.toFixed(2)}** ${ratio <= 1.2 ? 'within' : '**over**'}, ${f(
        p50 - critical,
      )} above the critical path (${ratios.map(r => r.toFixed(2)).join(', ')})`,
    ]);
    const t0 = shown.waves[0]?.[0]?.at ?? 0;
    const b = breakdown(shown.waves, shown.ms, shown.offset, latency);
    const parts = b
      ? `${shown.waves.length} × ${latency} ms injected + ${f(
          b.upstreams,
        )} upstreams beyond the injected latency + ${f(
          b.view,
        )} the view's own (${f(b.before)} before the first request, ${f(
          b.between,
        )} between a wave's last answer and the next wave, ${f(
          b.after,
        )} after the last answer)`
      : 'no requests';
    rows.push([
      `where the time went at ${latency} ms (the run shown below)`,
      `${f(shown.ms)} = ${parts}`,
    ]);
    chains.push(
      `**${s.label}, ${latency} ms** (${shown.requests} requests, ${f(
        shown.ms,
      )} = ${parts}):\n${shown.waves
        .map((w, i) => `${i + 1}. ${describeWave(w, t0, latency)}`)
        .join('\n')}`,
    );
  }
  return { rows, routes, chains };
}

/** Paths of the config repos a world's environments use (`/repos/owner/name`). */
function configRepos(sandbox: Sandbox): string[] {
  return sandbox.engine.world.environments.map(
    e => `${e.configRepo.owner}/${e.configRepo.name}`,
  );
}

async function organisation(services: number): Promise<string[]> {
  progress(`organisation ${services}: starting the sandbox`);
  const world = generateWorld({ services });
  const sandbox = await startSandbox({
    world,
    ports: randomPorts,
    deployDelayMs: 50,
    buildDelayMs: 50,
  });
  const rows: string[] = [];
  try {
    const control = controlOf(sandbox);
    const config = configOf(sandbox);
    const repos = configRepos(sandbox);
    const entities = world.services.map(svc =>
      entityOf(svc.name, {
        'delivery/code-job': `code:bench/${svc.name}/master`,
        'delivery/image': `bench/${svc.name}`,
        'delivery/chart': svc.name,
      }),
    );
    // throwaway: JIT, sockets
    await withTimeout(
      `organisation ${services}: first view`,
      coldService(config).getView(entities[0]),
    );
    for (const concurrency of [1, ORG_CONCURRENCY]) {
      progress(`organisation ${services}: ${concurrency} at a time`);
      // ONE backend: one view service over one shared (empty) cache
      const svc = coldService(config);
      await control.reset();
      const t = process.hrtime.bigint();
      let next = 0;
      let failed = 0;
      const failures = new Map<string, number>();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < entities.length) {
            const e = entities[next++];
            const v = await withTimeout(
              `organisation ${services}: ${e.metadata.name}`,
              svc.getView(e),
            );
            const errors = Object.entries(v.sources).flatMap(([k, x]) =>
              x.status === 'error' ? [`${k}: ${x.error.kind}`] : [],
            );
            if (errors.length) failed++;
            for (const k of errors) failures.set(k, (failures.get(k) ?? 0) + 1);
          }
        }),
      );
      const wall = ms(t);
      const c = await control.counts();
      const gh = c.upstreams.github?.routes ?? {};
      const graphql = gh['POST /api/graphql'] ?? 0;
      const perRepo = repos.map(repo => {
        const mine = Object.entries(gh).filter(([r]) =>
          new RegExp(`/repos/${repo}(/|$)`).test(r),
        );
        const reads = mine.reduce((n, [, k]) => n + k, 0);
        const byRoute = mine
          .map(([r, k]) => {
            const [method, path] = r.split(' ');
            const rest = path.slice(path.indexOf(repo) + repo.length + 1);
            return `${method === 'GET' ? '' : `${method} `}${short(rest)} ${k}`;
          })
          .join(', ');
        return { repo, reads, byRoute };
      });
      const configReads = perRepo.reduce((n, r) => n + r.reads, 0);
      rows.push(
        `| ${services} | ${
          concurrency === 1 ? 'sequential' : `${concurrency} at a time`
        } | ${f(wall)} | ${c.total} | ${(c.total / services).toFixed(
          2,
        )} | ${perRepo
          .map(
            r =>
              `${r.repo.split('/')[1]} **${r.reads}**${
                r.reads ? ` (${r.byRoute})` : ''
              }`,
          )
          .join('; ')} | ${graphql} | ${(
          (configReads + graphql) /
          services
        ).toFixed(2)} | ${byUpstream(c)} | ${failed}${
          failures.size
            ? ` (${[...failures].map(([k, n]) => `${k} ×${n}`).join(', ')})`
            : ''
        } |`,
      );
    }
  } finally {
    await sandbox.stop();
  }
  return rows;
}

function gitInfo(): string[] {
  const root = resolve(__dirname, '../../..');
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap(n => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  const src = resolve(__dirname, '../src');
  const batch = existsSync(src)
    ? walk(src).filter(p => p.endsWith('configRepoBatch.ts'))
    : [];
  const committed = git('ls-files', '--', '*configRepoBatch.ts');
  const dirty = git(
    'status',
    '--porcelain',
    '--',
    'plugins/delivery-backend/src',
  )
    .split('\n')
    .filter(Boolean).length;
  return [
    `commit ${git('log', '-1', '--format=%h %s').slice(0, 100)}`,
    `configRepoBatch.ts: ${
      batch.length ? 'present in the working tree' : 'absent'
    }${batch.length && committed ? ', committed' : ''}${
      batch.length && !committed ? ', not committed' : ''
    }; ${dirty} uncommitted change(s) under plugins/delivery-backend/src`,
  ];
}

async function main() {
  const started = process.hrtime.bigint();
  const header = [
    ...gitInfo(),
    `sandbox: ${
      SANDBOX_MODE === 'inline' ? 'in this process' : 'a child process'
    } (BENCH_SANDBOX=${SANDBOX_MODE})`,
    `loadavg at start: ${loadavg()}`,
  ];

  const tables: string[] = [];
  const routeRows: string[] = [];
  const chains: string[] = [];

  // default world (xposer, 3 environments)
  {
    const sandbox = await worldSandbox('default');
    try {
      const r = await measureScenario({
        label: 'default world, xposer',
        sandbox,
        config: configOf(sandbox),
        entity: entityOf('xposer', {
          'delivery/code-job': 'code:stakater/xposer/master',
          'delivery/image': 'stakater/xposer',
          'delivery/chart': 'xposer',
        }),
      });
      tables.push(table('default world, xposer (3 environments)', r.rows));
      routeRows.push(...r.routes);
      chains.push(...r.chains);
    } finally {
      await sandbox.stop();
    }
  }
  // stakater world (inventory; hostAliases: its SSH host is the sandbox GitHub)
  {
    const sandbox = await worldSandbox('stakater');
    try {
      const r = await measureScenario({
        label: 'stakater world, inventory',
        sandbox,
        config: configOf(sandbox, {
          hostAliases: [
            {
              host: new URL(sandbox.urls.github).host,
              aliases: ['git.sandbox.internal'],
            },
          ],
        }),
        entity: entityOf('inventory', {
          'delivery/code-job': 'code:stakater/inventory/master',
          'delivery/image': 'stakater/inventory',
          'delivery/chart': 'inventory',
        }),
      });
      tables.push(table('stakater world, inventory (3 environments)', r.rows));
      routeRows.push(...r.routes);
      chains.push(...r.chains);
    } finally {
      await sandbox.stop();
    }
  }
  // (5) the organisation scenario
  const org: string[] = [];
  for (const n of ORG) org.push(...(await organisation(n)));

  console.log(`\n## Cold view benchmark (bench:cold)\n`);
  for (const h of header) console.log(`- ${h}`);
  console.log(
    `- loadavg at end: ${loadavg()}; total bench time ${f(ms(started))}\n`,
  );
  for (const t of tables) console.log(t);
  console.log(
    `### Cold view requests by upstream and route\n\n| world | upstream | route | n |\n|---|---|---|---|\n${routeRows.join(
      '\n',
    )}\n`,
  );
  console.log(
    `### Critical path: waves of dependent upstream requests (start times; a new wave after a gap ≥ L/2)\n\n${chains.join(
      '\n\n',
    )}\n`,
  );
  console.log(
    `### Organisation scenario: every service viewed once cold, one backend, one shared memory cache\n\n` +
      `Config-repo reads = GitHub requests whose route names the config repo (by route after the repo, query ignored); ` +
      `cache TTLs: 30 s (\`delivery.cache.ttlSeconds\`), open PRs 5 s, files at a commit 1 h; ` +
      `graphql = \`POST /api/graphql\` (any repo). Target: each config file read once per repo per cache period.\n\n` +
      `| services | views | wall | requests | per service | config-repo reads per repo | graphql | config reads per service | by upstream | views with a failed source |\n|---|---|---|---|---|---|---|---|---|---|\n${org.join(
        '\n',
      )}\n`,
  );
}

function table(title: string, rows: [string, string][]): string {
  return `### ${title}\n\n| figure | value |\n|---|---|\n${rows
    .map(([k, v]) => `| ${k} | ${v} |`)
    .join('\n')}\n`;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
