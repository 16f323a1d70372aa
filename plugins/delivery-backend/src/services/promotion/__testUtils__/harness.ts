import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { DatabasePromotionStore } from '../../../database/DatabasePromotionStore';
import { createPromotionService } from '../promotionService';
import type { DeliveryFacts, PromotionService } from '../types';
import { readDeliveryConfig } from '../../../config';
import { deliveryAppConfig, view } from './world';
import type { TestGitHub } from '@gitops-delivery/sandbox/testUtils';

export interface AuditRecord {
  eventId: string;
  severityLevel?: string;
  meta?: JsonObject;
  status: 'initiated' | 'succeeded' | 'failed';
  error?: Error;
}

export function recordingAuditor() {
  const events: AuditRecord[] = [];
  return {
    events,
    async createEvent(o: AuditorServiceCreateEventOptions) {
      const ev: AuditRecord = {
        eventId: o.eventId,
        severityLevel: o.severityLevel,
        meta: o.meta,
        status: 'initiated',
      };
      events.push(ev);
      return {
        async success(x?: { meta?: JsonObject }) {
          ev.status = 'succeeded';
          ev.meta = { ...ev.meta, ...x?.meta };
        },
        async fail(x: { meta?: JsonObject; error: Error }) {
          ev.status = 'failed';
          ev.error = x.error;
          ev.meta = { ...ev.meta, ...x.meta };
        },
      };
    },
  };
}

export const guest = mockCredentials.user('user:default/guest');

export async function createHarness(
  gh: Pick<TestGitHub, 'baseUrl' | 'apiBaseUrl'>,
  knex: Knex,
  facts?: DeliveryFacts,
) {
  const store = await DatabasePromotionStore.create({
    database: mockServices.database({ knex }),
  });
  const auditor = recordingAuditor();
  const getView = jest.fn(async () => view());
  const root = deliveryAppConfig(gh.baseUrl, gh.apiBaseUrl);
  const service: PromotionService = createPromotionService({
    config: readDeliveryConfig(root),
    integrations: ScmIntegrations.fromConfig(root),
    facts: facts ?? { getView },
    store,
    auditor,
    logger: mockServices.logger.mock(),
  });
  return { service, store, auditor, getView };
}
