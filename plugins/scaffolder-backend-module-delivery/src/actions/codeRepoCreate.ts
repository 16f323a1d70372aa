import type { Config } from '@backstage/config';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  readDeliveryScaffolderConfig,
  rejectHostInputs,
  requireHost,
} from '../config';
import { parseRepoLocation, resolveGitHubRepo } from '../github/githubRepo';
import { createRepoWithCommit } from '../github/createRepoWithCommit';
import { codeRepoFiles } from '../layout/codeRepo';
import { CodeRepoSpec, LANGUAGES, Language, imageName } from '../layout/types';
import {
  assertBoolean,
  assertBranchName,
  assertPlainHttpUrl,
  assertDnsName,
  assertEntityRef,
  assertEnvironments,
  assertOneOf,
  assertOwnerAllowed,
  assertPlainText,
} from '../validation';
import { examples } from './codeRepoCreate.examples';

/** Options of {@link createCodeRepoCreateAction}. @public */
export interface DeliveryActionOptions {
  integrations: ScmIntegrationRegistry;
  /** Root config; `delivery.*` is read once when the action is created. */
  config: Config;
}

/**
 * `delivery:code-repo:create`: creates a service's code repo in the Xposer layout
 * (skeleton, Dockerfile, Makefile, Jenkinsfile, .version, Helm chart, rendered manifests,
 * catalog-info.yaml) as a single commit.
 * @public
 */
export function createCodeRepoCreateAction(options: DeliveryActionOptions) {
  const { integrations } = options;
  const cfg = readDeliveryScaffolderConfig(options.config);
  return createTemplateAction({
    id: 'delivery:code-repo:create',
    description:
      'Creates a code repository in the Xposer layout (app skeleton, Dockerfile, Makefile, Jenkinsfile, Helm chart, manifests, catalog-info.yaml) in one commit',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({
            description:
              'Where to create the repo: host?owner=<owner>&repo=<name> (RepoUrlPicker format) or http(s)://host/<owner>/<name>; the repo name is the service, chart and release name',
          }),
        owner: z =>
          z.string({
            description:
              'Catalog owner of the new Component, e.g. group:default/team-xposer',
          }),
        description: z =>
          z
            .string({ description: 'One-line description of the service' })
            .default(''),
        language: z =>
          z.enum(LANGUAGES as [string, ...string[]], {
            description: 'Application skeleton: go or node',
          }),
        environments: z =>
          z
            .array(z.string(), {
              description:
                'Configured environments the service deploys to (delivery/environments annotation)',
            })
            .default([]),
        defaultBranch: z =>
          z.string({ description: 'Default (release) branch' }).default('main'),
        private: z =>
          z
            .boolean({ description: 'Create a private repository' })
            .default(false),
      },
      output: {
        repoUrl: z =>
          z.string({ description: 'Web URL of the new repository' }),
        catalogInfoUrl: z =>
          z.string({
            description: 'URL of catalog-info.yaml, for catalog:register',
          }),
        commitSha: z =>
          z.string({ description: 'The single commit holding the layout' }),
        image: z =>
          z.string({ description: 'Image repository, registry/owner/name' }),
        chart: z => z.string({ description: 'Chart name' }),
        release: z =>
          z.string({ description: 'Release (dependency alias) name' }),
        entityRef: z =>
          z.string({
            description: 'The Component the catalog-info.yaml declares',
          }),
        codeJob: z =>
          z.string({
            description:
              'Its delivery/code-job annotation ([instance:]owner/name/branch)',
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
      const componentOwner = assertEntityRef('owner', input.owner);
      const language = assertOneOf<Language>(
        'language',
        input.language,
        LANGUAGES,
      );
      const description = assertPlainText(
        'description',
        input.description ?? '',
        300,
      );
      const environments = assertEnvironments(
        input.environments ?? [],
        cfg.environments,
      );
      const defaultBranch = assertBranchName(
        'defaultBranch',
        input.defaultBranch ?? 'main',
      );
      const isPrivate = assertBoolean('private', input.private ?? false);
      const dockerRegistry = requireHost(cfg, 'dockerRegistry');
      const chartRepositoryUrl = requireHost(cfg, 'chartRepositoryUrl');
      const repo = resolveGitHubRepo(integrations, loc, {
        timeoutMs: cfg.githubTimeoutMs,
        logger: ctx.logger,
      });
      const output = (htmlUrl: string, commitSha: string) => {
        ctx.output('repoUrl', htmlUrl);
        ctx.output(
          'catalogInfoUrl',
          `${htmlUrl}/blob/${defaultBranch}/catalog-info.yaml`,
        );
        ctx.output('commitSha', commitSha);
        ctx.output(
          'image',
          `${dockerRegistry}/${imageName({ owner: loc.owner, name })}`,
        );
        ctx.output('chart', name);
        ctx.output('release', name);
        ctx.output('entityRef', `component:default/${name}`);
        const job = `${loc.owner}/${name}/${defaultBranch}`;
        ctx.output(
          'codeJob',
          cfg.codeJenkinsInstance ? `${cfg.codeJenkinsInstance}:${job}` : job,
        );
      };
      const { htmlUrl, commitSha } = await createRepoWithCommit(ctx, {
        kind: 'code',
        repo,
        owner: loc.owner,
        name,
        description,
        private: isPrivate,
        branch: defaultBranch,
        layout: (repoHtmlUrl, trailer) => {
          const spec: CodeRepoSpec = {
            name,
            owner: loc.owner,
            host: loc.host,
            // GitHub's answer is data too: it is written into YAML and URLs
            repoHtmlUrl: assertPlainHttpUrl('html_url', repoHtmlUrl),
            description,
            language,
            componentOwner,
            defaultBranch,
            dockerRegistry,
            chartRepositoryUrl,
            codeJenkinsInstance: cfg.codeJenkinsInstance,
            environments,
            initialVersion: 'v0.0.0',
            port: 8080,
          };
          return {
            files: codeRepoFiles(spec),
            message: `Scaffold ${name} (${spec.language}) in the Xposer layout\n\n${trailer}\n`,
          };
        },
      });
      output(htmlUrl, commitSha);
    },
  });
}
