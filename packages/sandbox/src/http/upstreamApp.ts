import express, { type Express, type RequestHandler } from 'express';
import type { FaultRegistry } from './faults';
import type { RequestCounter } from './requestCounter';
import {
  jenkinsLoginPage,
  streamOversized,
  truncateNextBody,
} from './faultResponses';

/** Shared fault and counting state of a sandbox. @public */
export interface UpstreamInfra {
  faults: FaultRegistry;
  counter: RequestCounter;
}

/**
 * Wraps an upstream's app with request counting and fault injection.
 * `handler` is looked up per request so an upstream can be swapped (reset) while listening.
 * @public
 */
export function createUpstreamApp(
  upstream: string,
  infra: UpstreamInfra,
  handler: () => RequestHandler | Express,
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res, next) => {
    res.on('finish', infra.counter.record(upstream, req.method, req.path));
    const faults = infra.faults.take(upstream, req.method, req.originalUrl);
    const delay = faults
      .filter(f => f.kind === 'latency')
      .reduce((sum, f) => sum + (f.latencyMs ?? 1000), 0);
    const terminal = faults.find(f => f.kind !== 'latency');
    const go = (): void => {
      if (!terminal) {
        next();
        return;
      }
      switch (terminal.kind) {
        case 'hang':
          return; // never answer; the socket is destroyed when the sandbox stops
        case 'error':
        case 'respond': {
          const status =
            terminal.status ?? (terminal.kind === 'error' ? 500 : 200);
          const body =
            terminal.body ??
            (terminal.kind === 'error' ? `Injected fault: ${status}` : '');
          res.set(terminal.headers ?? {});
          res
            .status(status)
            .type(/^\s*[[{]/.test(body) ? 'application/json' : 'text/plain')
            .send(body);
          return;
        }
        case 'html-login':
          res
            .status(200)
            .type('text/html;charset=utf-8')
            .send(jenkinsLoginPage);
          return;
        case 'oversized':
          streamOversized(res, terminal.sizeBytes ?? 60 * 1024 * 1024);
          return;
        case 'truncated-json':
          truncateNextBody(res);
          next();
          return;
        default:
          next();
      }
    };
    if (delay > 0) setTimeout(go, delay);
    else go();
  });
  app.use((req, res, next) => {
    const h = handler();
    h(req, res, next);
  });
  return app;
}
