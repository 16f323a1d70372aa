import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validateWorld, WorldValidationError } from './validate';
import type { World } from './types';

/** Parses and validates a world from YAML text. @public */
export function parseWorld(text: string, source?: string): World {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new WorldValidationError(
      [{ path: '(yaml)', message: e instanceof Error ? e.message : String(e) }],
      source,
    );
  }
  return validateWorld(data, source);
}

/** Loads a world file (YAML), or a bundled world by bare name (`stakater`). @public */
export function loadWorldFile(file: string): World {
  const resolved = resolveWorldPath(file);
  return parseWorld(fs.readFileSync(resolved, 'utf8'), resolved);
}

// The sandbox runs from source (tsx / jest), never bundled, so __dirname is the source dir.
// eslint-disable-next-line no-restricted-syntax
const here = __dirname;
/** Directory of the bundled worlds (`default.yaml`, `stakater.yaml`). @public */
export const worldsDir = path.resolve(here, '../../worlds');
/** Path of the bundled default world. @public */
export const defaultWorldPath = path.join(worldsDir, 'default.yaml');

/**
 * A bundled world's file for a bare name (`stakater` -> `worlds/stakater.yaml`); anything
 * else (a path, a name with an extension) is returned as given.
 * @public
 */
export function resolveWorldPath(nameOrPath: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(nameOrPath)) {
    const bundled = path.join(worldsDir, `${nameOrPath}.yaml`);
    if (fs.existsSync(bundled) && !fs.existsSync(nameOrPath)) return bundled;
  }
  return nameOrPath;
}

/** Loads the bundled default world (Xposer + nordmart-review + gateway). @public */
export function loadDefaultWorld(): World {
  return loadWorldFile(defaultWorldPath);
}
