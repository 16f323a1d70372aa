import type { Config } from '@backstage/config';
import { ConfiguredSecret, formsPattern, secretForms } from './secretForms';

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Keys of `integrations.*` entries that hold secrets (`@visibility secret`). */
const INTEGRATION_SECRET_KEYS = new Set([
  'token',
  'password',
  'appPassword',
  'apiToken',
  'privateKey',
  'clientSecret',
  'webhookSecret',
  'secretAccessKey',
  'accessKeyId',
]);

function str(c: Config, key: string): string | undefined {
  const v = c.getOptional(key);
  return typeof v === 'string' ? v : undefined;
}

/** Collects every secret of the delivery config and the integrations. */
export function configuredSecrets(root: Config): ConfiguredSecret[] {
  const out: ConfiguredSecret[] = [];
  const push = (value: string | undefined, username?: string) => {
    if (value) out.push({ value, username });
  };
  const d = root.getOptionalConfig('delivery');
  for (const key of ['codeJenkins', 'deployJenkins']) {
    for (const c of d?.getOptionalConfigArray(key) ?? []) {
      push(str(c, 'apiToken'), str(c, 'username'));
    }
  }
  for (const key of ['nexus', 'chartMuseum']) {
    for (const c of d?.getOptionalConfigArray(key) ?? []) {
      push(str(c, 'password'), str(c, 'username'));
    }
  }
  for (const env of d?.getOptionalConfigArray('environments') ?? []) {
    push(str(env, 'cluster.token'));
  }
  // every integration kind: github, gitlab, ... (tokens, App keys, secrets)
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key && INTEGRATION_SECRET_KEYS.has(key)) push(value);
      return;
    }
    if (Array.isArray(value)) value.forEach(v => walk(v));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(root.getOptional('integrations'));
  return out;
}

/**
 * Removes configured secrets from text, values and errors. Built once from
 * config at plugin start (see `installSecretRedactor`), it is the one choke
 * point every upstream error, log line and response of the plugin passes
 * through.
 */
export class SecretRedactor {
  private readonly pattern?: RegExp;

  private constructor(readonly forms: readonly string[]) {
    this.pattern = formsPattern(forms);
  }

  static fromSecrets(secrets: ConfiguredSecret[]): SecretRedactor {
    return new SecretRedactor(secrets.flatMap(secretForms));
  }

  static fromConfig(root: Config): SecretRedactor {
    return SecretRedactor.fromSecrets(configuredSecrets(root));
  }

  /** A redactor knowing both sets of secrets. */
  merge(other: SecretRedactor): SecretRedactor {
    return new SecretRedactor([...new Set([...this.forms, ...other.forms])]);
  }

  redact(text: string): string {
    if (!this.pattern || typeof text !== 'string') return text;
    return text.replace(this.pattern, REDACTED);
  }

  /** A deep copy of JSON-like data with every string redacted. */
  redactValue<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.redact(value) as unknown as T;
    if (!this.pattern || depth > 20 || value === null) return value;
    if (value instanceof Error) return this.redactError(value) as unknown as T;
    if (Array.isArray(value)) {
      return value.map(v => this.redactValue(v, depth + 1)) as unknown as T;
    }
    if (typeof value === 'object' && isPlain(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as object)) {
        out[k] = this.redactValue(v, depth + 1);
      }
      return out as T;
    }
    return value;
  }

  /** Redacts an error's message and stack in place, and its causes. */
  redactError<E>(error: E, depth = 0): E {
    if (!this.pattern || !(error instanceof Error) || depth > 5) return error;
    try {
      error.message = this.redact(error.message);
      if (error.stack) error.stack = this.redact(error.stack);
    } catch {
      // frozen or read-only: leave it (the response and log layers redact again)
    }
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) this.redactError(cause, depth + 1);
    return error;
  }
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
