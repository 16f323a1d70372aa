import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  HOST_KEYS,
  readDeliveryScaffolderConfig,
  rejectHostInputs,
  requireHost,
} from '../config';
import { parseRepoLocation, resolveGitHubRepo } from '../github/client';
import {
  branchHead,
  commitFiles,
  commitMessage,
  repoExists,
  taskTrailer,
} from '../github/git';
import { openPullRequest } from '../github/pulls';
import { valuesPathFor } from '../layout/release';
import { Release, releaseFiles } from '../services/releaseFiles';
import { markdownCode, markdownLink, markdownText } from '../lang/markdown';
import {
  assertChartVersion,
  assertDnsName,
  assertEntityRef,
  assertEnvironments,
  assertImageInRegistry,
} from '../validation';
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
      const input = ctx.input;
      // everything is validated before the first request
      rejectHostInputs(input);
      const release = assertDnsName('release', input.release);
      const chart = assertDnsName('chart', input.chart ?? release);
      const version = assertChartVersion('version', input.version ?? 'v0.0.1');
      const repository = requireHost(cfg, 'chartRepositoryUrl');
      const image = assertImageInRegistry(
        'image',
        input.image,
        requireHost(cfg, 'dockerRegistry'),
        HOST_KEYS.dockerRegistry,
      );
      const configOwner = assertEntityRef(
        'configOwner',
        input.configOwner ?? 'group:default/platform',
      );
      const names = assertEnvironments(input.environments, cfg.environments);
      // resolve every target before writing anything
      const targets = names.map(n => {
        const env = cfg.environments.find(e => e.name === n)!;
        return {
          env,
          repo: resolveGitHubRepo(
            integrations,
            parseRepoLocation(env.configRepo),
            { timeoutMs: cfg.githubTimeoutMs, logger: ctx.logger },
          ),
        };
      });
      for (const { env, repo } of targets) {
        if (!(await repoExists(repo))) {
          throw new InputError(
            `config repo ${repo.owner}/${repo.repo} of ${env.name} does not exist; create it with delivery:config-repo:create`,
          );
        }
      }
      const rel: Release = {
        release,
        chart,
        version,
        image,
        repository,
        configOwner,
      };
      const branch = `delivery/scaffold/${release}`;
      const trailer = taskTrailer(ctx.task.id);
      const results = [];
      for (const { env, repo } of targets) {
        if (ctx.isDryRun) {
          // read and edit in memory (so conflicts surface), write nothing
          const base = await branchHead(repo, env.branch);
          const files = await releaseFiles(repo, env, rel, base);
          ctx.logger.info('Dry run: would change the config repo', {
            environment: env.name,
            files: Object.keys(files),
          });
          results.push({
            environment: env.name,
            url: base
              ? `${repo.htmlUrl}/compare/${env.branch}...${branch}`
              : repo.htmlUrl,
            direct: !base,
          });
          continue;
        }
        const commit = await ctx.checkpoint({
          key: `config.${env.name}.commit.${release}`,
          fn: async () => {
            const base = await branchHead(repo, env.branch);
            const target = base ? branch : env.branch;
            const existing = await branchHead(repo, target);
            if (existing) {
              if ((await commitMessage(repo, existing)).includes(trailer)) {
                return { sha: existing, direct: !base, base: base ?? '' };
              }
              throw new ConflictError(
                `${repo.owner}/${repo.repo} already has a branch ${target}`,
              );
            }
            const sha = await commitFiles(repo, {
              branch: target,
              files: await releaseFiles(repo, env, rel, base),
              message: `Add ${release} ${version} to ${env.name}\n\n${trailer}\n`,
              parent: base,
              createBranch: true,
            });
            ctx.logger.info('Committed release to config repo', {
              environment: env.name,
              repo: `${repo.owner}/${repo.repo}`,
              branch: target,
              sha,
            });
            return { sha, direct: !base, base: base ?? '' };
          },
        });
        if (commit.direct) {
          results.push({
            environment: env.name,
            url: `${repo.htmlUrl}/commit/${commit.sha}`,
            direct: true,
          });
          continue;
        }
        const pr = await ctx.checkpoint({
          key: `config.${env.name}.pull.${release}`,
          fn: () =>
            openPullRequest(repo, {
              head: branch,
              base: env.branch,
              title: `Add ${release} ${version} to ${env.name}`,
              body: `Adds the ${markdownCode(
                release,
              )} release (chart ${markdownCode(chart)} ${markdownText(
                version,
              )}) to ${markdownText(
                env.name,
              )}: a dependency pin and ${markdownCode(
                valuesPathFor(env.valuesPath, release),
              )}.\n\nOpened by the Backstage delivery scaffolder.`,
            }),
        });
        ctx.logger.info('Config pull request ready', {
          environment: env.name,
          url: pr.url,
        });
        results.push({
          environment: env.name,
          url: pr.url,
          number: pr.number,
          direct: false,
        });
      }
      ctx.output('pullRequests', results);
      ctx.output(
        'pullRequestUrls',
        Object.fromEntries(results.map(r => [r.environment, r.url])),
      );
      ctx.output(
        'repoUrls',
        Object.fromEntries(targets.map(t => [t.env.name, t.repo.htmlUrl])),
      );
      ctx.output(
        'summary',
        results
          .map(r => {
            const repo = targets.find(t => t.env.name === r.environment)!.repo;
            const change = r.direct
              ? 'first commit'
              : `pull request #${r.number}`;
            return `- **${markdownText(r.environment)}**: ${markdownLink(
              `${repo.owner}/${repo.repo}`,
              repo.htmlUrl,
            )}, ${markdownLink(change, r.url)}`;
          })
          .join('\n'),
      );
    },
  });
}
