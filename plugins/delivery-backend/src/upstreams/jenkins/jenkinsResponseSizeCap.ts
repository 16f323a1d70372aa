import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { UpstreamError } from '../http/UpstreamError';

/** The part of papi's request pipeline we hook into. */
interface PapiRequest {
  transport: { request(options: RequestOptions): ClientRequest };
}
interface PapiClient {
  _ext(
    event: 'onRequest',
    fn: (request: PapiRequest, next: (err?: Error) => void) => void,
  ): void;
}

/**
 * Adds a streamed response-size cap to a `jenkins` (papi) client: papi
 * buffers whole bodies, so we count bytes as they arrive and abort the
 * request once the cap is passed (papi then rejects with our error).
 */
export function capResponses(client: object, maxBytes: number): void {
  (client as PapiClient)._ext('onRequest', (request, next) => {
    const transport = request.transport;
    request.transport = {
      request(options: RequestOptions) {
        const req = transport.request(options);
        req.on('response', (res: IncomingMessage) => {
          let total = Number(res.headers['content-length'] ?? 0) || 0;
          const over = () => {
            req.emit(
              'error',
              new UpstreamError(
                'bad-response',
                `response larger than the ${maxBytes}-byte cap`,
              ),
            );
            req.destroy();
          };
          if (total > maxBytes) {
            over();
            return;
          }
          total = 0;
          res.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > maxBytes) over();
          });
        });
        return req;
      },
    };
    next();
  });
}
