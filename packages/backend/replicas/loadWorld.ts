/**
 * The organisation of the overview load scenario (#13 part 3): LOAD_SERVICES
 * generated Components (`service-0001` ...) owned by a few teams, over the
 * environments of app-config.yaml. writeReplicaConfig.ts gives the replicas'
 * catalog a file location with the Components; load.ts seeds the matching
 * snapshot rows. Both build the same world from here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
// The delivery backend's own store and bench helpers (not part of its public
// API; this bench seeds the rows its collector writes, with its own code):
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { DatabaseHistoryStore } from '@gitops-delivery/backstage-plugin-delivery-backend/src/database/history';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  catalogFile,
  overviewWorld,
  type OverviewWorld,
  seedSnapshots,
} from '@gitops-delivery/backstage-plugin-delivery-backend/src/__testUtils__/overviewWorld';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import knex from 'knex';

/** Teams owning the generated services (`group:default/team-0` ...). */
export const LOAD_TEAMS = 8;

/** The label on every generated Component (to count them in the catalog). */
export const LOAD_LABEL = { 'delivery-load': 'overview' };

/** LOAD_SERVICES: how many services the overview scenario has (0: none). */
export function loadServices(): number {
  const raw = process.env.LOAD_SERVICES ?? '0';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`LOAD_SERVICES must be a whole number, got ${raw}`);
  return n;
}

/** The environment names of app-config.yaml's `delivery.environments`. */
export function deliveryEnvironments(): string[] {
  const root = resolve(__dirname, '../../..');
  const config = parse(readFileSync(resolve(root, 'app-config.yaml'), 'utf8'));
  const names = (config?.delivery?.environments ?? []).map(
    (e: { name: string }) => e.name,
  );
  if (!names.length)
    throw new Error('app-config.yaml has no delivery.environments');
  return names;
}

/** The generated organisation (deterministic: the same on every call). */
export function loadWorld(services: number): OverviewWorld {
  return overviewWorld({
    services,
    environments: deliveryEnvironments(),
    teams: LOAD_TEAMS,
    labels: LOAD_LABEL,
  });
}

/** The generated Components as one catalog file (writeReplicaConfig.ts). */
export function loadCatalogFile(services: number): string {
  return catalogFile(loadWorld(services).entities);
}

/**
 * Writes one snapshot row per generated service through
 * DatabaseHistoryStore (the collector's own store and its `putSnapshot`)
 * into the delivery plugin's database, which both replicas share.
 */
export async function seedLoadSnapshots(
  postgresUrl: string,
  services: number,
): Promise<void> {
  const db = knex({
    client: 'pg',
    connection: `${postgresUrl}/backstage_plugin_delivery`,
    pool: { min: 0, max: 8 },
  });
  try {
    const database: DatabaseService = {
      getClient: async () => db,
      migrations: { skip: true }, // the replicas ran them
    };
    const store = await DatabaseHistoryStore.create({ database });
    await seedSnapshots(store, loadWorld(services).snapshots, 8);
  } finally {
    await db.destroy();
  }
}
