import { InputError } from '@backstage/errors';
import { isChartVersion } from '@gitops-delivery/backstage-plugin-delivery-node';
import { hasControlChars } from './lang/chars';

/** DNS-1123 label: what Kubernetes, Helm and our repos accept as a name. */
export const DNS_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** GitHub owner (organisation or user) login. */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** Chart versions we pin: SemVer with an optional leading `v` (Xposer uses `v0.0.20`). */
/** Throws an InputError unless `value` is a DNS-safe name. */
export function assertDnsName(field: string, value: unknown): string {
  if (typeof value !== 'string' || !DNS_NAME.test(value)) {
    throw new InputError(
      `${field} '${printable(
        String(value),
      )}' is not DNS-safe: use 1-63 lowercase letters, digits and '-', starting and ending with a letter or digit`,
    );
  }
  return value;
}

/** Throws unless `owner` looks like a GitHub login and is in the allow-list. */
export function assertOwnerAllowed(
  owner: string,
  allowedOwners: readonly string[],
): string {
  if (!GITHUB_OWNER.test(owner)) {
    throw new InputError(
      `owner '${printable(owner)}' is not a valid GitHub owner`,
    );
  }
  const allowed = allowedOwners.some(
    o => o.toLocaleLowerCase('en-US') === owner.toLocaleLowerCase('en-US'),
  );
  if (!allowed) {
    throw new InputError(
      `owner '${owner}' is not allowed; allowed owners (delivery.scaffolder.allowedOwners): ${
        allowedOwners.length ? allowedOwners.join(', ') : '(none configured)'
      }`,
    );
  }
  return owner;
}

/** Throws unless `version` is a SemVer 2 chart version (optionally `v`-prefixed; delivery-node's check). */
export function assertChartVersion(field: string, version: unknown): string {
  if (!isChartVersion(version)) {
    throw new InputError(
      `${field} '${printable(
        String(version),
      )}' is not a chart version like v0.0.1 or 1.2.3`,
    );
  }
  return version;
}

/**
 * Besides C0/C1 controls and DEL (incl. CR, LF, NEL), never accepted in free text: line and
 * paragraph separators (U+2028/U+2029), bidirectional overrides and isolates ("Trojan
 * Source"), BOM/zero-width no-break space.
 */
const UNSAFE_TEXT = /[\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** Single-line, printable text (descriptions); length-capped; no lone surrogates. */
export function assertPlainText(
  field: string,
  value: unknown,
  max = 500,
): string {
  if (typeof value !== 'string') {
    throw new InputError(`${field} must be a string`);
  }
  if (value.length > max) {
    throw new InputError(`${field} is longer than ${max} characters`);
  }
  if (
    hasControlChars(value, '', true) ||
    UNSAFE_TEXT.test(value) ||
    /\p{Cs}/u.test(value)
  ) {
    throw new InputError(
      `${field} must be a single line of printable text (no control characters, line separators or direction overrides)`,
    );
  }
  return value;
}

/** Throws unless `value` is a boolean (the handler can be called without schema checks). */
export function assertBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InputError(`${field} must be true or false`);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`. */
export function assertOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InputError(
      `${field} '${printable(String(value))}' is not one of ${allowed.join(
        ', ',
      )}`,
    );
  }
  return value as T;
}

/** Throws unless `value` is an array of strings. */
export function assertStringArray(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new InputError(`${field} must be a list of strings`);
  }
  return value as string[];
}

/** Truncated JSON rendering so error messages never echo multi-line input raw. */
function printable(value: string): string {
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s.slice(1, -1);
}

const ENTITY_REF =
  /^(?:[a-z][a-z0-9]*:)?(?:[a-z0-9][a-z0-9._-]{0,62}\/)?[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/** Throws unless `value` looks like a catalog entity ref (`[kind:][namespace/]name`). */
export function assertEntityRef(field: string, value: unknown): string {
  if (typeof value !== 'string' || !ENTITY_REF.test(value)) {
    throw new InputError(
      `${field} '${printable(
        String(value),
      )}' is not an entity ref like group:default/team-a`,
    );
  }
  return value;
}

/** Throws unless every name is a configured environment; returns them in config order. */
export function assertEnvironments(
  requested: unknown,
  configured: readonly { name: string }[],
): string[] {
  assertStringArray('environments', requested);
  const known = configured.map(e => e.name);
  const unknown = (requested as string[]).filter(e => !known.includes(e));
  if (unknown.length) {
    throw new InputError(
      `unknown environment(s) ${unknown
        .map(printable)
        .join(', ')}; configured in delivery.environments: ${
        known.join(', ') || '(none)'
      }`,
    );
  }
  return known.filter(e => (requested as string[]).includes(e));
}

/** Throws unless `branch` is a plain git branch name (also safe in URLs, YAML, Groovy). */
export function assertBranchName(field: string, branch: unknown): string {
  if (
    typeof branch !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) ||
    /\.\.|\/\/|\/\.|\.lock$|[/.]$/.test(branch)
  ) {
    throw new InputError(
      `${field} '${printable(String(branch))}' is not a valid branch name`,
    );
  }
  return branch;
}

/**
 * Throws unless `url` is a plain http(s) base URL: host, optional port and path made of
 * `[A-Za-z0-9._~/-]` only (no credentials, query, fragment, `$`, quotes, spaces, `|`, `(`...).
 * It is written into Makefiles, Jenkinsfiles, shell commands and YAML.
 */
export function assertPlainHttpUrl(field: string, url: unknown): string {
  if (
    typeof url !== 'string' ||
    !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*\/?$/.test(url)
  ) {
    throw new InputError(
      `${field} must be an http(s) URL like http://127.0.0.1:7104 (host, port and a plain path only)`,
    );
  }
  return url.replace(/\/$/, '');
}

/** Throws unless `host` is a docker registry host (`host[:port][/path]`). */
export function assertRegistryHost(field: string, host: unknown): string {
  if (
    typeof host !== 'string' ||
    !/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[a-z0-9._-]+)*$/.test(host)
  ) {
    throw new InputError(
      `${field} must be a registry host like 127.0.0.1:7103 (host, port and a plain path only)`,
    );
  }
  return host;
}

/** Throws unless `image` is `<registry>/<path>` in the configured registry. */
export function assertImageInRegistry(
  field: string,
  image: unknown,
  registry: string,
  registryKey: string,
): string {
  if (
    typeof image !== 'string' ||
    !/^[a-z0-9.:-]+(\/[a-z0-9][a-z0-9._-]{0,127})+$/.test(image)
  ) {
    throw new InputError(
      `${field} '${printable(
        String(image),
      )}' is not an image repository like registry/owner/name`,
    );
  }
  if (!image.startsWith(`${registry}/`)) {
    throw new InputError(
      `${field} must be in the registry configured in app-config (${registryKey}: ${registry})`,
    );
  }
  return image;
}
