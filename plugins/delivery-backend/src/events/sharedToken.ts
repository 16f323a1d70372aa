import { createHash, timingSafeEqual } from 'node:crypto';

/** Why a Jenkins delivery was refused (undefined: the token is good). */
export type TokenProblem = 'missing' | 'mismatch';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The token a sender gave: `Authorization: Basic` with the token as the
 * password (the Notification plugin sends an endpoint URL's user info so:
 * `https://jenkins:<token>@backstage/...`), `Authorization: Bearer <token>`,
 * the `X-Delivery-Token` header (an HTTP Request step or a proxy can add it),
 * or the `token` query parameter (when the events backend passes it on).
 */
function givenToken(
  headers: Record<string, string | string[] | undefined>,
  query: Record<string, unknown>,
): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon >= 0 ? decoded.slice(colon + 1) : decoded;
    }
    if (/^bearer$/i.test(scheme)) return value;
  }
  const header = headers['x-delivery-token'];
  if (typeof header === 'string') return header;
  return typeof query.token === 'string' ? query.token : undefined;
}

/**
 * Checks the shared token a Jenkins sender adds (see `givenToken` for where).
 * Compared in constant time (over digests, so the length does not leak either).
 */
export function checkSharedToken(
  expected: string,
  headers: Record<string, string | string[] | undefined>,
  query: Record<string, unknown>,
): TokenProblem | undefined {
  const given = givenToken(headers, query);
  if (!given) return 'missing';
  return timingSafeEqual(digest(expected), digest(given))
    ? undefined
    : 'mismatch';
}
