import { CustomErrorBase } from '@backstage/errors';

/**
 * The request is well-formed but the config repository content cannot be
 * edited safely (not a file, oversized, YAML bombs, duplicate keys,
 * multi-document, dependency missing or listed twice). Carries
 * `statusCode = 422`, which Backstage's error middleware
 * (`MiddlewareFactory.error`) uses as the HTTP status, so routers need no
 * mapping.
 * @public
 */
export class UnprocessableError extends CustomErrorBase {
  /** The error's name, as Backstage's error middleware serializes it. */
  name = 'UnprocessableError' as const;
  /** The HTTP status Backstage's error middleware answers with. */
  readonly statusCode = 422;
}
