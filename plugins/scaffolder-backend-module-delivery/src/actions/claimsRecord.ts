import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  ResponseError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_CHART,
  ANNOTATION_CODE_JOB,
  ANNOTATION_IMAGE,
  ANNOTATION_RELEASE,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { assertDnsName } from '../validation';
import { examples } from './claimsRecord.examples';

/** Dependencies of {@link createClaimsRecordAction}. @public */
export interface ClaimsRecordActionOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** Bounds the call to the delivery backend (default 15 s). */
  timeoutMs?: number;
}

/**
 * `delivery:claims:record`: records with the delivery backend that the new
 * service's release, image, chart and code job belong to its entity, before
 * the entity is registered, so no look-alike registered meanwhile can take
 * them (409 when one already belongs to another entity). Calls
 * `POST /api/delivery/claims` as the scaffolder plugin.
 * @public
 */
export function createClaimsRecordAction(options: ClaimsRecordActionOptions) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return createTemplateAction({
    id: 'delivery:claims:record',
    description:
      "Records that a new service's release, image, chart and code job belong to its entity",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z.string({
            description: 'The Component, e.g. component:default/my-service',
          }),
        release: z =>
          z.string({ description: 'Release (dependency alias) name' }),
        chart: z => z.string({ description: 'Chart name in ChartMuseum' }),
        image: z =>
          z.string({ description: 'Image, registry/owner/name or owner/name' }),
        codeJob: z =>
          z.string({
            description: 'delivery/code-job: [instance:]owner/name/branch',
          }),
      },
    },
    async handler(ctx) {
      const { entityRef, codeJob } = ctx.input;
      const release = assertDnsName('release', ctx.input.release);
      const chart = assertDnsName('chart', ctx.input.chart);
      // The image annotation names the image in Nexus, without the registry host.
      const image = ctx.input.image.replace(/^[^/]+\.[^/]*\/|^[^/]+:\d+\//, '');
      const annotations = {
        [ANNOTATION_RELEASE]: release,
        [ANNOTATION_CHART]: chart,
        [ANNOTATION_IMAGE]: image,
        [ANNOTATION_CODE_JOB]: codeJob,
      };
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would record the delivery claims of ${entityRef}`,
        );
        return;
      }
      await ctx.checkpoint({
        key: `delivery-claims-${entityRef}`,
        fn: async () => {
          const { token } = await options.auth.getPluginRequestToken({
            onBehalfOf: await options.auth.getOwnServiceCredentials(),
            targetPluginId: 'delivery',
          });
          const base = await options.discovery.getBaseUrl('delivery');
          const res = await fetch(`${base}/claims`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ entityRef, annotations }),
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
          });
          if (!res.ok) {
            const err = await ResponseError.fromResponse(res);
            const why = `Delivery refused the claims of ${entityRef}: ${err.body.error.message}`;
            if (res.status === 409) throw new ConflictError(why);
            if (res.status === 403) throw new NotAllowedError(why);
            throw err;
          }
          return undefined;
        },
      });
      ctx.logger.info(`Recorded the delivery claims of ${entityRef}`);
    },
  });
}
