import { parseDocument } from 'yaml';

/** The outcome of checking the optional values YAML of a promotion. */
export type ValuesCheck =
  | { ok: true; values?: string }
  | { ok: false; error: string };

/**
 * Validates the values a user typed before they are sent: empty means no
 * values change; otherwise a single YAML document whose root is a mapping,
 * without parse errors or warnings (duplicate keys are errors in `yaml`).
 */
export function checkValuesYaml(text: string): ValuesCheck {
  if (text.trim() === '') return { ok: true };
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    return { ok: false, error: problem.message };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      error:
        'Values must be a YAML mapping (key: value), e.g. "xposer: {replicas: 2}"',
    };
  }
  return { ok: true, values: text };
}
