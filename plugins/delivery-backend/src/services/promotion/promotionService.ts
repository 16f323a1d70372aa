import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { JsonObject } from '@backstage/types';
import type {
  PromotionRecord,
  PromotionResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig, EnvironmentConfig } from '../../configTypes';
import type { PromotionStore } from '../../database/PromotionStore';
import { promotionBranchName } from './branchName';
import { createConfigRepoClient } from '../../upstreams/clients';
import type { ConfigRepoClient } from '../../upstreams/github/ConfigRepoClient';
import { enforceGates } from './gates';
import { openPromotionPull } from './openPromotionPull';
import {
  commitMessage,
  pullRequestBody,
  pullRequestTitle,
} from './pullRequestText';
import { DEFAULT_MAX_YAML_BYTES } from './safeYaml';
import type {
  DeliveryFacts,
  PromoteInput,
  PromotionAuditor,
  PromotionService,
} from './types';
import { parseValuesInput } from './valuesInput';
import { validateVersionInput } from './versionInput';
import { outcomeOf } from './outcome';
import { resolveEnvironment, userOf } from '../shared';
import { previewPromotion } from './promotionPreview';

/** Options of {@link createPromotionService}. */
export interface PromotionServiceOptions {
  config: Pick<DeliveryConfig, 'environments'>;
  facts: DeliveryFacts;
  store: PromotionStore;
  auditor: PromotionAuditor;
  logger: LoggerService;
  /** `integrations.github`: the credentials of config-repo writes (token or GitHub App). */
  integrations: ScmIntegrationRegistry;
  /**
   * The GitHub client of an environment's config repo: the plugin passes
   * `UpstreamClients.configRepoFor`; without it one is built per environment
   * from `integrations`.
   */
  clientFor?: (env: EnvironmentConfig) => ConfigRepoClient;
  /** Size cap of the edited files (default 256 KiB). */
  maxFileBytes?: number;
  /** How long a promote waits for the target lock (default 30 s). */
  lockWaitMs?: number;
}

/**
 * Creates the {@link PromotionService}: validates input, resolves the
 * environment and release, checks the gates against the delivery view,
 * serializes per target through the store's lease, opens the PR
 * (see `openPromotionPull`), records and audits every attempt.
 */
export function createPromotionService(
  options: PromotionServiceOptions,
): PromotionService {
  const { config, facts, store, auditor, logger } = options;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_YAML_BYTES;
  const clients = new Map<string, ConfigRepoClient>();
  const clientFor =
    options.clientFor ??
    ((env: EnvironmentConfig) => {
      let c = clients.get(env.name);
      if (!c) {
        c = createConfigRepoClient(env, options.integrations);
        clients.set(env.name, c);
      }
      return c;
    });

  async function promote(input: PromoteInput): Promise<PromotionResult> {
    const entityRef = stringifyEntityRef(input.entity);
    const meta: JsonObject = {
      entityRef,
      environment: String(input.environment ?? '').slice(0, 64),
      version: String(input.version ?? '').slice(0, 128),
    };
    const event = await auditor.createEvent({
      eventId: 'delivery-promote',
      severityLevel: 'medium',
      request: input.request,
      meta,
    });
    let attemptId: string | undefined;
    try {
      const actor = userOf(input.credentials);
      meta.actor = actor;
      const version = validateVersionInput(input.version);
      const values = parseValuesInput(input.values);
      const { env, release } = resolveEnvironment(
        config,
        input.entity,
        input.environment,
      );
      meta.release = release;
      attemptId = await store.startAttempt({
        entityRef,
        environment: env.name,
        release,
        toVersion: version,
        actor,
      });

      const view = await facts.getView(input.entity, {
        credentials: input.credentials,
      });
      const lineage = enforceGates(view, env, version);
      // the chart's own spelling (ChartMuseum v0.0.20 -> pin v0.0.20)
      const published = lineage?.chart?.version ?? lineage?.version ?? version;
      const branch = promotionBranchName(env.name, release, published);
      const valuesPath = env.valuesPath(release);
      const target = `${env.owner}/${env.repo}@${env.branch}:${env.requirementsPath}`;

      const opened = await store.withTargetLock(
        target,
        () =>
          openPromotionPull({
            client: clientFor(env),
            environment: env.name,
            baseBranch: env.branch,
            branch,
            requirementsPath: env.requirementsPath,
            valuesPath,
            release,
            version: published,
            chartSpelling: Boolean(lineage?.chart),
            imageTag: lineage?.image?.tag ?? published,
            values,
            limits: { maxBytes },
            texts: (previousVersion, files) => {
              const prev =
                view.versions.find(v => v.version === previousVersion) ??
                view.versions.find(
                  v => v.normalized === previousVersion.replace(/^v/, ''),
                );
              const f = {
                environment: env.name,
                release,
                entityRef,
                fromVersion: previousVersion,
                toVersion: published,
                files,
                fromCommit: prev?.commit,
                toCommit: lineage?.commit,
                build: lineage?.build,
                image: lineage?.image
                  ? {
                      name: lineage.image.name,
                      tag: lineage.image.tag,
                      url: lineage.image.url,
                    }
                  : undefined,
                chart: lineage?.chart,
                actor,
              };
              return {
                title: pullRequestTitle(f),
                body: pullRequestBody(f),
                commitMessage: commitMessage(f),
              };
            },
          }),
        { waitMs: options.lockWaitMs },
      );

      const outcome = opened.created ? 'created' : 'reused';
      await store.finishAttempt(attemptId, {
        outcome,
        fromVersion: opened.previousVersion,
        pullRequestUrl: opened.pull.url,
      });
      await event.success({
        meta: {
          ...meta,
          outcome,
          pullRequestUrl: opened.pull.url,
          created: opened.created,
        },
      });
      logger.info('Promotion pull request ready', {
        entityRef,
        environment: env.name,
        version: published,
        pullRequest: opened.pull.url,
        created: opened.created,
      });
      return {
        environment: env.name,
        version: published,
        previousVersion: opened.previousVersion,
        url: opened.pull.url,
        number: opened.pull.number,
        branch,
        created: opened.created,
      };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const outcome = outcomeOf(error);
      if (attemptId) {
        await store
          .finishAttempt(attemptId, { outcome, message: error.message })
          .catch(err =>
            logger.warn('Failed to record promotion outcome', {
              error: String(err),
            }),
          );
      }
      await event.fail({ error, meta: { ...meta, outcome } });
      logger.info('Promotion refused or failed', {
        entityRef,
        outcome,
        error: error.message,
      });
      throw error;
    }
  }

  return {
    promote,
    preview: input =>
      previewPromotion({ config, facts, clientFor, maxBytes }, input),
    async listPromotions(entity, opts): Promise<PromotionRecord[]> {
      return store.listPromotions(stringifyEntityRef(entity), opts);
    },
  };
}
