import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readDeliveryScaffolderConfig } from '../config';
import {
  addReleaseTo,
  assertConfigReposExist,
  previewRelease,
  readReleaseInput,
  ReleaseResult,
  releaseOutputs,
  resolveReleaseTargets,
} from './configAddReleaseSteps';
import type { DeliveryActionOptions } from './codeRepoCreate';
import { examples } from './configAddRelease.examples';

/**
 * `delivery:config:add-release`: adds a release to each chosen environment's config repo:
 * the pinned dependency in requirements.yaml (or Chart.yaml v2) plus `<release>.yaml`, as a
 * pull request (branch `delivery/scaffold/<release>`), or as the first commit of an empty repo.
 * @public
 */
export function createConfigAddReleaseAction(options: DeliveryActionOptions) {
  const { integrations } = options;
  const cfg = readDeliveryScaffolderConfig(options.config);
  return createTemplateAction({
    id: 'delivery:config:add-release',
    description:
      'Adds a service to environment config repos (umbrella charts): dependency pin + values file, by pull request',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        release: z =>
          z.string({
            description:
              'Release name: the dependency alias and the values file name',
          }),
        chart: z =>
          z
            .string({
              description: 'Chart name in ChartMuseum; default: the release',
            })
            .optional(),
        version: z =>
          z
            .string({
              description:
                'Chart version to pin (the first version the code pipeline publishes)',
            })
            .default('v0.0.1'),
        image: z =>
          z.string({
            description:
              'Image repository for the values file, registry/owner/name; must be in the registry of delivery.scaffolder.dockerRegistry',
          }),
        environments: z =>
          z
            .array(z.string(), {
              description: 'Configured environments to add the release to',
            })
            .min(1),
        configOwner: z =>
          z
            .string({
              description:
                'Catalog owner written into catalog-info.yaml when an empty config repo gets its first commit',
            })
            .default('group:default/platform'),
      },
      output: {
        pullRequests: z =>
          z.array(
            z.object({
              environment: z.string(),
              url: z.string(),
              number: z.number().optional(),
              direct: z.boolean(),
            }),
            {
              description:
                'Per environment: the pull request, or the direct first commit of an empty config repo',
            },
          ),
        pullRequestUrls: z =>
          z.record(z.string(), {
            description: 'environment -> pull request (or commit) URL',
          }),
        repoUrls: z =>
          z.record(z.string(), {
            description: 'environment -> config repository URL',
          }),
        summary: z =>
          z.string({
            description:
              'Markdown list of the changes, for the template output',
          }),
      },
    },
    async handler(ctx) {
      // everything is validated, and every target resolved, before the first write
      const { release, environments } = readReleaseInput(ctx.input, cfg);
      const targets = resolveReleaseTargets(
        environments,
        cfg,
        integrations,
        ctx,
      );
      await assertConfigReposExist(targets);
      const results: ReleaseResult[] = [];
      for (const target of targets) {
        results.push(
          ctx.isDryRun
            ? await previewRelease(ctx, target, release)
            : await addReleaseTo(ctx, target, release),
        );
      }
      const outputs = releaseOutputs(targets, results);
      ctx.output('pullRequests', outputs.pullRequests);
      ctx.output('pullRequestUrls', outputs.pullRequestUrls);
      ctx.output('repoUrls', outputs.repoUrls);
      ctx.output('summary', outputs.summary);
    },
  });
}
