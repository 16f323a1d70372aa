import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
} from 'yaml';
import { createHash } from 'node:crypto';
import { UpstreamError } from '../../upstreams/http';

/** Largest requirements/Chart.yaml we parse. */
const MAX_PIN_FILE_BYTES = 512 * 1024;

/** A release's pin in a requirements.yaml (v1) or Chart.yaml (v2). */
export interface Pin {
  /** As written in the file (e.g. `0.0.15` or `v0.0.20`). */
  version: string;
  /** 1-based line of the `version:` value. */
  line: number;
  /** How the dependency matched: by `alias` or by `name`. */
  matchedBy: 'alias' | 'name';
}

/** Pins already found, by (path, release, file content); the oldest dropped first. */
const parsedPins = new Map<string, Pin | undefined>();
const PARSED_PINS_KEPT = 5_000;

function text(node: unknown, content: string): string | undefined {
  if (!isScalar(node)) return undefined;
  const s = node as Scalar;
  if (s.type === 'PLAIN' && s.range)
    return content.slice(s.range[0], s.range[1]).trim();
  return s.value === null || s.value === undefined
    ? undefined
    : String(s.value);
}

/**
 * Finds the dependency of `release` in `dependencies[]` (same key in Helm v1
 * requirements.yaml and v2 Chart.yaml): the entry whose `alias` equals the
 * release first, then one whose `name` equals it. Returns undefined when the
 * release is not pinned; throws a `bad-response` UpstreamError for a file that
 * is not safe YAML (syntax, duplicate keys, aliases, size).
 */
export function findPin(
  content: string,
  path: string,
  release: string,
): Pin | undefined {
  // the same file is read at the same commits by every view: parse it once
  const key = createHash('sha1')
    .update(path)
    .update('\0')
    .update(release)
    .update('\0')
    .update(content)
    .digest('base64');
  if (parsedPins.has(key)) return parsedPins.get(key);
  const pin = parsePin(content, path, release);
  if (parsedPins.size >= PARSED_PINS_KEPT) {
    parsedPins.delete(parsedPins.keys().next().value!);
  }
  parsedPins.set(key, pin && Object.freeze(pin));
  return pin;
}

function parsePin(
  content: string,
  path: string,
  release: string,
): Pin | undefined {
  if (Buffer.byteLength(content, 'utf8') > MAX_PIN_FILE_BYTES) {
    throw new UpstreamError(
      'bad-response',
      `${path} is larger than ${MAX_PIN_FILE_BYTES} bytes`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(content.replace(/^\uFEFF/, ''), {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  if (doc.errors.length) {
    throw new UpstreamError(
      'bad-response',
      `${path} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
  }
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const deps = root.get('dependencies', true);
  if (!isSeq(deps)) return undefined;
  let byName: Pin | undefined;
  for (const item of deps.items) {
    if (!isMap(item)) continue;
    const versionNode = item.get('version', true);
    const version = text(versionNode, content);
    if (!version || !isScalar(versionNode) || !versionNode.range) continue;
    const line = lineCounter.linePos(versionNode.range[0]).line;
    if (text(item.get('alias', true), content) === release) {
      return { version, line, matchedBy: 'alias' };
    }
    if (!byName && text(item.get('name', true), content) === release) {
      const alias = text(item.get('alias', true), content);
      // A dependency aliased to something else is another release of the chart.
      if (!alias || alias === release)
        byName = { version, line, matchedBy: 'name' };
    }
  }
  return byName;
}
