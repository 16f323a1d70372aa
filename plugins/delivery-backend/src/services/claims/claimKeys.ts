import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CHART,
  ANNOTATION_CODE_JOB,
  ANNOTATION_IMAGE,
  ANNOTATION_RELEASE,
  type ClaimKind,
  type InstanceRef,
  readDeliveryAnnotations,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';

/** One thing an entity claims through its annotations. */
export interface ClaimKey {
  kind: ClaimKind;
  /** Normalised: `[instance:]id` with the default instance filled in, lower case. */
  name: string;
}

/** The annotation that makes each kind of claim. */
export const CLAIM_ANNOTATIONS: Record<ClaimKind, string> = {
  release: ANNOTATION_RELEASE,
  image: ANNOTATION_IMAGE,
  chart: ANNOTATION_CHART,
  'code-job': ANNOTATION_CODE_JOB,
};

/** The default instance names (first of each list), used to normalise claims. */
export type ClaimDefaults = Record<'image' | 'chart' | 'code-job', string>;

/** The defaults of a delivery config. */
export function claimDefaults(
  config: Pick<DeliveryConfig, 'nexus' | 'chartMuseum' | 'codeJenkins'>,
): ClaimDefaults {
  return {
    image: config.nexus[0]?.name ?? 'default',
    chart: config.chartMuseum[0]?.name ?? 'default',
    'code-job': config.codeJenkins[0]?.name ?? 'default',
  };
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');
const instanceKey = (ref: InstanceRef | undefined, fallback: string) =>
  ref ? lower(`${ref.instance ?? fallback}:${ref.id}`) : undefined;

/**
 * What an entity claims: its release (the `delivery/release` annotation, else
 * the chart), image, chart and code job. Keys are case-insensitive and name
 * the default instance explicitly, so `stakater/xposer` and
 * `default:stakater/xposer` are the same claim.
 */
export function claimKeysOf(
  entity: Entity,
  defaults: ClaimDefaults,
): ClaimKey[] {
  const { annotations } = readDeliveryAnnotations(entity);
  const keys: ClaimKey[] = [];
  if (annotations.release)
    keys.push({ kind: 'release', name: lower(annotations.release) });
  const image = instanceKey(annotations.image, defaults.image);
  if (image) keys.push({ kind: 'image', name: image });
  const chart = instanceKey(annotations.chart, defaults.chart);
  if (chart) keys.push({ kind: 'chart', name: chart });
  const job = instanceKey(annotations.codeJob, defaults['code-job']);
  if (job) keys.push({ kind: 'code-job', name: job });
  return keys;
}

/** `kind:name`, a map key. */
export const keyId = (k: ClaimKey) => `${k.kind}:${k.name}`;
