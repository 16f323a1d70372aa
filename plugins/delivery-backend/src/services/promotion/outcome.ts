import type { PromotionRecord } from '@gitops-delivery/backstage-plugin-delivery-common';

const REFUSED = new Set([
  'InputError',
  'ConflictError',
  'NotAllowedError',
  'NotFoundError',
  'UnprocessableError',
]);

/** `refused` for 4xx-type errors (nothing written), `failed` otherwise. */
export function outcomeOf(error: Error): PromotionRecord['outcome'] {
  return REFUSED.has(error.name) ? 'refused' : 'failed';
}
