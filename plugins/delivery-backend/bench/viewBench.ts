/* eslint-disable no-console */
/**
 * Benchmark of the delivery view on a large generated sandbox world.
 * Run: `yarn bench` in plugins/delivery-backend (not part of the tests).
 * Prints figures; asserts nothing.
 */
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  generateWorld,
  randomPorts,
  startSandbox,
  validateWorld,
} from '@gitops-delivery/sandbox';
import { gzipSync } from 'node:zlib';
import { readDeliveryConfig } from '../src/config';
import {
  memoryCache,
  sandboxAppConfig,
  silentLogger,
} from '../src/__testUtils__/sandboxConfig';
import { DefaultDeliveryViewService } from '../src/services/view';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 200);
const BUILDS = Number(process.env.BENCH_BUILDS ?? 1000);
const CHARTS = Number(process.env.BENCH_CHARTS ?? 500);
const SEQUENTIAL = Number(process.env.BENCH_N ?? 30);
const CONCURRENT = 20;

const silent = silentLogger;

/** 200 small services plus one (service-001) with 1,000 builds and 500 charts. */
function benchWorld() {
  const small = generateWorld({
    services: SERVICES,
    buildsPerService: 5,
    chartVersions: 10,
  });
  const big = generateWorld({
    services: 1,
    buildsPerService: BUILDS,
    chartVersions: CHARTS,
  });
  return validateWorld({
    ...small,
    services: [big.services[0], ...small.services.slice(1)],
  });
}

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'service-001',
    namespace: 'default',
    annotations: {
      'delivery/code-job': 'code:bench/service-001/master',
      'delivery/image': 'bench/service-001',
      'delivery/chart': 'service-001',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/bench',
    lifecycle: 'production',
  },
};

type Counts = {
  total: number;
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
};

/** The routes a view made more often than another (`github GET /repos/.../tags +1`). */
function extraRoutes(more: Counts, less: Counts): string[] {
  const out: string[] = [];
  for (const [u, { routes }] of Object.entries(more.upstreams)) {
    for (const [r, n] of Object.entries(routes)) {
      const d = n - (less.upstreams[u]?.routes[r] ?? 0);
      if (d > 0) out.push(`${u} ${r.replace(/[0-9a-f]{40}/g, '<sha>')} +${d}`);
    }
  }
  return out;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const started = process.hrtime.bigint();
  const world = benchWorld();
  const big = world.services[0];
  const charts =
    big.builds.filter(b => b.version).length + (big.artifacts?.length ?? 0);
  const sandbox = await startSandbox({
    world,
    ports: randomPorts,
    deployDelayMs: 50,
    buildDelayMs: 50,
  });
  const startup = ms(started);
  const control = async (method: string, path: string): Promise<unknown> => {
    const text = await (
      await fetch(`${sandbox.urls.control}${path}`, { method })
    ).text();
    return text ? JSON.parse(text) : undefined;
  };
  try {
    const config = readDeliveryConfig(
      new ConfigReader(sandboxAppConfig(sandbox.urls, 10_000)),
    );
    const uncached = DefaultDeliveryViewService.create({
      config,
      logger: silent,
    });
    const cached = DefaultDeliveryViewService.create({
      config,
      logger: silent,
      cache: memoryCache(),
    });

    // cold view + upstream request counts (after one throwaway view, so the
    // measured default-order and displayName-only views start alike)
    await DefaultDeliveryViewService.create({ config, logger: silent }).getView(
      entity,
    );
    await control('DELETE', '/requests');
    let t = process.hrtime.bigint();
    const view = await uncached.getView(entity);
    const cold = ms(t);
    const counts = (await control('GET', '/requests')) as Counts;
    const json = JSON.stringify(view);
    const failed = Object.entries(view.sources).filter(
      ([, s]) => s.status === 'error',
    );

    // The same cold view with only the in-build strategy (the join before version strategies):
    // the difference is what gitTag/commitMessage/imageLabel cost.
    const displayOnly = DefaultDeliveryViewService.create({
      config: readDeliveryConfig(
        new ConfigReader({
          ...sandboxAppConfig(sandbox.urls, 10_000),
          delivery: {
            ...(sandboxAppConfig(sandbox.urls, 10_000).delivery as object),
            versionFrom: 'displayName',
          },
        }),
      ),
      logger: silent,
    });
    await control('DELETE', '/requests');
    await displayOnly.getView(entity);
    const displayOnlyCounts = (await control('GET', '/requests')) as Counts;

    // warm (cached), and the upstream requests a warm view makes
    await cached.getView(entity);
    await control('DELETE', '/requests');
    t = process.hrtime.bigint();
    await cached.getView(entity);
    const warm = ms(t);
    const warmCounts = (await control('GET', '/requests')) as { total: number };

    const sequential = async (svc: DefaultDeliveryViewService) => {
      const xs: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) {
        const t0 = process.hrtime.bigint();
        await svc.getView(entity);
        xs.push(ms(t0));
      }
      return xs;
    };
    const concurrent = async (svc: DefaultDeliveryViewService) => {
      const t0 = process.hrtime.bigint();
      const xs = await Promise.all(
        Array.from({ length: CONCURRENT }, async () => {
          const t1 = process.hrtime.bigint();
          await svc.getView(entity);
          return ms(t1);
        }),
      );
      return { xs, wall: ms(t0) };
    };
    const seqUncached = await sequential(uncached);
    const seqCached = await sequential(cached);
    await control('DELETE', '/requests');
    const concUncached = await concurrent(uncached);
    const concCounts = (await control('GET', '/requests')) as { total: number };
    const concCached = await concurrent(cached);

    const rows: [string, string][] = [
      [
        'world',
        `${SERVICES} services; service-001: ${BUILDS} builds, ${charts} charts/images`,
      ],
      ['sandbox start-up', f(startup)],
      [
        'view: versions / builds / deploys',
        `${view.versions.length} / ${view.builds.length} / ${view.deploys.length}`,
      ],
      ['view: failed sources', failed.map(([k]) => k).join(', ') || 'none'],
      ['cold view (no cache)', f(cold)],
      ['warm view (cached)', f(warm)],
      [
        `${SEQUENTIAL} sequential, uncached p50 / p95`,
        `${f(pct(seqUncached, 50))} / ${f(pct(seqUncached, 95))}`,
      ],
      [
        `${SEQUENTIAL} sequential, cached p50 / p95`,
        `${f(pct(seqCached, 50))} / ${f(pct(seqCached, 95))}`,
      ],
      [
        `${CONCURRENT} concurrent, uncached p50 / p95 (wall)`,
        `${f(pct(concUncached.xs, 50))} / ${f(pct(concUncached.xs, 95))} (${f(
          concUncached.wall,
        )})`,
      ],
      [
        `${CONCURRENT} concurrent, uncached: upstream requests`,
        String(concCounts.total),
      ],
      [
        `${CONCURRENT} concurrent, cached p50 / p95 (wall)`,
        `${f(pct(concCached.xs, 50))} / ${f(pct(concCached.xs, 95))} (${f(
          concCached.wall,
        )})`,
      ],
      [
        'upstream requests, one cold view',
        `${counts.total} (${Object.entries(counts.upstreams)
          .map(([k, v]) => `${k} ${v.total}`)
          .join(', ')})`,
      ],
      [
        'upstream requests, cold view, versionFrom displayName only',
        `${displayOnlyCounts.total} (default order costs +${
          counts.total - displayOnlyCounts.total
        }: ${extraRoutes(counts, displayOnlyCounts).join(', ')})`,
      ],
      ['upstream requests, one warm view', String(warmCounts.total)],
      [
        'response size',
        `${(json.length / 1024).toFixed(1)} KiB JSON, ${(
          gzipSync(json).length / 1024
        ).toFixed(1)} KiB gzip`,
      ],
      ['total bench time', f(ms(started))],
    ];
    rows.push(...(await stakaterFigures()));
    const width = Math.max(...rows.map(r => r[0].length));
    console.log('\nDelivery view benchmark\n');
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    console.log(
      `\n| figure | value |\n|---|---|\n${rows
        .map(([k, v]) => `| ${k} | ${v} |`)
        .join('\n')}`,
    );
  } finally {
    await sandbox.stop();
  }
}

/** Cold and warm upstream requests of one view on the stakater world (versions by git tag). */
async function stakaterFigures(): Promise<[string, string][]> {
  const sandbox = await startSandbox({ world: 'stakater', ports: randomPorts });
  try {
    const app = sandboxAppConfig(sandbox.urls, 10_000);
    const delivery = {
      ...(app.delivery as object),
      hostAliases: [
        {
          host: new URL(sandbox.urls.github).host,
          aliases: ['git.sandbox.internal'],
        },
      ],
    };
    const config = readDeliveryConfig(new ConfigReader({ ...app, delivery }));
    const inventory: Entity = {
      ...entity,
      metadata: {
        name: 'inventory',
        namespace: 'default',
        annotations: {
          'delivery/code-job': 'code:stakater/inventory/master',
          'delivery/image': 'stakater/inventory',
          'delivery/chart': 'inventory',
        },
      },
    };
    const count = async () =>
      (await (await fetch(`${sandbox.urls.control}/requests`)).json()) as {
        total: number;
        upstreams: Record<
          string,
          { total: number; routes: Record<string, number> }
        >;
      };
    const reset = () =>
      fetch(`${sandbox.urls.control}/requests`, { method: 'DELETE' });
    const cached = DefaultDeliveryViewService.create({
      config,
      logger: silent,
      cache: memoryCache(),
    });
    await reset();
    const t = process.hrtime.bigint();
    const view = await cached.getView(inventory);
    const cold = ms(t);
    const c = await count();
    const tags = Object.entries(c.upstreams.github?.routes ?? {})
      .filter(([r]) => /\/tags|\/commits\?|\/commits$/.test(r))
      .reduce((n, [, v]) => n + v, 0);
    await reset();
    await cached.getView(inventory);
    const warm = await count();
    const joined = view.versions.filter(
      v => v.commit && v.image && v.chart,
    ).length;
    return [
      [
        'stakater world, inventory: versions joined (commit+image+chart) / builds with a version',
        `${joined}/${view.versions.length} / ${
          view.builds.filter(b => b.version).length
        } of ${
          view.builds.filter(b => b.result === 'SUCCESS').length
        } successful`,
      ],
      [
        'stakater world, inventory: cold view upstream requests',
        `${c.total} (${Object.entries(c.upstreams)
          .map(([k, v]) => `${k} ${v.total}`)
          .join(', ')}); tag list + commit list: ${tags}`,
      ],
      ['stakater world, inventory: cold view', f(cold)],
      [
        'stakater world, inventory: warm view upstream requests',
        String(warm.total),
      ],
    ];
  } finally {
    await sandbox.stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
