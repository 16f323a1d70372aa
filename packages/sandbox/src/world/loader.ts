import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { validateWorld, WorldValidationError } from './validate';
import type { World } from './types';

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

function parseYaml(text: string, source?: string): unknown {
  try {
    return parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new WorldValidationError(
      [{ path: '(yaml)', message: e instanceof Error ? e.message : String(e) }],
      source,
    );
  }
}

/**
 * `extends: <world>`: the named world (a bundled name or a path next to this file) with this
 * file's keys on top (`settings` merged key by key; `services`/`environments` replaced when given).
 */
function withBase(
  data: unknown,
  source: string | undefined,
  depth = 0,
): unknown {
  if (!data || typeof data !== 'object' || !('extends' in data)) return data;
  const { extends: base, ...own } = data as Record<string, unknown>;
  if (typeof base !== 'string' || depth > 4)
    throw new WorldValidationError(
      [
        {
          path: 'extends',
          message: 'expected the name or path of one world (at most 5 levels)',
        },
      ],
      source,
    );
  const dir = source ? path.dirname(source) : worldsDir;
  const local = path.resolve(dir, base);
  const file = fs.existsSync(local) ? local : resolveWorldPath(base);
  if (!fs.existsSync(file))
    throw new WorldValidationError(
      [{ path: 'extends', message: `no world ${base} (looked for ${file})` }],
      source,
    );
  const parent = withBase(
    parseYaml(fs.readFileSync(file, 'utf8'), file),
    file,
    depth + 1,
  ) as Record<string, unknown>;
  return {
    ...parent,
    ...own,
    settings: {
      ...(parent.settings as object | undefined),
      ...(own.settings as object | undefined),
    },
  };
}

/** Parses and validates a world from YAML text (`extends:` resolved, `history:` expanded). @public */
export function parseWorld(text: string, source?: string): World {
  return validateWorld(withBase(parseYaml(text, source), source), source);
}

/** Loads a world file (YAML), or a bundled world by bare name (`stakater`). @public */
export function loadWorldFile(file: string): World {
  const resolved = resolveWorldPath(file);
  return parseWorld(fs.readFileSync(resolved, 'utf8'), resolved);
}

/** Loads the bundled default world (Xposer + nordmart-review + gateway). @public */
export function loadDefaultWorld(): World {
  return loadWorldFile(defaultWorldPath);
}
