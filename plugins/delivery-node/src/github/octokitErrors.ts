/** The parts of an Octokit `RequestError` we read. */
interface OctokitErrorLike {
  status?: unknown;
  message?: string;
  response?: {
    headers?: Record<string, string | number | undefined>;
    data?: unknown;
  };
}

/** HTTP status of an Octokit `RequestError`, if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as OctokitErrorLike)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Response headers of an Octokit `RequestError` (empty when none). */
export function headersOf(
  error: unknown,
): Record<string, string | number | undefined> {
  return (error as OctokitErrorLike)?.response?.headers ?? {};
}

/** GitHub's message plus its `errors[].message`, else the error's own message. */
export function messageOf(error: unknown): string {
  const data = (error as OctokitErrorLike)?.response?.data as
    | { message?: string; errors?: Array<{ message?: string }> }
    | undefined;
  const extra = data?.errors
    ?.map(x => x.message)
    .filter(Boolean)
    .join('; ');
  return [data?.message ?? (error as Error)?.message ?? String(error), extra]
    .filter(Boolean)
    .join(': ');
}

/** A network failure (Octokit reports those as status 500 without a response). */
export function isNetworkError(error: unknown): boolean {
  return (
    statusOf(error) === 500 &&
    (error as OctokitErrorLike)?.response === undefined
  );
}

/** Whether an error was caused by an AbortSignal timeout. */
export function isTimeout(error: unknown): boolean {
  const cause = (error as { cause?: { name?: unknown } })?.cause;
  const name = (error as { name?: unknown })?.name;
  return cause?.name === 'TimeoutError' || name === 'TimeoutError';
}
