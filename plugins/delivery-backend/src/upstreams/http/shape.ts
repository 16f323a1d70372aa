import type { z } from 'zod';
import { UpstreamError } from './UpstreamError';

/**
 * Checks an upstream payload against its schema at runtime; a mismatch is a
 * `bad-response` naming the first offending path.
 */
export function checkShape<T extends z.ZodType>(
  schema: T,
  body: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new UpstreamError(
    'bad-response',
    `${what}: unexpected response shape at ${path}: ${
      issue?.message ?? 'invalid'
    }`,
  );
}
