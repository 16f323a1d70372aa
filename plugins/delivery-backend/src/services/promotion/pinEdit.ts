import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap } from 'yaml';
import { UnprocessableError } from '../../errors';
import {
  parseSafeYaml,
  renderLikeScalar,
  SafeYamlLimits,
  scalarText,
  splice,
} from './safeYaml';

/** A dependency entry of a requirements file. */
export interface PinnedDependency {
  name: string;
  alias?: string;
  /** The pinned version exactly as written (without quotes). */
  version: string;
  /** Index in `dependencies:`. */
  index: number;
}

/** Result of {@link editPin}. */
export interface PinEditResult {
  /** The new file content (identical to the input when `changed` is false). */
  content: string;
  changed: boolean;
  dependency: PinnedDependency;
  previousVersion: string;
  /** The version as written, in the file's `v`-prefix style. */
  writtenVersion: string;
}

function scalarString(
  item: YAMLMap,
  key: string,
  content: string,
): { node: Scalar; text: string } | undefined {
  const node = item.get(key, true);
  if (node === undefined || node === null) return undefined;
  if (!isScalar(node)) {
    throw new UnprocessableError(`dependency field "${key}" must be a scalar`);
  }
  return { node, text: scalarText(node, content) };
}

/**
 * Finds the dependency of `release` in a v1 `requirements.yaml` or a v2
 * `Chart.yaml`: the entry whose `alias` is the release, else an entry without
 * alias whose `name` is the release. Throws `UnprocessableError` when the file
 * is unsafe, the release is missing or listed twice.
 */
export function findPin(
  content: string,
  release: string,
  path = 'requirements file',
  limits?: SafeYamlLimits,
): { dependency: PinnedDependency; node: Scalar } {
  const doc = parseSafeYaml(content, path, limits);
  const deps = isMap(doc.contents)
    ? doc.contents.get('dependencies', true)
    : undefined;
  if (!isSeq(deps)) {
    throw new UnprocessableError(`${path} has no "dependencies:" list`);
  }
  const entries = deps.items.map((item, index) => {
    if (!isMap(item)) {
      throw new UnprocessableError(
        `${path}: dependencies[${index}] is not a mapping`,
      );
    }
    const name = scalarString(item, 'name', content);
    const alias = scalarString(item, 'alias', content);
    return { item, index, name: name?.text, alias: alias?.text };
  });
  let matches = entries.filter(e => e.alias === release);
  if (!matches.length) {
    matches = entries.filter(e => !e.alias && e.name === release);
  }
  if (!matches.length) {
    const known = entries.map(e => e.alias ?? e.name).filter(Boolean);
    throw new UnprocessableError(
      `${path} has no dependency named or aliased "${release}" (found: ${
        known.join(', ') || 'none'
      })`,
    );
  }
  if (matches.length > 1) {
    throw new UnprocessableError(
      `${path} lists dependency "${release}" ${matches.length} times; fix the file by hand`,
    );
  }
  const match = matches[0];
  const version = scalarString(match.item, 'version', content);
  if (!version || !version.node.range) {
    throw new UnprocessableError(
      `${path}: dependency "${release}" has no version to bump`,
    );
  }
  if (version.node.anchor) {
    throw new UnprocessableError(
      `${path}: the version of "${release}" is a YAML anchor; edit it by hand`,
    );
  }
  return {
    node: version.node,
    dependency: {
      name: match.name ?? release,
      alias: match.alias,
      version: version.text,
      index: match.index,
    },
  };
}

/**
 * Applies the file's `v`-prefix style to a semver-ish version: pin `0.0.19`
 * and requested `v0.0.20` -> `0.0.20`; pin `v0.0.19` and `0.0.20` -> `v0.0.20`.
 * Non-semver pins or versions are written as requested.
 */
export function inPinStyle(previous: string, requested: string): string {
  const semverish = /^[vV]?\d+\.\d+\.\d+/;
  if (!semverish.test(previous) || !semverish.test(requested)) {
    return requested;
  }
  const bare = requested.replace(/^[vV]/, '');
  const prefix = /^[vV]/.exec(previous)?.[0] ?? '';
  return prefix + bare;
}

/**
 * Changes only the pinned version of `release` in a requirements file and
 * returns the new content. The edit is a splice of the version scalar's source
 * range (found through the `yaml` Document API), so comments, key order,
 * quoting, indentation, blank lines, CRLF and a BOM stay byte-identical; the
 * result is re-parsed and must equal the input except for that one version.
 */
export function editPin(
  content: string,
  release: string,
  version: string,
  path = 'requirements file',
  limits?: SafeYamlLimits,
  options: { exactSpelling?: boolean } = {},
): PinEditResult {
  const { node, dependency } = findPin(content, release, path, limits);
  // the chart's own spelling when known (#11: chart v0.0.20 -> pin v0.0.20),
  // else the file's `v` style
  // (re-spelling the same version is not a change: no diff, no PR)
  const written =
    options.exactSpelling &&
    dependency.version.replace(/^[vV]/, '') !== version.replace(/^[vV]/, '')
      ? version
      : inPinStyle(dependency.version, version);
  const base = {
    dependency,
    previousVersion: dependency.version,
    writtenVersion: written,
  };
  if (written === dependency.version) {
    return { ...base, content, changed: false };
  }
  const text = renderLikeScalar(node, written);
  if (text === undefined || !node.range) {
    throw new UnprocessableError(
      `${path}: the version of "${release}" uses a YAML style that cannot be edited safely`,
    );
  }
  const next = splice(content, node.range[0], node.range[1], text);
  verifyPinEdit(content, next, dependency.index, written, path);
  return { ...base, content: next, changed: true };
}

function verifyPinEdit(
  before: string,
  after: string,
  index: number,
  written: string,
  path: string,
) {
  const a = parseDocument(before).toJS() as {
    dependencies: Array<Record<string, unknown>>;
  };
  const b = parseDocument(after).toJS() as {
    dependencies: Array<Record<string, unknown>>;
  };
  const got = b?.dependencies?.[index]?.version;
  a.dependencies[index].version = got;
  if (String(got) !== written || !isDeepStrictEqual(a, b)) {
    throw new UnprocessableError(
      `${path}: editing the pin would change more than the version; edit it by hand`,
    );
  }
}
