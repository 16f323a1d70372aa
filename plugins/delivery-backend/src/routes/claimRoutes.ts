import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { jsonBody, parseInput } from './guards';
import {
  claimDefaults,
  claimKeysOf,
  type ClaimsService,
} from '../services/claims';
import type { DeliveryConfig } from '../configTypes';

const claimBody = z
  .object({
    entityRef: z.string().min(1).max(255),
    annotations: z.record(z.string(), z.string().max(512)),
  })
  .strict();

/** The plugins allowed to record claims (the scaffolder, when it creates a service). */
const RECORDERS = ['plugin:scaffolder'];

/** Dependencies of {@link createClaimRouter}. */
export interface ClaimRouterOptions {
  httpAuth: HttpAuthService;
  auditor: Pick<AuditorService, 'createEvent'>;
  logger: LoggerService;
  claims: ClaimsService;
  config: Pick<DeliveryConfig, 'nexus' | 'chartMuseum' | 'codeJenkins'>;
}

/**
 * `POST /claims` `{ entityRef, annotations }`: the scaffolder records the
 * release, image, chart and code job of a service it creates, before the
 * entity reaches the catalog, so no look-alike registered meanwhile can take
 * them. Service principals of the scaffolder plugin only (403 otherwise);
 * 409 when another entity already owns or claims one; audited.
 */
export async function createClaimRouter(
  options: ClaimRouterOptions,
): Promise<express.Router> {
  const { httpAuth, auditor, logger, claims, config } = options;
  const router = Router();
  router.post('/claims', jsonBody('4kb'), async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    if (!RECORDERS.includes(credentials.principal.subject)) {
      throw new NotAllowedError(
        'Only the scaffolder may record delivery claims',
      );
    }
    const body = parseInput(claimBody, req.body, 'claim request');
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(body.entityRef));
    } catch {
      throw new InputError(
        'entityRef must be an entity ref like component:default/name',
      );
    }
    const [kind, ns, name] = [
      entityRef.split(':')[0],
      ...entityRef.split(':')[1].split('/'),
    ];
    const keys = claimKeysOf(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { namespace: ns, name, annotations: body.annotations },
      },
      claimDefaults(config),
    );
    if (!keys.length) throw new InputError('No delivery annotation to claim');
    const event = await auditor.createEvent({
      eventId: 'delivery-claim',
      severityLevel: 'medium',
      request: req,
      meta: {
        entityRef,
        actor: credentials.principal.subject,
        claims: keys.map(k => `${k.kind}:${k.name}`),
      },
    });
    try {
      await claims.recordCreated(entityRef, keys);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      await event.fail({ error });
      throw error;
    }
    await event.success();
    logger.info('Recorded delivery claims', { entityRef, claims: keys.length });
    res.status(201).json({ entityRef, claims: keys });
  });
  return router;
}
