import { ConflictError, InputError } from '@backstage/errors';
import { Document, isMap, isSeq, parseDocument, stringify } from 'yaml';
import { yamlFile } from '../lang/yaml';

/** One pinned chart in an umbrella chart. */
export interface ReleaseDependency {
  /** Chart name in the chart repository. */
  name: string;
  version: string;
  /** Chart repository URL. */
  repository: string;
  /** Release name (alias); the values file nests values under it. */
  alias: string;
}

/** Size cap for files we edit. */
const MAX_BYTES = 256 * 1024;

function parseStrict(text: string, path: string): Document.Parsed {
  if (text.length > MAX_BYTES) {
    throw new InputError(`${path} is larger than ${MAX_BYTES} bytes`);
  }
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    uniqueKeys: true,
  });
  if (doc.errors.length) {
    throw new InputError(`${path} is not valid YAML: ${doc.errors[0].message}`);
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new InputError(`${path} must be a YAML mapping`);
  }
  return doc;
}

function depsOf(doc: Document.Parsed, path: string) {
  const deps = doc.get('dependencies', true);
  if (deps === undefined || deps === null) return undefined;
  if (!isSeq(deps)) {
    // `dependencies:` with no value parses as a null scalar
    if ((deps as { value?: unknown }).value === null) return undefined;
    throw new InputError(`${path}: 'dependencies' must be a list`);
  }
  return deps;
}

/**
 * Adds `dep` at the end of the `dependencies:` list of a `requirements.yaml` (Helm v1)
 * or `Chart.yaml` (Helm v2), as a textual insertion so every existing line, comment,
 * quote and line ending is kept; the new entry itself is rendered by the yaml library.
 */
export function addDependency(
  text: string,
  dep: ReleaseDependency,
  path = 'requirements.yaml',
): string {
  const doc = parseStrict(text, path);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const deps = depsOf(doc, path);
  const existing = (deps?.toJSON() ?? []) as Array<Record<string, unknown>>;
  if (existing.some(d => (d?.alias ?? d?.name) === dep.alias)) {
    throw new ConflictError(`${path} already has a dependency '${dep.alias}'`);
  }
  const entry = stringify([{ ...dep }])
    .trimEnd()
    .split('\n');
  let result: string;
  if (deps && deps.items.length && !deps.flow) {
    const first = deps.items[0] as { range?: [number, number, number] };
    const start = first.range![0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const prefix = text.slice(lineStart, start); // e.g. "  - "
    const indent = prefix.replace('-', ' ');
    const lines = entry.map((l, i) =>
      i === 0 ? prefix + l.slice(2) : indent + l.slice(2),
    );
    let at = deps.range![1];
    // insert after the line holding the end of the last item
    const nl = text.indexOf('\n', at - 1);
    at = nl < 0 ? text.length : nl + 1;
    const before = text.slice(0, at);
    result = `${before}${before.endsWith('\n') ? '' : eol}${lines.join(
      eol,
    )}${eol}${text.slice(at)}`;
  } else if (deps) {
    if (deps.items.length) {
      throw new InputError(
        `${path}: a flow-style non-empty 'dependencies' list cannot be edited`,
      );
    }
    const [s, e] = deps.range!;
    result = `${text.slice(0, s).trimEnd()}${eol}${entry.join(eol)}${text.slice(
      e,
    )}`;
  } else {
    const pair = isMap(doc.contents)
      ? doc.contents.items.find(
          p => (p.key as { value?: unknown })?.value === 'dependencies',
        )
      : undefined;
    if (pair) {
      // `dependencies:` with an empty value: put the list right after the key line
      const keyEnd = (pair.key as { range: [number, number, number] }).range[1];
      const nl = text.indexOf('\n', keyEnd);
      const at = nl < 0 ? text.length : nl + 1;
      const head = text.slice(0, at);
      result = `${head}${head.endsWith('\n') ? '' : eol}${entry.join(
        eol,
      )}${eol}${text.slice(at)}`;
    } else {
      const body = text.length && !text.endsWith('\n') ? `${text}${eol}` : text;
      result = `${body}dependencies:${eol}${entry.join(eol)}${eol}`;
    }
  }
  verify(text, result, dep, path);
  return result;
}

/** Re-parses the edit: the old content must be unchanged and exactly `dep` appended. */
function verify(
  before: string,
  after: string,
  dep: ReleaseDependency,
  path: string,
) {
  const old = parseStrict(before, path).toJSON() ?? {};
  const now = parseStrict(after, path).toJSON() ?? {};
  const expected = {
    ...old,
    dependencies: [...((old.dependencies as unknown[]) ?? []), { ...dep }],
  };
  if (JSON.stringify(normalize(expected)) !== JSON.stringify(normalize(now))) {
    throw new InputError(
      `${path}: could not add '${dep.alias}' without changing other content`,
    );
  }
}

function normalize(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Values file for a new release: `<release>: { <chart>: { image: ... } }`. */
export function releaseValuesFile(opts: {
  release: string;
  chart: string;
  image: string;
  version: string;
  environment: string;
}): string {
  return yamlFile(
    {
      [opts.release]: {
        [opts.chart]: {
          image: { name: opts.image, tag: opts.version },
        },
      },
    },
    ` Values of the ${opts.release} release in ${opts.environment} (added by the delivery scaffolder)`,
  );
}

/** Expands `{release}` in a configured values path. */
export function valuesPathFor(pattern: string, release: string): string {
  return pattern.split('{release}').join(release);
}
