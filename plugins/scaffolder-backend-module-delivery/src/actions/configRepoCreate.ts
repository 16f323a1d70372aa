import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  readDeliveryScaffolderConfig,
  rejectHostInputs,
  requireHost,
} from '../config';
import { parseRepoLocation, resolveGitHubRepo } from '../github/githubRepo';
import { createRepoWithCommit } from '../github/createRepoWithCommit';
import { configRepoFiles } from '../layout/configRepo';
import {
  assertBoolean,
  assertBranchName,
  assertDnsName,
  assertEntityRef,
  assertOneOf,
  assertOwnerAllowed,
  assertPlainHttpUrl,
  assertPlainText,
} from '../validation';
import type { DeliveryActionOptions } from './codeRepoCreate';
import { examples } from './configRepoCreate.examples';

const REQUIREMENTS_PATHS = ['requirements.yaml', 'Chart.yaml'] as const;

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
            .enum(REQUIREMENTS_PATHS, {
              description:
                'Where dependencies are pinned: requirements.yaml (Helm v1) or Chart.yaml (Helm v2)',
            })
            .default('requirements.yaml'),
        private: z =>
          z
            .boolean({ description: 'Create a private repository' })
            .default(false),
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
      // everything is validated before the first request
      rejectHostInputs(input);
      const loc = parseRepoLocation(input.repoUrl);
      const name = assertDnsName('repository name', loc.repo);
      assertOwnerAllowed(loc.owner, cfg.allowedOwners);
      const environment = assertDnsName('environment', input.environment);
      const namespace = assertDnsName(
        'namespace',
        input.namespace ?? environment,
      );
      const componentOwner = assertEntityRef('owner', input.owner);
      const description = assertPlainText(
        'description',
        input.description ?? '',
      );
      const branch = assertBranchName('branch', input.branch ?? 'main');
      const requirementsPath = assertOneOf(
        'requirementsPath',
        input.requirementsPath ?? 'requirements.yaml',
        REQUIREMENTS_PATHS,
      );
      const isPrivate = assertBoolean('private', input.private ?? false);
      const chartRepositoryUrl = requireHost(cfg, 'chartRepositoryUrl');
      const repo = resolveGitHubRepo(integrations, loc, {
        timeoutMs: cfg.githubTimeoutMs,
        logger: ctx.logger,
      });
      const output = (htmlUrl: string, commitSha: string) => {
        ctx.output('repoUrl', htmlUrl);
        ctx.output(
          'catalogInfoUrl',
          `${htmlUrl}/blob/${branch}/catalog-info.yaml`,
        );
        ctx.output('commitSha', commitSha);
      };
      const { htmlUrl, commitSha } = await createRepoWithCommit(ctx, {
        kind: 'config',
        repo,
        owner: loc.owner,
        name,
        description,
        private: isPrivate,
        branch,
        layout: (repoHtmlUrl, trailer) => ({
          files: configRepoFiles({
            name,
            owner: loc.owner,
            repoHtmlUrl: assertPlainHttpUrl('html_url', repoHtmlUrl),
            environment,
            namespace,
            branch,
            description,
            componentOwner,
            chartRepositoryUrl,
            requirementsPath,
          }),
          message: `Create the ${environment} umbrella chart\n\n${trailer}\n`,
        }),
      });
      output(htmlUrl, commitSha);
    },
  });
}
