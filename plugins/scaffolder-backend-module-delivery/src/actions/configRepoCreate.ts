import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readDeliveryScaffolderConfig } from '../config';
import { parseRepoLocation, resolveGitHubRepo } from '../github/client';
import {
  branchHead,
  commitFiles,
  commitMessage,
  createEmptyRepo,
  repoExists,
  taskTrailer,
} from '../github/git';
import { ConflictError } from '@backstage/errors';
import { configRepoFiles } from '../layout/configRepo';
import {
  assertBranchName,
  assertDnsName,
  assertHttpUrl,
  assertEntityRef,
  assertOwnerAllowed,
  assertPlainText,
} from '../validation';
import type { DeliveryActionOptions } from './codeRepoCreate';
import { examples } from './configRepoCreate.examples';

/**
 * `delivery:config-repo:create`: creates an environment's config repo, a Helm umbrella chart
 * (Chart.yaml, requirements.yaml, values.yaml, deploy Jenkinsfile, catalog-info.yaml as a
 * `gitops-config` Resource) in one commit.
 * @public
 */
export function createConfigRepoCreateAction(options: DeliveryActionOptions) {
  const { integrations } = options;
  const cfg = readDeliveryScaffolderConfig(options.config);
  return createTemplateAction({
    id: 'delivery:config-repo:create',
    description:
      'Creates an environment config repo: a Helm umbrella chart with a deploy Jenkinsfile, in one commit',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({
            description:
              'Where to create the repo: host?owner=<owner>&repo=<name> or http(s)://host/<owner>/<name>',
          }),
        environment: z =>
          z.string({ description: 'Environment name, e.g. qa' }),
        namespace: z =>
          z
            .string({
              description:
                'Kubernetes namespace deployed to; default: the environment',
            })
            .optional(),
        branch: z =>
          z
            .string({ description: 'Release branch the deploy job watches' })
            .default('main'),
        owner: z =>
          z.string({
            description:
              'Catalog owner of the Resource, e.g. group:default/platform',
          }),
        description: z =>
          z.string({ description: 'One-line description' }).default(''),
        requirementsPath: z =>
          z
            .enum(['requirements.yaml', 'Chart.yaml'], {
              description:
                'Where dependencies are pinned: requirements.yaml (Helm v1) or Chart.yaml (Helm v2)',
            })
            .default('requirements.yaml'),
        private: z =>
          z
            .boolean({ description: 'Create a private repository' })
            .default(false),
        chartRepositoryUrl: z =>
          z
            .string({
              description: 'ChartMuseum URL; default from delivery config',
            })
            .optional(),
      },
      output: {
        repoUrl: z =>
          z.string({ description: 'Web URL of the new config repository' }),
        catalogInfoUrl: z =>
          z.string({
            description: 'URL of catalog-info.yaml, for catalog:register',
          }),
        commitSha: z =>
          z.string({
            description: 'The single commit holding the umbrella chart',
          }),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const loc = parseRepoLocation(input.repoUrl);
      const name = assertDnsName('repository name', loc.repo);
      assertOwnerAllowed(loc.owner, cfg.allowedOwners);
      const environment = assertDnsName('environment', input.environment);
      const namespace = assertDnsName(
        'namespace',
        input.namespace ?? environment,
      );
      assertEntityRef('owner', input.owner);
      const description = assertPlainText(
        'description',
        input.description ?? '',
      );
      const branch = input.branch ?? 'main';
      assertBranchName('branch', branch);
      const chartRepositoryUrl = assertHttpUrl(
        'chartRepositoryUrl',
        input.chartRepositoryUrl ?? cfg.chartRepositoryUrl,
        'delivery.scaffolder.chartRepositoryUrl or delivery.chartMuseum',
      );
      const repo = resolveGitHubRepo(integrations, loc, ctx.logger);
      const key = `${loc.owner}/${name}`.toLowerCase();
      const output = (htmlUrl: string, commitSha: string) => {
        ctx.output('repoUrl', htmlUrl);
        ctx.output(
          'catalogInfoUrl',
          `${htmlUrl}/blob/${branch}/catalog-info.yaml`,
        );
        ctx.output('commitSha', commitSha);
      };
      if (ctx.isDryRun) {
        if (await repoExists(repo)) {
          throw new InputError(
            `repository ${loc.owner}/${name} already exists`,
          );
        }
        ctx.logger.info('Dry run: would create the config repository', {
          repo: key,
        });
        output(repo.htmlUrl, 'dry-run');
        return;
      }

      const created = await ctx.checkpoint({
        key: `config-repo.create.${key}`,
        fn: async () => {
          if (await repoExists(repo)) {
            throw new InputError(
              `repository ${loc.owner}/${name} already exists`,
            );
          }
          const r = await createEmptyRepo(repo, {
            description,
            private: input.private ?? false,
          });
          ctx.logger.info('Created config repository', { repo: key });
          return { htmlUrl: r.htmlUrl };
        },
      });
      const trailer = taskTrailer(ctx.task.id);
      const { commitSha } = await ctx.checkpoint({
        key: `config-repo.commit.${key}`,
        fn: async () => {
          const head = await branchHead(repo, branch);
          if (head) {
            if ((await commitMessage(repo, head)).includes(trailer))
              return { commitSha: head };
            throw new ConflictError(
              `${loc.owner}/${name} already has commits on ${branch}`,
            );
          }
          const files = configRepoFiles({
            name,
            owner: loc.owner,
            repoHtmlUrl: created.htmlUrl,
            environment,
            namespace,
            branch,
            description,
            componentOwner: input.owner,
            chartRepositoryUrl,
            requirementsPath: input.requirementsPath ?? 'requirements.yaml',
          });
          const sha = await commitFiles(repo, {
            branch,
            files,
            message: `Create the ${environment} umbrella chart\n\n${trailer}\n`,
            createBranch: true,
          });
          ctx.logger.info('Committed config repository layout', {
            repo: key,
            sha,
          });
          return { commitSha: sha };
        },
      });
      output(created.htmlUrl, commitSha);
    },
  });
}
