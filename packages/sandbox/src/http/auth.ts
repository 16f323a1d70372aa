import type { RequestHandler, Response } from 'express';

/** Basic-auth credentials. @public */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** Parses `Authorization: Basic ...`. */
export function parseBasic(
  header: string | undefined,
): BasicCredentials | undefined {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}

/** Middleware accepting only these basic credentials; `reject` writes the 401. */
export function requireBasic(
  creds: BasicCredentials,
  reject: (res: Response) => void,
): RequestHandler {
  return (req, res, next) => {
    const got = parseBasic(req.headers.authorization);
    if (
      got &&
      got.username === creds.username &&
      got.password === creds.password
    ) {
      next();
      return;
    }
    reject(res);
  };
}
