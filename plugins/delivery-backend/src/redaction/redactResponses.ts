import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SecretRedactor } from './SecretRedactor';
import { notify } from './registry';

/**
 * Express middleware (mounted first on the plugin's router) that redacts
 * configured secrets from every JSON and text body the plugin sends,
 * including the error bodies of Backstage's error handler.
 */
export function redactResponses(
  redactor: () => SecretRedactor,
): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const json = res.json.bind(res);
    const send = res.send.bind(res);
    res.json = (body?: unknown) => {
      const safe = redactor().redactValue(body);
      notify('response', JSON.stringify(safe) ?? '');
      return json(safe);
    };
    res.send = (body?: unknown) => {
      if (typeof body === 'string') {
        const safe = redactor().redact(body);
        notify('response', safe);
        return send(safe);
      }
      if (Buffer.isBuffer(body)) {
        const safe = redactor().redact(body.toString('utf8'));
        notify('response', safe);
        return send(Buffer.from(safe, 'utf8'));
      }
      return send(body);
    };
    next();
  };
}
