import { CustomErrorBase } from '@backstage/errors';

/**
 * The request is well-formed but the config repository content cannot be
 * edited safely (YAML bombs, duplicate keys, multi-document, oversized file,
 * dependency missing or listed twice). Carries `statusCode = 422`, which
 * Backstage's error middleware (`MiddlewareFactory.error`) uses as the HTTP
 * status, so routers need no mapping.
 */
export class UnprocessableError extends CustomErrorBase {
  name = 'UnprocessableError' as const;
  readonly statusCode = 422;
}
