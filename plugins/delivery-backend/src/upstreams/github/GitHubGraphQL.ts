import type { Octokit } from '@octokit/rest';
import type { SourceErrorKind } from '@gitops-delivery/backstage-plugin-delivery-common';
import { z } from 'zod';
import { checkShape, UpstreamError, withRetries } from '../http';
import type { classifyOctokitError } from './githubErrors';

/** What a GraphQL query answered: the data, and the partial failures by alias. */
export interface GraphQLAnswer {
  /** `data`, field by field (aliases); a failed alias is null. */
  data: Record<string, unknown>;
  /** Partial failures, by the top-level alias they belong to (`path[0]`). */
  errors: Map<string, UpstreamError>;
}

const errorsSchema = z.array(
  z
    .object({
      type: z.string().optional(),
      message: z.string(),
      path: z.array(z.union([z.string(), z.number()])).optional(),
    })
    .passthrough(),
);
type GraphQLError = z.infer<typeof errorsSchema>[number];

const rateLimitSchema = z
  .object({ remaining: z.number(), resetAt: z.string() })
  .partial()
  .passthrough();

/** What `@octokit/graphql` throws when the answer carries `errors`. */
interface GraphqlResponseErrorLike {
  name: 'GraphqlResponseError';
  errors: unknown;
  data: unknown;
  headers?: Record<string, unknown>;
}

function isGraphqlResponseError(e: unknown): e is GraphqlResponseErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'GraphqlResponseError'
  );
}

/** GitHub's GraphQL error `type`s, classified as the REST statuses are. */
function kindOfType(type: string | undefined): SourceErrorKind {
  switch (type) {
    case 'NOT_FOUND':
      return 'not-found';
    case 'FORBIDDEN':
    case 'UNAUTHORIZED':
      return 'unauthorized';
    case 'RATE_LIMITED':
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL':
      return 'unavailable';
    default:
      return 'bad-response';
  }
}

function describe(errors: readonly GraphQLError[]): string {
  const shown = errors.slice(0, 3).map(e => e.message);
  const more = errors.length > 3 ? ` (+${errors.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * GitHub GraphQL reads (`POST /graphql`, or `/api/graphql` on Enterprise
 * Server, derived by Octokit from an `/api/v3` base URL) with a
 * {@link GitHubReader}'s Octokit: its credentials (static token or GitHub App
 * installation token per request) and its bounded fetch (timeout, no
 * redirects, size cap, JSON check).
 *
 * Not conditional: GitHub serves GraphQL over POST and answers no ETag, so a
 * query always costs a request and rate-limit points (REST reads through
 * `GitHubReader` send `If-None-Match`, and a 304 is free). Callers use a query
 * only where it replaces several REST requests.
 *
 * Failures are `UpstreamError`s classified like REST ones: HTTP 401/403
 * `unauthorized`, 404 (no GraphQL endpoint) `not-found`, 5xx, 429, a
 * `RATE_LIMITED` error or an exhausted budget `unavailable` (no query until
 * the reset), anything unreadable `bad-response`. Partial errors (`data` plus
 * `errors`) are returned by the alias they belong to, so one missing
 * repository fails only its own fields.
 */
export class GitHubGraphQL {
  private blockedUntil = 0;

  constructor(
    private readonly octokit: Octokit,
    private readonly classify: typeof classifyOctokitError,
  ) {}

  /** Runs a read-only query (retried like a GET on transient failures). */
  async query(
    query: string,
    variables: Record<string, unknown>,
    what: string,
  ): Promise<GraphQLAnswer> {
    return withRetries(async () => {
      if (Date.now() < this.blockedUntil) {
        throw new UpstreamError(
          'unavailable',
          `${what}: GitHub GraphQL rate limit exhausted until ${new Date(
            this.blockedUntil,
          ).toISOString()}`,
          { upstreamStatus: 429 },
        );
      }
      let data: unknown;
      let errors: unknown;
      let headers: Record<string, unknown> | undefined;
      try {
        // variables are passed as the call's parameters (o0, n0, ... never
        // collide with Octokit's own options: method, url, headers, ...)
        data = await this.octokit.graphql(query, variables);
      } catch (e) {
        if (!isGraphqlResponseError(e)) {
          const c = this.classify(e, what);
          this.block(c.rateLimitResetMs);
          this.block(c.retryAfterUntilMs);
          throw c.error;
        }
        data = e.data;
        errors = e.errors;
        headers = e.headers;
      }
      return this.read(data, errors, headers, what);
    });
  }

  private read(
    data: unknown,
    rawErrors: unknown,
    headers: Record<string, unknown> | undefined,
    what: string,
  ): GraphQLAnswer {
    const errors = rawErrors ? checkShape(errorsSchema, rawErrors, what) : [];
    const limited = errors.filter(e => e.type === 'RATE_LIMITED');
    if (limited.length) {
      const reset = Number(headers?.['x-ratelimit-reset']);
      this.block(
        Number.isFinite(reset) && reset * 1000 > Date.now()
          ? reset * 1000
          : Date.now() + 60_000,
      );
      throw new UpstreamError(
        'unavailable',
        `${what}: rate limited (${describe(limited)})`,
        { upstreamStatus: 429 },
      );
    }
    const unplaced = errors.filter(e => typeof e.path?.[0] !== 'string');
    if (data === null || data === undefined || unplaced.length) {
      // a syntax or validation error: GitHub answers 200 with errors only
      throw new UpstreamError(
        'bad-response',
        `${what}: query refused (${describe(
          unplaced.length ? unplaced : errors,
        )})`,
      );
    }
    const fields = checkShape(z.record(z.string(), z.unknown()), data, what);
    const rateLimit = fields.rateLimit
      ? rateLimitSchema.safeParse(fields.rateLimit)
      : undefined;
    if (rateLimit?.success && rateLimit.data.remaining === 0) {
      const reset = Date.parse(rateLimit.data.resetAt ?? '');
      this.block(Number.isFinite(reset) ? reset : Date.now() + 60_000);
    }
    const byAlias = new Map<string, UpstreamError>();
    for (const e of errors) {
      const alias = e.path![0] as string;
      if (byAlias.has(alias)) continue;
      byAlias.set(
        alias,
        new UpstreamError(kindOfType(e.type), `${what}: ${e.message}`, {
          upstreamStatus: e.type === 'NOT_FOUND' ? 404 : undefined,
        }),
      );
    }
    return { data: fields, errors: byAlias };
  }

  private block(until: number | undefined) {
    if (until !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, until);
    }
  }
}
