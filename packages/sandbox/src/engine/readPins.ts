import { parse } from 'yaml';
import type { GitHubStore } from '../github';
import type { WorldEnvironment } from '../world';
import { pinsFile, valuesFile } from '../world';

/** A dependency as the umbrella chart declares it. */
export interface PinnedDependency {
  name: string;
  version: string;
  alias?: string;
  /** Image tag from the values file, when it sets one. */
  valuesTag?: string;
}

function dig(value: unknown, path: string[]): unknown {
  let v = value;
  for (const p of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** Reads the pins (and values image tags) of a config repo at a commit or branch. */
export async function readPins(
  store: GitHubStore,
  env: WorldEnvironment,
  ref: string,
): Promise<PinnedDependency[]> {
  const { owner, name } = env.configRepo;
  const text = await store.readFile(owner, name, ref, pinsFile(env));
  if (text === undefined)
    throw new Error(`${pinsFile(env)} not found at ${ref}`);
  const doc: unknown = parse(text);
  const deps = dig(doc, ['dependencies']);
  if (!Array.isArray(deps))
    throw new Error(`${pinsFile(env)} has no dependencies list`);
  const out: PinnedDependency[] = [];
  for (const d of deps) {
    const depName = dig(d, ['name']);
    const version = dig(d, ['version']);
    if (
      typeof depName !== 'string' ||
      (typeof version !== 'string' && typeof version !== 'number')
    ) {
      throw new Error(`${pinsFile(env)}: dependency without name/version`);
    }
    const alias = dig(d, ['alias']);
    const release = typeof alias === 'string' ? alias : depName;
    const values = await store.readFile(owner, name, ref, valuesFile(release));
    let valuesTag: unknown;
    if (values !== undefined) {
      const v: unknown = parse(values);
      valuesTag =
        dig(v, [release, depName, 'image', 'tag']) ??
        dig(v, [release, 'application', 'deployment', 'image', 'tag']) ??
        dig(v, [release, 'image', 'tag']);
    }
    out.push({
      name: depName,
      version: String(version),
      alias: typeof alias === 'string' ? alias : undefined,
      valuesTag:
        typeof valuesTag === 'string' || typeof valuesTag === 'number'
          ? String(valuesTag)
          : undefined,
    });
  }
  return out;
}
