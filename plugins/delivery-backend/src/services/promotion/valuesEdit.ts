import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  stringify,
  YAMLMap,
} from 'yaml';
import { UnprocessableError } from '../../errors';
import { bumpImageTags } from './imageTagRule';
import { parseSafeYaml, SafeYamlLimits } from './safeYaml';
import {
  applyEdits,
  backOverSpaces,
  block,
  columnOf,
  Edit,
  isObject,
  keyOf,
  renderScalar,
  UNSAFE_KEYS,
} from './yamlSplice';

/** A JSON-like value parsed from the user's YAML mapping. */
export type ValuesInput = { [key: string]: unknown };

/** Options of {@link editValues}. */
export interface ValuesEditOptions {
  /** The release (dependency alias): values live under this top-level key. */
  release: string;
  /** File path, for error messages. */
  path: string;
  /** The user's mapping, merged under `<release>:`. Already validated. */
  values?: ValuesInput;
  /** Image-tag rule: tags equal to this version (ignoring a `v`) ... */
  previousVersion?: string;
  /** ... are set to this tag (the image's real tag in the registry). */
  imageTag?: string;
  limits?: SafeYamlLimits;
}

/** Result of {@link editValues}. */
export interface ValuesEditResult {
  content: string;
  changed: boolean;
  /** Dotted paths of `image.tag` values bumped by the image-tag rule. */
  bumpedImageTags: string[];
}

type Path = string[];

/**
 * Edits a release's values file in place:
 *
 * 1. Deep-merges `values` under the top-level `<release>:` key (mappings merge
 *    key by key; scalars and lists replace). Only touched keys change: each
 *    change is a splice of the original text at source ranges found with the
 *    `yaml` Document API, so comments, blank lines, indentation and quoting of
 *    everything else stay byte-identical. New keys are appended at the end of
 *    their mapping with its indentation and the file's line ending.
 * 2. Image-tag rule: every `image.tag` under `<release>:` (any depth, as in
 *    Stakater's `xposer.xposer.image.tag` and nordmart's
 *    `application.deployment.image.tag`) whose value equals `previousVersion`
 *    (ignoring a leading `v`) is set to `imageTag`, unless the user's values set
 *    that tag themselves. Tags pinned to other versions and `image: "repo:tag"`
 *    strings are left alone.
 *
 * The result is re-parsed and must equal the expected merge; anything that
 * cannot be edited in place (flow collections with content, anchors, a
 * mapping replaced by a scalar) is refused with `UnprocessableError`.
 */
export function editValues(
  content: string,
  options: ValuesEditOptions,
): ValuesEditResult {
  const { release, path } = options;
  const doc = parseSafeYaml(content, path, options.limits);
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const bumpedImageTags: string[] = [];
  const expected = (doc.toJS() ?? {}) as ValuesInput;
  if (!isObject(expected)) {
    throw new UnprocessableError(`${path} is not a YAML mapping`);
  }
  const root = doc.contents;
  const values = options.values ?? {};
  assertSafeKeys(values, path);
  const hasValues = Object.keys(values).length > 0;

  if (!isMap(root)) {
    if (root !== null && !(isScalar(root) && root.value === null)) {
      throw new UnprocessableError(`${path} is not a YAML mapping`);
    }
    if (hasValues) {
      const sep = content.length && !content.endsWith('\n') ? eol : '';
      edits.push({
        start: content.length,
        end: content.length,
        text: sep + block({ [release]: values }, 0, eol),
      });
    }
  } else {
    if (hasValues) {
      mergeInto(root, { [release]: values }, [], edits, content, path, eol);
    }
    const releaseNode = root.get(release, true);
    if (options.previousVersion && options.imageTag && isMap(releaseNode)) {
      bumpImageTags(releaseNode, [release], {
        from: options.previousVersion,
        to: options.imageTag,
        userValues: values,
        edits,
        bumped: bumpedImageTags,
        content,
        expected,
      });
    }
  }
  if (hasValues) deepMerge(expected, { [release]: values });

  const next = applyEdits(content, edits);
  if (next === content) {
    return { content, changed: false, bumpedImageTags: [] };
  }
  const check = parseSafeYaml(next, path, {
    ...options.limits,
    maxBytes: Number.MAX_SAFE_INTEGER,
  }).toJS();
  if (!isDeepStrictEqual(check ?? {}, expected)) {
    throw new UnprocessableError(
      `${path}: the values could not be merged in place without changing other keys; edit the file by hand`,
    );
  }
  return { content: next, changed: true, bumpedImageTags };
}

function mergeInto(
  map: YAMLMap,
  values: ValuesInput,
  path: Path,
  edits: Edit[],
  content: string,
  file: string,
  eol: string,
): void {
  const where = (k: string) => [...path, k].join('.');
  if (map.flow || !map.range) {
    throw new UnprocessableError(
      `${file}: ${
        path.join('.') || 'the file'
      } is a flow mapping; edit it by hand`,
    );
  }
  if (map.anchor) {
    throw new UnprocessableError(
      `${file}: ${path.join('.')} is a YAML anchor; edit it by hand`,
    );
  }
  const missing: ValuesInput = {};
  for (const [k, v] of Object.entries(values)) {
    if (UNSAFE_KEYS.has(k)) {
      throw new UnprocessableError(`values must not use the key "${k}"`);
    }
    const pair = map.items.find(p => keyOf(p) === k);
    if (!pair) {
      missing[k] = v;
      continue;
    }
    const node = pair.value;
    const keyStart = (pair.key as Scalar).range?.[0] ?? 0;
    const childIndent = columnOf(content, keyStart) + 2;
    if (isMap(node) && isObject(v) && !node.flow) {
      mergeInto(node, v, [...path, k], edits, content, file, eol);
    } else if (
      isObject(v) &&
      node &&
      ((isMap(node) && node.flow && node.items.length === 0) ||
        (isScalar(node) && node.value === null))
    ) {
      const range = (node as YAMLMap | Scalar).range!;
      edits.push({
        start: backOverSpaces(content, range[0]),
        end: range[1],
        text: eol + block(v, childIndent, eol).replace(/\r?\n$/, ''),
      });
    } else if (
      !isObject(v) &&
      !Array.isArray(v) &&
      isScalar(node) &&
      !node.anchor &&
      (node.type === 'PLAIN' ||
        node.type === 'QUOTE_DOUBLE' ||
        node.type === 'QUOTE_SINGLE') &&
      node.range
    ) {
      if (isDeepStrictEqual(node.value, v)) continue;
      const empty = node.range[0] === node.range[1];
      const text = renderScalar(node, v, content);
      edits.push({
        start: node.range[0],
        end: node.range[1],
        text: empty && content[node.range[0] - 1] === ':' ? ` ${text}` : text,
      });
    } else if (
      Array.isArray(v) &&
      node &&
      ((isSeq(node) && node.flow && node.items.length === 0) ||
        (isScalar(node) && node.value === null))
    ) {
      const range = (node as Scalar).range!;
      const text = stringify(v, { indent: 2, lineWidth: 0 })
        .replace(/\n$/, '')
        .split('\n')
        .map(l => ' '.repeat(childIndent) + l)
        .join(eol);
      edits.push({
        start: backOverSpaces(content, range[0]),
        end: range[1],
        text: eol + text,
      });
    } else {
      throw new UnprocessableError(
        `${file}: cannot merge ${where(
          k,
        )} in place (existing value has another shape or style); edit it by hand`,
      );
    }
  }
  if (Object.keys(missing).length) {
    const first = map.items[0]?.key as Scalar | undefined;
    const indent = first?.range ? columnOf(content, first.range[0]) : 0;
    const at = map.range[1];
    const sep = at > 0 && content[at - 1] !== '\n' ? eol : '';
    edits.push({ start: at, end: at, text: sep + block(missing, indent, eol) });
  }
}

function assertSafeKeys(value: unknown, file: string): void {
  if (Array.isArray(value)) {
    value.forEach(v => assertSafeKeys(v, file));
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(k)) {
      throw new UnprocessableError(
        `${file}: values must not use the key "${k}"`,
      );
    }
    assertSafeKeys(v, file);
  }
}

function deepMerge(target: ValuesInput, source: ValuesInput): void {
  for (const [k, v] of Object.entries(source)) {
    if (UNSAFE_KEYS.has(k)) {
      throw new UnprocessableError(`values must not use the key "${k}"`);
    }
    if (isObject(v) && Object.hasOwn(target, k) && isObject(target[k])) {
      deepMerge(target[k] as ValuesInput, v);
    } else {
      target[k] = v;
    }
  }
}

/** Exposed for tests: the Document type used by the editor. */
export type ValuesDocument = Document.Parsed;
