import { stringifyEntityRef } from '@backstage/catalog-model';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ResyncResult } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { HistoryStore } from '../../../database/history';
import type { ResyncService } from '../../resync';
import { userOf } from '../../shared';

/**
 * The re-sync service, recording each re-sync it queued (or found already
 * running) as a history action of the entity. Recording never fails the
 * re-sync: an error is logged.
 */
export function recordingResync(
  resync: ResyncService,
  deps: {
    store: Pick<HistoryStore, 'putActions'>;
    logger: LoggerService;
    now?: () => Date;
  },
): ResyncService {
  const record = async (
    entityRef: string,
    actor: string,
    result: ResyncResult,
  ) => {
    try {
      await deps.store.putActions([
        {
          entityRef,
          environment: result.environment,
          kind: 'resync',
          at: (deps.now?.() ?? new Date()).toISOString(),
          actor,
          outcome: result.queued ? 'queued' : 'already-running',
          url: result.queueUrl,
        },
      ]);
    } catch (e) {
      deps.logger.warn('History: re-sync not recorded', {
        entityRef,
        error: String(e),
      });
    }
    return result;
  };
  return {
    resync: async input =>
      record(
        stringifyEntityRef(input.entity),
        userOf(input.credentials, 're-sync'),
        await resync.resync(input),
      ),
    resyncAs: async (actor, input) =>
      record(
        stringifyEntityRef(input.entity),
        actor,
        await resync.resyncAs(actor, input),
      ),
  };
}
