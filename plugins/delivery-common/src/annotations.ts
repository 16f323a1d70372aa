import type { Entity } from '@backstage/catalog-model';
import { parseVersionStrategies, VersionStrategy } from './versionStrategy';

/** `[instance:]full/job/path` on a code Jenkins. @public */
export const ANNOTATION_CODE_JOB = 'delivery/code-job';
/** `[instance:]image name` in Nexus. @public */
export const ANNOTATION_IMAGE = 'delivery/image';
/** `[instance:]chart name` in ChartMuseum. @public */
export const ANNOTATION_CHART = 'delivery/chart';
/** Dependency name/alias in the config repos; defaults to the chart. @public */
export const ANNOTATION_RELEASE = 'delivery/release';
/** Optional comma-separated list narrowing the configured environments. @public */
export const ANNOTATION_ENVIRONMENTS = 'delivery/environments';

/**
 * Optional, comma-separated: the version strategies for this entity's builds,
 * in order (overrides `delivery.versionFrom`). Names strategies, never hosts.
 * @public
 */
export const ANNOTATION_VERSION_FROM = 'delivery/version-from';

/** An identifier on a named upstream instance. @public */
export interface InstanceRef {
  /** Instance name; undefined means the configured default. */
  instance?: string;
  id: string;
}

/** The delivery annotations of an entity, parsed. @public */
export interface DeliveryAnnotations {
  codeJob?: InstanceRef;
  image?: InstanceRef;
  chart?: InstanceRef;
  /** Always set when the entity has any delivery annotation. */
  release?: string;
  environments?: string[];
  /** From `delivery/version-from`; undefined: the app-config order. */
  versionFrom?: VersionStrategy[];
}

/** A problem with one annotation. @public */
export interface AnnotationProblem {
  annotation: string;
  message: string;
}

const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

function isControlCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/**
 * Checks one identifier: names and paths only, never a URL, a host, a query,
 * a parent-directory segment or control characters.
 */
function checkIdentifier(id: string, allowSlash: boolean): string | undefined {
  if (!id) return 'is empty';
  if (id.length > 512) return 'is longer than 512 characters';
  if (/\s/.test(id) || [...id].some(isControlCharacter)) {
    return 'contains whitespace or control characters';
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(id) || id.startsWith('//')) {
    return 'looks like a URL; use an instance name from app-config instead';
  }
  if (/[?#\\]/.test(id)) return 'contains one of ? # \\';
  if (!allowSlash && id.includes('/')) return 'must not contain /';
  const segments = id.split('/');
  if (segments.some(s => s === '..' || s === '.')) {
    return 'contains a . or .. path segment';
  }
  if (segments.some(s => !s)) return 'has an empty path segment';
  return undefined;
}

/**
 * Parses `[instance:]identifier`. Throws an Error naming the annotation on bad
 * input.
 * @public
 */
export function parseInstanceRef(
  annotation: string,
  value: string,
  options: { allowSlash: boolean } = { allowSlash: true },
): InstanceRef {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  let instance: string | undefined;
  let id = trimmed;
  if (colon >= 0 && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    instance = trimmed.slice(0, colon);
    id = trimmed.slice(colon + 1);
    if (!INSTANCE_NAME.test(instance)) {
      throw new Error(
        `Annotation ${annotation}: instance name "${instance}" is not a valid name`,
      );
    }
  }
  const problem = checkIdentifier(id, options.allowSlash);
  if (problem) {
    throw new Error(`Annotation ${annotation}: "${value}" ${problem}`);
  }
  return { instance, id };
}

/** True when the entity carries any delivery annotation. @public */
export function isDeliveryAvailable(entity: Entity): boolean {
  const a = entity.metadata.annotations ?? {};
  return Boolean(
    a[ANNOTATION_CODE_JOB] ||
      a[ANNOTATION_IMAGE] ||
      a[ANNOTATION_CHART] ||
      a[ANNOTATION_RELEASE],
  );
}

/**
 * Reads the delivery annotations of an entity. Bad annotations are reported
 * in `problems` and left out, so the rest of the view can still be built.
 * @public
 */
export function readDeliveryAnnotations(entity: Entity): {
  annotations: DeliveryAnnotations;
  problems: AnnotationProblem[];
} {
  const raw = entity.metadata.annotations ?? {};
  const problems: AnnotationProblem[] = [];
  const annotations: DeliveryAnnotations = {};

  const parse = (key: string, allowSlash: boolean) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    try {
      return parseInstanceRef(key, value, { allowSlash });
    } catch (e) {
      problems.push({ annotation: key, message: (e as Error).message });
      return undefined;
    }
  };

  annotations.codeJob = parse(ANNOTATION_CODE_JOB, true);
  annotations.image = parse(ANNOTATION_IMAGE, true);
  annotations.chart = parse(ANNOTATION_CHART, false);

  const release = raw[ANNOTATION_RELEASE]?.trim();
  if (release !== undefined) {
    if (NAME.test(release)) annotations.release = release;
    else {
      problems.push({
        annotation: ANNOTATION_RELEASE,
        message: `Annotation ${ANNOTATION_RELEASE}: "${release}" is not a valid dependency name or alias`,
      });
    }
  } else if (annotations.chart) {
    annotations.release = annotations.chart.id;
  }

  const envs = raw[ANNOTATION_ENVIRONMENTS];
  if (envs !== undefined) {
    const list = envs
      .split(',')
      .map(e => e.trim())
      .filter(Boolean);
    const bad = list.filter(e => !NAME.test(e));
    if (bad.length) {
      problems.push({
        annotation: ANNOTATION_ENVIRONMENTS,
        message: `Annotation ${ANNOTATION_ENVIRONMENTS}: invalid environment name(s) ${bad.join(
          ', ',
        )}`,
      });
    }
    annotations.environments = list.filter(e => NAME.test(e));
  }

  const versionFrom = raw[ANNOTATION_VERSION_FROM];
  if (versionFrom !== undefined) {
    try {
      annotations.versionFrom = parseVersionStrategies(versionFrom);
    } catch (e) {
      problems.push({
        annotation: ANNOTATION_VERSION_FROM,
        message: `Annotation ${ANNOTATION_VERSION_FROM}: ${
          (e as Error).message
        }`,
      });
    }
  }
  return { annotations, problems };
}
