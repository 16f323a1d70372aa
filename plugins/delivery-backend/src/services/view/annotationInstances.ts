import {
  ANNOTATION_CHART,
  ANNOTATION_CODE_JOB,
  ANNOTATION_IMAGE,
  type DeliveryAnnotations,
  type InstanceRef,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';
import { failed, type Loaded } from './sources';

/** An annotation's upstream: the configured instance and the id on it. */
export interface ResolvedInstance {
  instance: string;
  id: string;
}

/**
 * The upstream instances an entity's annotations name (code job, image,
 * chart), each checked against the delivery config: an annotation problem,
 * a missing annotation or an instance not in the config is a
 * `not-configured` failure of that source alone. No instance named: the
 * first configured one.
 */
export function annotationInstances(
  config: DeliveryConfig,
  annotations: DeliveryAnnotations,
  problems: readonly { annotation: string; message: string }[],
): {
  codeJob: Loaded<ResolvedInstance>;
  image: Loaded<ResolvedInstance>;
  chart: Loaded<ResolvedInstance>;
} {
  const resolve = (
    annotation: string,
    ref: InstanceRef | undefined,
    names: string[],
    kind: string,
  ): Loaded<ResolvedInstance> => {
    const bad = problems.find(p => p.annotation === annotation)?.message;
    if (bad) return failed('not-configured', bad);
    if (!ref) return failed('not-configured', `No ${annotation} annotation`);
    const instance = ref.instance ?? names[0];
    if (!instance || !names.includes(instance)) {
      return failed(
        'not-configured',
        `${annotation}: no ${kind} instance named "${
          ref.instance ?? '(default)'
        }" in delivery config`,
      );
    }
    return { ok: true, value: { instance, id: ref.id } };
  };
  return {
    codeJob: resolve(
      ANNOTATION_CODE_JOB,
      annotations.codeJob,
      config.codeJenkins.map(j => j.name),
      'codeJenkins',
    ),
    image: resolve(
      ANNOTATION_IMAGE,
      annotations.image,
      config.nexus.map(n => n.name),
      'nexus',
    ),
    chart: resolve(
      ANNOTATION_CHART,
      annotations.chart,
      config.chartMuseum.map(c => c.name),
      'chartMuseum',
    ),
  };
}
