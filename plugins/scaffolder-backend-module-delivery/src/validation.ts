import { InputError } from '@backstage/errors';

/** DNS-1123 label: what Kubernetes, Helm and our repos accept as a name. @public */
export const DNS_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** GitHub owner (organisation or user) login. */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** Chart versions we pin: SemVer with an optional leading `v` (Xposer uses `v0.0.20`). */
const CHART_VERSION =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Throws an InputError unless `value` is a DNS-safe name. */
export function assertDnsName(field: string, value: string): string {
  if (!DNS_NAME.test(value)) {
    throw new InputError(
      `${field} '${printable(
        value,
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

/** Throws unless `version` is a SemVer chart version (optionally `v`-prefixed). */
export function assertChartVersion(field: string, version: string): string {
  if (!CHART_VERSION.test(version)) {
    throw new InputError(
      `${field} '${printable(
        version,
      )}' is not a chart version like v0.0.1 or 1.2.3`,
    );
  }
  return version;
}

/** Single-line, control-character-free text (descriptions); length-capped. */
export function assertPlainText(
  field: string,
  value: string,
  max = 500,
): string {
  if (value.length > max) {
    throw new InputError(`${field} is longer than ${max} characters`);
  }
  if (
    [...value].some(c => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  ) {
    throw new InputError(
      `${field} must be a single line without control characters`,
    );
  }
  return value;
}

/** Truncated JSON rendering so error messages never echo multi-line input raw. */
function printable(value: string): string {
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s.slice(1, -1);
}

const ENTITY_REF =
  /^(?:[a-z][a-z0-9]*:)?(?:[a-z0-9][a-z0-9._-]{0,62}\/)?[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

/** Throws unless `value` looks like a catalog entity ref (`[kind:][namespace/]name`). */
export function assertEntityRef(field: string, value: string): string {
  if (!ENTITY_REF.test(value)) {
    throw new InputError(
      `${field} '${printable(
        value,
      )}' is not an entity ref like group:default/team-a`,
    );
  }
  return value;
}

/** Throws unless every name is a configured environment; returns them in config order. */
export function assertEnvironments(
  requested: readonly string[],
  configured: readonly { name: string }[],
): string[] {
  const known = configured.map(e => e.name);
  const unknown = requested.filter(e => !known.includes(e));
  if (unknown.length) {
    throw new InputError(
      `unknown environment(s) ${unknown
        .map(printable)
        .join(', ')}; configured in delivery.environments: ${
        known.join(', ') || '(none)'
      }`,
    );
  }
  return known.filter(e => requested.includes(e));
}

/** Throws unless `branch` is a plain git branch name. */
export function assertBranchName(field: string, branch: string): string {
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(branch) ||
    branch.includes('..')
  ) {
    throw new InputError(
      `${field} '${printable(branch)}' is not a valid branch name`,
    );
  }
  return branch;
}

/** Throws unless `url` is an http(s) URL without quotes, backslashes or whitespace. */
export function assertHttpUrl(
  field: string,
  url: string | undefined,
  configKey: string,
): string {
  if (!url || !/^https?:\/\/[^\s'"\\]+$/.test(url)) {
    throw new InputError(`${field} must be an http(s) URL (set ${configKey})`);
  }
  return url;
}

/** Throws unless `host` is a docker registry host (`host[:port][/path]`). */
export function assertRegistryHost(
  field: string,
  host: string | undefined,
  configKey: string,
): string {
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?(\/[a-z0-9._/-]+)?$/.test(host)) {
    throw new InputError(
      `${field} must be a registry host like 127.0.0.1:7103 (set ${configKey})`,
    );
  }
  return host;
}
