import { SecretRedactor } from './SecretRedactor';

/** Sees every text after redaction (the test suite's leak scan). */
export type RedactionObserver = (
  channel: 'log' | 'response' | 'error',
  text: string,
) => void;

let current = SecretRedactor.fromSecrets([]);
const observers = new Set<RedactionObserver>();

/**
 * Makes `redactor`'s secrets known process-wide (added to those already
 * known: several backends in one test process all stay redacted). Called
 * once at plugin start with the redactor built from config.
 */
export function installSecretRedactor(
  redactor: SecretRedactor,
): SecretRedactor {
  current = current.merge(redactor);
  return current;
}

/** The process-wide redactor (every secret installed so far). */
export function secretRedactor(): SecretRedactor {
  return current;
}

/** Redacts every installed secret from `text`. */
export function redactSecrets(text: string): string {
  const out = current.redact(text);
  notify('error', out);
  return out;
}

/** Registers an observer of redacted output; returns its removal. */
export function observeRedactedOutput(o: RedactionObserver): () => void {
  observers.add(o);
  return () => observers.delete(o);
}

/** Tells the observers about text that is leaving through a choke point. */
export function notify(channel: 'log' | 'response' | 'error', text: string) {
  for (const o of observers) o(channel, text);
}
