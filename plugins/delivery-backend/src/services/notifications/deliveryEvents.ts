import { parseEntityRef } from '@backstage/catalog-model';
import type { PromotionSummary } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { RecordedObservation, RecordedPinChange } from '../history/types';

/** What a notification is about. */
export type DeliveryEventKind =
  | 'deploy-failed'
  | 'drifted'
  | 'promotion-running'
  | 'promotion-open';

/** One thing the owners of an entity are told about, once (`key`). */
export interface DeliveryEvent {
  /** Deduplication key: the same key is never sent twice. */
  key: string;
  kind: DeliveryEventKind;
  entityRef: string;
  environment: string;
  title: string;
  description: string;
  /** The entity's Delivery tab. */
  link: string;
  severity: 'high' | 'normal' | 'low';
}

/** The entity's Delivery tab (relative to the app). */
export function deliveryTabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLowerCase(),
  )}/${encodeURIComponent(name)}/delivery`;
}

const bare = (v?: string) => v?.replace(/^v/, '');

/**
 * An environment that turned `deploy-failed` or `drifted` (a recorded
 * transition into that status; one notification per episode). The first
 * observation of an environment is no transition: installing the plugin
 * does not page every owner about the state it finds.
 */
export function statusEvent(
  observation: RecordedObservation,
  previous: RecordedObservation | undefined,
): DeliveryEvent | undefined {
  const { status, entityRef, environment } = observation;
  if (status !== 'deploy-failed' && status !== 'drifted') return undefined;
  if (!previous || previous.status === status) return undefined;
  const what =
    status === 'drifted'
      ? `runs ${
          observation.runningVersion ?? 'another version'
        } while git pins ${observation.pinnedVersion ?? 'nothing'}`
      : `the last deploy of ${observation.pinnedVersion ?? 'the pin'} failed`;
  return {
    key: `${status}:${entityRef}:${environment}:${observation.observedAt}`,
    kind: status,
    entityRef,
    environment,
    title: `${parseEntityRef(entityRef).name} is ${status} in ${environment}`,
    description: `${environment} ${what}.`,
    link: deliveryTabLink(entityRef),
    severity: 'high',
  };
}

/**
 * A promotion pull request was merged and its version now runs in sync:
 * the transition (from a previous observation) into `in-sync` running the
 * version of the latest pin change, when that change came through a pull
 * request.
 */
export function promotionRunningEvent(
  observation: RecordedObservation,
  previous: RecordedObservation | undefined,
  lastPin: RecordedPinChange | undefined,
): DeliveryEvent | undefined {
  const pr = lastPin?.pullRequest;
  if (!previous || observation.status !== 'in-sync' || !lastPin || !pr)
    return undefined;
  if (bare(observation.runningVersion) !== bare(lastPin.toVersion))
    return undefined;
  const { entityRef, environment } = observation;
  return {
    key: `promotion-running:${entityRef}:${environment}:${lastPin.configSha}`,
    kind: 'promotion-running',
    entityRef,
    environment,
    title: `${parseEntityRef(entityRef).name} ${
      lastPin.toVersion
    } runs in ${environment}`,
    description: `Pull request #${pr.number}${
      pr.mergedBy ? ` (merged by ${pr.mergedBy})` : ''
    } is deployed: ${environment} runs ${lastPin.toVersion} in sync.`,
    link: deliveryTabLink(entityRef),
    severity: 'normal',
  };
}

/** A promotion pull request open longer than `alertHours`. */
export function promotionOpenEvent(
  entityRef: string,
  environment: string,
  pull: PromotionSummary,
  now: Date,
  alertHours: number,
): DeliveryEvent | undefined {
  if (!pull.createdAt) return undefined;
  const hours = (now.getTime() - Date.parse(pull.createdAt)) / 3_600_000;
  if (!(hours > alertHours)) return undefined;
  return {
    key: `promotion-open:${entityRef}:${environment}:${pull.number}`,
    kind: 'promotion-open',
    entityRef,
    environment,
    title: `Promotion of ${
      parseEntityRef(entityRef).name
    } to ${environment} open for ${Math.floor(hours)} h`,
    description: `Pull request #${pull.number} (${pull.title}) has been open since ${pull.createdAt}: ${pull.url}`,
    link: deliveryTabLink(entityRef),
    severity: 'normal',
  };
}
