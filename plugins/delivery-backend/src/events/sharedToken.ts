import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a Jenkins delivery was refused (undefined: the token is good). */
export type TokenProblem = 'missing' | 'mismatch';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Checks the shared token a Jenkins sender adds: the `token` query parameter
 * (the Notification plugin's endpoint URL carries it) or the
 * `X-Delivery-Token` header. Compared in constant time (over digests, so the
 * length does not leak either).
 */
export function checkSharedToken(
  expected: string,
  headers: Record<string, string | string[] | undefined>,
  query: Record<string, unknown>,
): TokenProblem | undefined {
  const header = headers['x-delivery-token'];
  let given: string | undefined;
  if (typeof header === 'string') given = header;
  else if (typeof query.token === 'string') given = query.token;
  if (!given) return 'missing';
  return timingSafeEqual(digest(expected), digest(given))
    ? undefined
    : 'mismatch';
}
