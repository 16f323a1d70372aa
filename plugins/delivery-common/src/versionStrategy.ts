/**
 * Version discovery strategies: how a code build's released version is found.
 * Named in `delivery.versionFrom` (app-config) and, per entity, in the
 * `delivery/version-from` annotation. The first strategy that yields a
 * version wins.
 */

/** One version discovery strategy. @public */
export type VersionStrategy =
  | { kind: 'displayName' }
  | { kind: 'description' }
  | { kind: 'parameter'; name: string }
  /** A git tag at the built commit, or at the version-bump commit the build pushed on top of it. */
  | { kind: 'gitTag' }
  /** A pattern with one capture group, on the built commit's message (or the bump commit on top of it). */
  | { kind: 'commitMessage'; pattern: string }
  /** The image's OCI labels (`org.opencontainers.image.revision` / `.version`). */
  | { kind: 'imageLabel' }
  /** A version file in the repo at the built commit (e.g. `.version`). */
  | { kind: 'file'; path: string };

/** The default `commitMessage` pattern: Stakater's `Bump Version to X` and the like. @public */
export const DEFAULT_COMMIT_MESSAGE_PATTERN =
  '^(?:\\[ci skip\\] )?bump(?:ed)? version to (v?\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)';

/**
 * The default order: works with zero configuration on builds that show the
 * version as their display name, and on Stakater's convention (display name
 * `#N`, a `Bump Version to X` commit tagged `X`, images labelled with their
 * revision).
 * @public
 */
export const DEFAULT_VERSION_STRATEGIES: readonly VersionStrategy[] = [
  { kind: 'displayName' },
  { kind: 'gitTag' },
  { kind: 'commitMessage', pattern: DEFAULT_COMMIT_MESSAGE_PATTERN },
  { kind: 'imageLabel' },
];

const PARAMETER = /^[A-Za-z0-9_.-]{1,64}$/;
const FILE_PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._/-]{1,200}$/;
const MAX_PATTERN = 200;

/**
 * Rejects patterns that are too long, do not compile, do not have exactly one
 * capture group, or nest quantifiers (`(a+)+`), which can backtrack
 * catastrophically on a long message.
 */
function checkPattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN)
    return `is longer than ${MAX_PATTERN} characters`;
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'i');
  } catch (e) {
    return `is not a valid regular expression (${(e as Error).message})`;
  }
  const groups = new RegExp(`${re.source}|`).exec('')!.length - 1;
  if (groups !== 1)
    return `must have exactly one capture group (has ${groups})`;
  if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(pattern)) {
    return 'nests quantifiers (like (a+)+), which can take exponential time';
  }
  return undefined;
}

/** Parses one strategy; throws an Error saying what is wrong. @public */
export function parseVersionStrategy(raw: string): VersionStrategy {
  const s = raw.trim();
  if (s === 'displayName' || s === 'description' || s === 'gitTag')
    return { kind: s };
  if (s === 'imageLabel') return { kind: 'imageLabel' };
  if (s === 'commitMessage')
    return { kind: 'commitMessage', pattern: DEFAULT_COMMIT_MESSAGE_PATTERN };
  const colon = s.indexOf(':');
  const head = colon < 0 ? s : s.slice(0, colon);
  const arg = colon < 0 ? '' : s.slice(colon + 1);
  if (head === 'parameter' && PARAMETER.test(arg))
    return { kind: 'parameter', name: arg };
  if (head === 'file' && FILE_PATH.test(arg))
    return { kind: 'file', path: arg };
  if (head === 'commitMessage' && arg) {
    const problem = checkPattern(arg);
    if (problem) throw new Error(`commitMessage pattern ${problem}`);
    return { kind: 'commitMessage', pattern: arg };
  }
  throw new Error(
    `"${s}" is not a version strategy; use displayName, description, parameter:<NAME>, gitTag, commitMessage[:<regex>], imageLabel or file:<path>`,
  );
}

/** Parses a comma-separated list (regex patterns may not contain commas there). @public */
export function parseVersionStrategies(
  list: string | readonly string[],
): VersionStrategy[] {
  const items = typeof list === 'string' ? list.split(',') : [...list];
  const out = items
    .map(i => i.trim())
    .filter(Boolean)
    .map(parseVersionStrategy);
  if (!out.length) throw new Error('names no strategy');
  return out;
}

/** The strategy as written in config, e.g. `parameter:VERSION`. @public */
export function formatVersionStrategy(s: VersionStrategy): string {
  switch (s.kind) {
    case 'parameter':
      return `parameter:${s.name}`;
    case 'file':
      return `file:${s.path}`;
    case 'commitMessage':
      return s.pattern === DEFAULT_COMMIT_MESSAGE_PATTERN
        ? 'commitMessage'
        : `commitMessage:${s.pattern}`;
    default:
      return s.kind;
  }
}
