/**
 * Version matching shared by backend (joins) and frontend (display):
 * `v0.0.15` and `0.0.15` are the same version.
 */

/** Strips one leading `v`/`V` and surrounding whitespace. @public */
export function normalizeVersion(version: string): string {
  return version.trim().replace(/^[vV](?=\d)/, '');
}

/** True when both name the same version, ignoring a leading `v`. @public */
export function sameVersion(a?: string, b?: string): boolean {
  if (a === undefined || b === undefined) return false;
  return normalizeVersion(a) === normalizeVersion(b);
}
