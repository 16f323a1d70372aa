import {
  Document,
  isAlias,
  isScalar,
  parseAllDocuments,
  parseDocument,
  Scalar,
  visit,
} from 'yaml';
import { UnprocessableError } from '../../errors';

/** Limits applied to every config-repo YAML file before it is edited. */
export interface SafeYamlLimits {
  /** Largest accepted file in bytes (default 256 KiB). */
  maxBytes?: number;
  /** Most alias nodes (`*ref`) accepted in one file (default 8). */
  maxAliases?: number;
}

/** Default size cap of an edited file. */
export const DEFAULT_MAX_YAML_BYTES = 256 * 1024;
/** Default alias cap: merge keys in a values file are fine, bombs are not. */
export const DEFAULT_MAX_YAML_ALIASES = 8;

/**
 * Parses one config-repo YAML file for editing, or refuses it with an
 * `UnprocessableError` (422) that names the file and the problem:
 * over the size cap, more than one document, syntax errors, duplicate keys,
 * too many aliases (billion laughs).
 *
 * The returned Document keeps source ranges, so edits can be spliced into the
 * original text (see `pinEdit`/`valuesEdit`) and nothing else moves.
 */
export function parseSafeYaml(
  content: string,
  path: string,
  limits: SafeYamlLimits = {},
): Document.Parsed {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_YAML_BYTES;
  const maxAliases = limits.maxAliases ?? DEFAULT_MAX_YAML_ALIASES;
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > maxBytes) {
    throw new UnprocessableError(
      `${path} is ${bytes} bytes, over the ${maxBytes}-byte limit for automated edits`,
    );
  }
  const docs = parseAllDocuments(content, { uniqueKeys: true });
  if (!Array.isArray(docs)) {
    throw new UnprocessableError(`${path} is empty`);
  }
  if (docs.length > 1) {
    throw new UnprocessableError(
      `${path} contains ${docs.length} YAML documents; exactly one is supported`,
    );
  }
  const doc = parseDocument(content, {
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
  });
  if (doc.errors.length) {
    const first = doc.errors[0];
    const what =
      first.code === 'DUPLICATE_KEY'
        ? 'has duplicate keys'
        : 'is not valid YAML';
    throw new UnprocessableError(
      `${path} ${what}: ${first.message.split('\n')[0]}`,
    );
  }
  let aliases = 0;
  visit(doc, {
    Alias() {
      aliases++;
      return aliases > maxAliases ? visit.BREAK : undefined;
    },
  });
  if (aliases > maxAliases) {
    throw new UnprocessableError(
      `${path} uses more than ${maxAliases} YAML aliases; refusing to expand it`,
    );
  }
  try {
    doc.toJS({ maxAliasCount: maxAliases * 10 });
  } catch (e) {
    throw new UnprocessableError(
      `${path} cannot be expanded safely: ${(e as Error).message}`,
    );
  }
  return doc;
}

/** The value of a source scalar as written (without quotes). */
export function scalarText(node: Scalar, content: string): string {
  if (node.type === 'PLAIN' && node.range) {
    return content.slice(node.range[0], node.range[1]);
  }
  return String(node.value);
}

/** True when the node is an alias or carries an anchor (shared data we must not edit). */
export function isShared(node: unknown): boolean {
  if (isAlias(node)) return true;
  return Boolean(
    node &&
      typeof node === 'object' &&
      'anchor' in node &&
      (node as Scalar).anchor,
  );
}

/** Renders `text` in the quoting style of `node`, or undefined if that is impossible. */
export function renderLikeScalar(
  node: Scalar,
  text: string,
): string | undefined {
  if (!isScalar(node)) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return undefined;
  switch (node.type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(text);
    case 'QUOTE_SINGLE':
      return `'${text.replace(/'/g, "''")}'`;
    case 'PLAIN':
      return text;
    default:
      return undefined;
  }
}

/** Replaces `[start, end)` of `content` by `text`. */
export function splice(
  content: string,
  start: number,
  end: number,
  text: string,
): string {
  return content.slice(0, start) + text + content.slice(end);
}
