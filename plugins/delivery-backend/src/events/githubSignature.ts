import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a GitHub delivery was refused (undefined: the signature is good). */
export type SignatureProblem = 'missing' | 'malformed' | 'mismatch';

const PREFIX = 'sha256=';

/** `X-Hub-Signature-256` of a body, as GitHub computes it. */
export function githubSignature(secret: string, body: Buffer | string): string {
  return PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Checks GitHub's `X-Hub-Signature-256` (HMAC-SHA256 of the exact raw body,
 * hex) in constant time.
 */
export function checkGitHubSignature(
  secret: string,
  rawBody: Buffer,
  header: string | string[] | undefined,
): SignatureProblem | undefined {
  if (header === undefined || header === '') return 'missing';
  if (Array.isArray(header) || !/^sha256=[0-9a-f]{64}$/.test(header))
    return 'malformed';
  const expected = Buffer.from(githubSignature(secret, rawBody));
  const given = Buffer.from(header);
  return timingSafeEqual(expected, given) ? undefined : 'mismatch';
}
