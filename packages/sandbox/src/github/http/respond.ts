import { createHash, randomBytes } from 'crypto';
import type { Request, Response } from 'express';

/** Primary rate limit state for the token (one "core" bucket, like GitHub's). */
export class RateLimit {
  used = 0;
  resetAt = 0;

  constructor(readonly limit: number, private readonly windowSeconds = 3600) {}

  private roll(): void {
    const now = Math.floor(Date.now() / 1000);
    if (now >= this.resetAt) {
      this.used = 0;
      this.resetAt = now + this.windowSeconds;
    }
  }

  get remaining(): number {
    this.roll();
    return Math.max(0, this.limit - this.used);
  }

  /** Uses `points` (REST: one per request; GraphQL: the query's cost). */
  consume(points = 1): void {
    this.roll();
    this.used += points;
  }

  reset(): void {
    this.used = 0;
    this.resetAt = 0;
  }

  /** `x-ratelimit-*`; `resource` names the bucket (`core`, or `graphql` for the GraphQL API). */
  headers(resource = 'core'): Record<string, string> {
    this.roll();
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-resource': resource,
    };
  }
}

const EXPOSE =
  'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, ' +
  'X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, ' +
  'X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, ' +
  'X-GitHub-Request-Id, Deprecation, Sunset';

/** Headers GitHub sends on every API response. */
export function baseHeaders(res: Response): void {
  const id = randomBytes(10).toString('hex').toUpperCase();
  res.set({
    'x-github-request-id': `${id.slice(0, 4)}:${id.slice(4, 8)}:${id.slice(
      8,
      14,
    )}:${id.slice(14)}`,
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-enterprise-version': '3.14.0',
    'x-oauth-scopes': 'repo, workflow, admin:org, delete_repo, user',
    'x-accepted-oauth-scopes': '',
    'access-control-expose-headers': EXPOSE,
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  });
}

function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha256').update(payload).digest('hex')}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some(t => t.trim() === '*' || strip(t) === strip(etag));
}

export interface SendOptions {
  headers?: Record<string, string>;
  contentType?: string;
  /** Does not count against the rate limit (GET /rate_limit). */
  free?: boolean;
}

/**
 * Sends a JSON (or raw string) body with rate-limit headers; GETs get an ETag and answer a matching
 * `If-None-Match` with 304, which does not count against the rate limit (as on GitHub).
 */
export function send(
  req: Request,
  res: Response,
  rate: RateLimit,
  status: number,
  body: unknown,
  options: SendOptions = {},
): void {
  let payload: string | Buffer = JSON.stringify(body);
  if (Buffer.isBuffer(body)) payload = body;
  else if (typeof body === 'string' && options.contentType) payload = body;
  if (options.headers) res.set(options.headers);
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  if ((status === 200 || status === 201) && body !== undefined) {
    // GitHub sends an ETag (and private caching) on successful JSON answers, writes included.
    const etag = etagOf(payload);
    res.set({
      etag,
      'cache-control': 'private, max-age=60, s-maxage=60',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    });
    if (
      isRead &&
      status === 200 &&
      matches(req.header('if-none-match'), etag)
    ) {
      res.set(rate.headers()).status(304).end();
      return;
    }
  }
  if (status !== 304 && !options.free) rate.consume();
  res.set(rate.headers());
  if (status === 204 || body === undefined) {
    res.status(status).end();
    return;
  }
  res
    .status(status)
    .type(options.contentType ?? 'application/json; charset=utf-8')
    .send(payload);
}
