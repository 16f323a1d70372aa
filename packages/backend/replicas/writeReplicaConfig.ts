/* eslint-disable no-console */
/**
 * Writes the config overlay of one replica (used by scripts/replicas.sh):
 * the replica's own listen port and base URL, and the root app-config.yaml's
 * `integrations` and `delivery` blocks with the sandbox's default ports
 * (7100-7106) moved to the sandbox started for the replicas. The database
 * and the cache come from app-config.production.yaml (POSTGRES_*, REDIS_URL).
 * With LOAD_SERVICES=<n> (the overview load scenario), it also writes
 * <n> generated Components (loadWorld.ts) to load-services.yaml next to
 * `--out` and adds that file to the production config's catalog locations.
 *
 *   node --import tsx writeReplicaConfig.ts --out <file> --port <n> \
 *     --sandbox-base <n> --interval-minutes <x>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadCatalogFile, loadServices } from './loadWorld';

const SANDBOX_DEFAULT_BASE = 7100;

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

function port(name: string): number {
  const n = Number(arg(name));
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`--${name} must be a port number, got ${arg(name)}`);
  return n;
}

/** Moves every 127.0.0.1:7100-7106 in the JSON value to the sandbox's ports. */
function moveSandboxPorts<T>(value: T, sandboxBase: number): T {
  const text = JSON.stringify(value).replace(
    /127\.0\.0\.1:(710[0-6])(?!\d)/g,
    (_m, p: string) =>
      `127.0.0.1:${sandboxBase + Number(p) - SANDBOX_DEFAULT_BASE}`,
  );
  return JSON.parse(text) as T;
}

function main() {
  const out = arg('out');
  const listenPort = port('port');
  const sandboxBase = port('sandbox-base');
  const interval = Number(arg('interval-minutes'));
  if (!(interval > 0))
    throw new Error('--interval-minutes must be a positive number');

  const root = resolve(__dirname, '../../..');
  const base = parse(readFileSync(resolve(root, 'app-config.yaml'), 'utf8'));
  if (!base?.delivery || !base?.integrations)
    throw new Error('app-config.yaml has no delivery or integrations block');
  const url = `http://127.0.0.1:${listenPort}`;
  const services = loadServices();
  let catalog: object | undefined;
  if (services > 0) {
    // arrays replace arrays when configs merge: the production locations, plus ours
    const production = parse(
      readFileSync(resolve(root, 'app-config.production.yaml'), 'utf8'),
    );
    const generated = resolve(dirname(resolve(out)), 'load-services.yaml');
    writeFileSync(generated, loadCatalogFile(services));
    catalog = {
      locations: [
        ...(production?.catalog?.locations ?? []),
        { type: 'file', target: generated, rules: [{ allow: ['Component'] }] },
      ],
    };
  }
  const overlay = {
    app: { baseUrl: url },
    backend: {
      baseUrl: url,
      // a string like the production config's listen: ':7007'
      listen: `127.0.0.1:${listenPort}`,
      cors: { origin: url },
    },
    integrations: moveSandboxPorts(base.integrations, sandboxBase),
    delivery: moveSandboxPorts(
      {
        ...base.delivery,
        history: { ...base.delivery.history, intervalMinutes: interval },
      },
      sandboxBase,
    ),
    ...(catalog ? { catalog } : {}),
  };
  writeFileSync(
    out,
    `# Written by packages/backend/replicas/writeReplicaConfig.ts for scripts/replicas.sh\n${stringify(
      overlay,
    )}`,
  );
  console.log(
    `wrote ${out} (replica on ${url}, sandbox at ${sandboxBase}${
      services ? `, ${services} generated services` : ''
    })`,
  );
}

main();
