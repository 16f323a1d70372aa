import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A valid instance/environment name. */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/** Throws an InputError naming the bad key. */
export function fail(key: string, message: string): never {
  throw new InputError(`Invalid config: ${key}: ${message}`);
}

/** An http(s) URL without credentials or trailing slash. */
export function readUrl(c: Config, key: string, path: string): string {
  const value = c.getString(key).trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(path, `"${value}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(path, `"${value}" must be an http(s) URL`);
  }
  if (url.username || url.password) {
    fail(path, 'must not contain credentials; use the credential keys');
  }
  return value.replace(/\/+$/, '');
}

/** `timeoutMs` of a block (default 10 s). */
export function readTimeout(c: Config, path: string): number {
  const t = c.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(t) || t < 100 || t > 120_000) {
    fail(`${path}.timeoutMs`, `${t} must be an integer between 100 and 120000`);
  }
  return t;
}
