import { ResponseError } from '@backstage/errors';

/**
 * What to show for a failed backend call: the backend's own message (carried
 * by `ResponseError` in its body) with the HTTP status, else the error message.
 */
export function describeError(error: unknown): string {
  if (ResponseError.is(error)) {
    const message = error.body?.error?.message || error.cause?.message;
    const status = `${error.statusCode}${
      error.statusText ? ` ${error.statusText}` : ''
    }`;
    return message ? `${message} (${status})` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
