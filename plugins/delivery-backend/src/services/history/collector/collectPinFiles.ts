import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EnvironmentConfig } from '../../../configTypes';
import type { HistoryStore } from '../../../database/history';
import type { UpstreamClients } from '../../../upstreams/clients';
import type { CollectedEntity } from './entityFacts';
import {
  PinFile,
  PinFileCaps,
  PinFileCursor,
  pinFileSource,
  readPinFileHistory,
} from './pinHistory';

/**
 * The config files to read: one per (repo, branch, requirements path),
 * however many environments and services share it, with the entities
 * pinned in it per release.
 */
export function pinFiles(
  environments: readonly EnvironmentConfig[],
  entities: CollectedEntity[],
): PinFile[] {
  const files = new Map<string, PinFile>();
  for (const env of environments) {
    const source = pinFileSource(env);
    const file: PinFile = files.get(source) ?? {
      source,
      env,
      environments: [],
      releases: new Map(),
    };
    file.environments.push(env.name);
    files.set(source, file);
  }
  for (const file of files.values()) {
    for (const e of entities) {
      if (!e.release) continue;
      if (!file.environments.some(n => e.environments.includes(n))) continue;
      const list = file.releases.get(e.release) ?? [];
      list.push({ entityRef: e.entityRef, environments: e.environments });
      file.releases.set(e.release, list);
    }
  }
  return [...files.values()].filter(f => f.releases.size > 0);
}

/**
 * Reads each config file's history since its cursor (once per file per
 * run), records the pin changes it finds for every release in it and moves
 * the cursor. One file failing is logged; the others go on.
 */
export async function collectPinFiles(input: {
  files: PinFile[];
  clients: Pick<UpstreamClients, 'githubFor'>;
  store: HistoryStore;
  backfillSince: string;
  caps?: Partial<PinFileCaps>;
  logger: LoggerService;
}): Promise<{ pinChanges: number; errors: string[] }> {
  let pinChanges = 0;
  const errors: string[] = [];
  for (const file of input.files) {
    try {
      const cursor = await input.store.getCursor<PinFileCursor>(file.source);
      const result = await readPinFileHistory({
        file,
        github: input.clients.githubFor(file.env),
        cursor,
        backfillSince: input.backfillSince,
        caps: input.caps,
      });
      for (const note of result.notes) {
        errors.push(`${file.source}: ${note}`);
        input.logger.warn('History: part of a config file history skipped', {
          source: file.source,
          detail: note,
        });
      }
      await input.store.putPinChanges(result.changes);
      if (result.cursor)
        await input.store.setCursor(file.source, result.cursor);
      pinChanges += result.changes.length;
    } catch (e) {
      const message = `${file.source}: ${e instanceof Error ? e.message : e}`;
      errors.push(message);
      input.logger.warn('History: config file history not read', {
        source: file.source,
        error: String(e),
      });
    }
  }
  return { pinChanges, errors };
}
