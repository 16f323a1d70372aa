import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SecretRedactor } from './SecretRedactor';
import { notify } from './registry';

type Level = 'error' | 'warn' | 'info' | 'debug';

/**
 * A logger that redacts configured secrets from every message and every
 * field of its metadata (errors included) before the real logger sees them.
 * Given to every service of the plugin; its children redact too.
 */
export function redactingLogger(
  logger: LoggerService,
  redactor: () => SecretRedactor,
): LoggerService {
  const log = (level: Level) => (message: string, meta?: Error | unknown) => {
    const r = redactor();
    const text = r.redact(String(message));
    let safeMeta: unknown = meta;
    if (meta instanceof Error) {
      const copy = new Error(r.redact(meta.message));
      copy.name = meta.name;
      copy.stack = meta.stack ? r.redact(meta.stack) : undefined;
      safeMeta = copy;
    } else if (meta !== undefined) {
      safeMeta = r.redactValue(meta);
    }
    notify('log', `${text} ${safeJson(safeMeta)}`);
    logger[level](text, safeMeta as Error);
  };
  return {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: meta =>
      redactingLogger(logger.child(redactor().redactValue(meta)), redactor),
  };
}

function safeJson(v: unknown): string {
  if (v === undefined) return '';
  if (v instanceof Error) return `${v.name}: ${v.message}\n${v.stack ?? ''}`;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
