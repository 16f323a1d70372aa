import { ConflictError } from '@backstage/errors';

/**
 * A GitHub write refused with 409 or 422 (e.g. "Reference already exists"),
 * for retry/reuse logic: a `ConflictError` (409) if it ever leaves a service.
 * The upstream's status is `upstreamStatus`, not `status`, which Backstage's
 * error middleware would send as our response status.
 * @public
 */
export class GitHubWriteError extends ConflictError {
  constructor(
    /** GitHub's HTTP status: 409 or 422. */
    readonly upstreamStatus: number,
    message: string,
  ) {
    super(message);
  }
}
