import { CustomErrorBase } from '@backstage/errors';

/**
 * The request is well-formed but the config repository content cannot be
 * edited safely (YAML bombs, duplicate keys, multi-document, oversized file,
 * dependency missing or listed twice). The router maps it to HTTP 422.
 * @public
 */
export class UnprocessableError extends CustomErrorBase {
  name = 'UnprocessableError' as const;
}
