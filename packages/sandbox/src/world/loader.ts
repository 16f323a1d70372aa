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

/** Loads a world file (YAML). @public */
export function loadWorldFile(file: string): World {
  return parseWorld(fs.readFileSync(file, 'utf8'), file);
}

// The sandbox runs from source (tsx / jest), never bundled, so __dirname is the source dir.
// eslint-disable-next-line no-restricted-syntax
const here = __dirname;
/** Path of the bundled default world. @public */
export const defaultWorldPath = path.resolve(here, '../../worlds/default.yaml');

/** Loads the bundled default world (Xposer + nordmart-review + gateway). @public */
export function loadDefaultWorld(): World {
  return loadWorldFile(defaultWorldPath);
}
