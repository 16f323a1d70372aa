import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type { ResyncResult } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { Request } from 'express';
import type { DeliveryConfig, EnvironmentConfig } from '../../configTypes';
import type { UpstreamClients } from '../../upstreams/clients';
import { UpstreamError } from '../../upstreams/http';
import { type DeliveryAuditor, resolveEnvironment, userOf } from '../shared';

/** Input of {@link ResyncService.resync}. */
export interface ResyncInput {
  /** The entity, already read from the catalog as the caller. */
  entity: Entity;
  /** A user (permission already checked by the router). */
  credentials: BackstageCredentials;
  environment: string;
  request?: Request;
}

/**
 * Re-runs an environment's config-Jenkins deploy job: deploys what git says
 * (the configured branch), never a user-supplied version.
 */
export interface ResyncService {
  resync(input: ResyncInput): Promise<ResyncResult>;
  /** Same, on behalf of the plugin itself (scheduled self-heal); audited with `actor`. */
  resyncAs(
    actor: string,
    input: Omit<ResyncInput, 'credentials' | 'request'>,
  ): Promise<ResyncResult>;
}

/** Options of {@link createResyncService}. */
export interface ResyncServiceOptions {
  config: Pick<DeliveryConfig, 'environments'>;
  auditor: DeliveryAuditor;
  logger: LoggerService;
  /** Called after a run was queued (e.g. to drop the cached deploy runs). */
  onQueued?: (env: EnvironmentConfig) => Promise<void>;
  /** The shared upstream clients (the deploy Jenkins of each environment). */
  clients: Pick<UpstreamClients, 'deployJenkinsFor'>;
}

/** The parameters of a re-sync: the job's defaults, `BRANCH` = the configured branch. */
export function resyncParameters(
  env: EnvironmentConfig,
  definitions: { name: string; defaultValue?: string }[],
): Record<string, string> | undefined {
  if (!definitions.length) return undefined;
  const params: Record<string, string> = {};
  for (const d of definitions) {
    if (d.name === 'BRANCH') params.BRANCH = env.branch;
    else if (d.defaultValue !== undefined) params[d.name] = d.defaultValue;
  }
  return params;
}

/**
 * Creates the {@link ResyncService}. One re-sync per deploy job at a time in
 * this process; across processes Jenkins itself merges identical queued
 * requests, and a queued or building run is reported instead of queueing a
 * second one. Every attempt is an auditor event `delivery-resync`.
 */
export function createResyncService(
  options: ResyncServiceOptions,
): ResyncService {
  const { config, auditor, logger } = options;
  const clientFor = (instance: string) =>
    options.clients.deployJenkinsFor(instance);
  const locks = new Map<string, Promise<unknown>>();

  function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = locks.get(key) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(fn);
    const tail = next.catch(() => undefined);
    locks.set(key, tail);
    tail.then(() => {
      if (locks.get(key) === tail) locks.delete(key);
    });
    return next;
  }

  async function trigger(env: EnvironmentConfig): Promise<ResyncResult> {
    const { instance, job } = env.deployJob;
    const client = clientFor(instance);
    return serialized(`${instance}:${job}`, async () => {
      try {
        const state = await client.triggerState(job);
        if (state.active) {
          return {
            environment: env.name,
            queueUrl: state.active.url,
            queued: false,
          };
        }
        const queueUrl = await client.build(
          job,
          resyncParameters(env, state.parameters),
        );
        await options.onQueued?.(env).catch(e =>
          logger.warn('Could not invalidate cached deploy runs', {
            error: String(e),
          }),
        );
        return { environment: env.name, queueUrl, queued: true };
      } catch (e) {
        if (e instanceof UpstreamError) {
          if (e.kind === 'not-found') throw new NotFoundError(e.message);
          throw new ServiceUnavailableError(
            `Re-sync of ${env.name} failed: ${e.message}`,
          );
        }
        throw e;
      }
    });
  }

  async function run(
    actor: () => string,
    entity: Entity,
    environment: string,
    request?: Request,
  ): Promise<ResyncResult> {
    const entityRef = stringifyEntityRef(entity);
    const meta: JsonObject = {
      entityRef,
      environment: String(environment ?? '').slice(0, 64),
    };
    const event = await auditor.createEvent({
      eventId: 'delivery-resync',
      severityLevel: 'medium',
      request,
      meta,
    });
    try {
      meta.actor = actor();
      const { env } = resolveEnvironment(config, entity, environment);
      meta.deployJob = `${env.deployJob.instance}:${env.deployJob.job}`;
      const result = await trigger(env);
      await event.success({
        meta: { ...meta, queueUrl: result.queueUrl, queued: result.queued },
      });
      logger.info('Re-sync', {
        ...meta,
        queueUrl: result.queueUrl,
        queued: result.queued,
      });
      return result;
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      await event.fail({ error, meta });
      logger.info('Re-sync refused or failed', {
        entityRef,
        error: error.message,
      });
      throw error;
    }
  }

  return {
    resync: input =>
      run(
        () => userOf(input.credentials, 're-sync'),
        input.entity,
        input.environment,
        input.request,
      ),
    resyncAs: (actor, input) =>
      run(() => actor, input.entity, input.environment),
  };
}
