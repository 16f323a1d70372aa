import { UpstreamError } from './UpstreamError';

/** Default response-size cap: 5 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * Reads a response body, counting bytes as they stream in and aborting as
 * soon as the cap is passed (a declared `content-length` over the cap is
 * refused without reading).
 */
export async function readCapped(
  res: Response,
  maxBytes: number,
  what: string,
): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooBig = () =>
    new UpstreamError(
      'bad-response',
      `${what}: response larger than the ${maxBytes}-byte cap`,
      { upstreamStatus: res.status },
    );
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
