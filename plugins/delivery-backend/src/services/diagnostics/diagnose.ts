import type { Entity } from '@backstage/catalog-model';
import {
  DeliveryDiagnostics,
  DiagnosticCheck,
  DiagnosticStatus,
  formatVersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';
import type { DefaultDeliveryViewService } from '../view';
import { probeStrategies } from './probeStrategies';

/** A check's status: error, skipped, ok, or `otherwise` (default warning), in that order. */
function level(c: {
  error?: unknown;
  skipped?: boolean;
  ok: boolean;
  otherwise?: DiagnosticStatus;
}): DiagnosticStatus {
  if (c.error) return 'error';
  if (c.skipped) return 'skipped';
  return c.ok ? 'ok' : c.otherwise ?? 'warning';
}

const jobUrl = (base: string, job: string) =>
  `${base}/${job
    .split('/')
    .map(s => `job/${encodeURIComponent(s)}`)
    .join('/')}/`;

/**
 * The delivery doctor: checks every source and join of an entity's view and,
 * for each failure, names the annotation or app-config key to change with an
 * example value. URLs are the configured base URLs (never credentials).
 */
export async function diagnose(
  entity: Entity,
  deps: { config: DeliveryConfig; view: DefaultDeliveryViewService },
): Promise<DeliveryDiagnostics> {
  const { config } = deps;
  const { view, trace } = await deps.view.getViewWithTrace(entity);
  const checks: DiagnosticCheck[] = [];
  const add = (c: DiagnosticCheck) => checks.push(c);
  const errorOf = (key: string) => {
    const s = view.sources[key];
    return s?.status === 'error' ? s.error : undefined;
  };

  for (const p of trace.problems) {
    add({
      id: `annotation:${p.annotation}`,
      group: 'source',
      title: `Annotation ${p.annotation}`,
      status: 'error',
      lookedFor: `a valid ${p.annotation} annotation`,
      found: p.message,
      fix: {
        key: `metadata.annotations.${p.annotation}`,
        example:
          p.annotation === 'delivery/version-from'
            ? 'gitTag,commitMessage'
            : 'code:team/service/main',
        explanation:
          'Annotations carry names and identifiers only, never hosts or URLs.',
      },
    });
  }

  // Code Jenkins job.
  const job = trace.codeJob;
  if (job) {
    const base = config.codeJenkins.find(j => j.name === job.instance)!.baseUrl;
    const err = errorOf('codeJenkins');
    const check: DiagnosticCheck = {
      id: 'source:codeJenkins',
      group: 'source',
      title: 'Code Jenkins job',
      status: level({ error: err, ok: view.builds.length > 0 }),
      lookedFor: `job ${job.id} on code Jenkins "${job.instance}"`,
      where: [jobUrl(base, job.id)],
      found: err
        ? err.message
        : `${view.builds.length} builds${
            view.builds[0] ? `, newest #${view.builds[0].number}` : ''
          }`,
    };
    if (err?.kind === 'not-found') {
      check.fix = await jobPathFix(deps.view, job);
    } else if (err) {
      check.fix = {
        key: `delivery.codeJenkins[name=${job.instance}]`,
        example: 'username: backstage, apiToken: ${CODE_JENKINS_TOKEN}',
        explanation: `The job could not be read (${err.kind}): check the instance's baseUrl and credentials.`,
      };
    }
    add(check);
  }

  // The code repo and the build -> commit join.
  const code = trace.code;
  if (code) {
    const withCommit = code.builds.filter(b => b.commit).length;
    add({
      id: 'join:build-commit',
      group: 'join',
      title: 'Build -> commit',
      status: level({
        skipped: !code.builds.length,
        ok: withCommit > 0,
        otherwise: 'error',
      }),
      lookedFor:
        'the code repo among the git revisions each build checked out (BuildData), never the pipeline library',
      found: `${withCommit} of ${
        code.builds.length
      } builds joined; remotes seen: ${
        code.remotes.slice(0, 4).join(', ') || 'none'
      }`,
      matched: withCommit ? 'buildData' : undefined,
      fix:
        withCommit || !code.builds.length
          ? undefined
          : {
              key: 'metadata.annotations.backstage.io/source-location',
              example: `url:https://<github host>/<owner>/<repo>/tree/main/`,
              explanation:
                "None of the remotes the builds checked out is the code repo: name it in the entity's source location.",
            },
    });
    const repo = code.codeRepo;
    add({
      id: 'join:code-repo',
      group: 'join',
      title: 'Code repo on GitHub',
      status: level({ skipped: !repo, ok: Boolean(repo?.github) }),
      lookedFor:
        'the code repo on a configured GitHub integration (for tags and commit messages)',
      where: repo?.github
        ? [
            `${repo.github.htmlBaseUrl}/${repo.remote.owner}/${repo.remote.repo}`,
          ]
        : undefined,
      found: repo
        ? `${repo.writtenHost}/${repo.remote.owner}/${repo.remote.repo} (${repo.via.detail})`
        : 'no code repo found',
      matched: repo?.via.via,
      fix:
        repo && !repo.github
          ? {
              key: 'delivery.hostAliases',
              example: `[{ host: '${
                config.githubHosts[0]?.host ?? 'ghe.example.com'
              }', aliases: ['${repo.writtenHost}'] }]`,
              explanation: `${repo.writtenHost} is not the host of an integrations.github entry. If it is another name of one (an SSH alias, a mirror), list it as an alias; git tags and commit messages can then be read.`,
            }
          : undefined,
    });

    // Build -> version.
    const released = code.builds.filter(
      b => !b.building && (b.result === 'SUCCESS' || b.result === 'UNSTABLE'),
    );
    const versioned = released.filter(b => b.version).length;
    const used = code.report
      .filter(r => r.matched)
      .map(r => `${r.strategy} (${r.matched})`);
    const check: DiagnosticCheck = {
      id: 'join:build-version',
      group: 'join',
      title: 'Build -> version',
      status: level({
        skipped: !released.length,
        ok: versioned === released.length,
        otherwise: versioned ? 'warning' : 'error',
      }),
      lookedFor: `the version each released build published, by ${trace.strategies
        .map(formatVersionStrategy)
        .join(', ')}`,
      found: `${versioned} of ${
        released.length
      } successful builds have a version${code.report
        .filter(r => r.error)
        .map(r => `; ${r.strategy} failed: ${r.error}`)
        .join('')}`,
      matched: used.join(', ') || undefined,
    };
    if (released.length && versioned < released.length && job) {
      const probe = await probeStrategies({
        loader: deps.view.sources,
        config,
        codeJob: job,
        code,
        isMovingTag: deps.view.isMovingTag,
      }).catch(() => []);
      const best = probe.find(p => p.matched > versioned);
      check.fix = {
        key: 'metadata.annotations.delivery/version-from',
        example: best ? best.strategy : 'gitTag,commitMessage,imageLabel',
        explanation: best
          ? `${best.strategy} would find a version for ${best.matched} of ${
              released.length
            } builds (${probe
              .map(p => `${p.strategy}: ${p.matched}`)
              .join(
                ', ',
              )}). For every entity, set delivery.versionFrom in app-config instead.`
          : `No strategy found the versions (${
              probe.map(p => `${p.strategy}: ${p.matched}`).join(', ') ||
              'probe failed'
            }): check where your pipeline records the version, or add delivery.hostAliases so git tags can be read.`,
      };
    }
    add(check);
  }

  // Nexus and ChartMuseum.
  for (const [key, title, ref, count, annotation] of [
    [
      'nexus',
      'Nexus image',
      trace.image,
      view.versions.filter(v => v.image).length,
      'delivery/image',
    ],
    [
      'chartMuseum',
      'ChartMuseum chart',
      trace.chart,
      view.versions.filter(v => v.chart).length,
      'delivery/chart',
    ],
  ] as const) {
    if (!ref) continue;
    const err = errorOf(key);
    add({
      id: `source:${key}`,
      group: 'source',
      title,
      status: level({ error: err, ok: count > 0 }),
      lookedFor: `${ref.id} on ${key} "${ref.instance}"`,
      found: err
        ? err.message
        : `${count} versions (moving tags such as ${config.movingTags.join(
            ', ',
          )} left out)`,
      fix:
        err || !count
          ? {
              key: `metadata.annotations.${annotation}`,
              example: key === 'nexus' ? 'team/service' : 'service',
              explanation: err
                ? `Could not be read (${err.kind}).`
                : `Nothing named ${ref.id} was found.`,
            }
          : undefined,
    });
  }

  // Per environment.
  for (const env of view.environments) {
    const cfg = config.environments.find(e => e.name === env.name)!;
    const cfgErr = errorOf(`configRepo:${env.name}`);
    add({
      id: `source:configRepo:${env.name}`,
      group: 'source',
      title: `${env.name}: pin in the config repo`,
      status: level({
        error: cfgErr,
        ok: Boolean(env.pinnedVersion),
        otherwise: 'error',
      }),
      lookedFor: `dependency ${view.release} (alias, else name) in ${cfg.requirementsPath} on ${cfg.branch}`,
      where: [`${cfg.repoHtmlUrl}/blob/${cfg.branch}/${cfg.requirementsPath}`],
      found: cfgErr?.message ?? env.pinnedVersion ?? 'not pinned',
      fix:
        !cfgErr && !env.pinnedVersion
          ? {
              key: 'metadata.annotations.delivery/release',
              example: view.release || 'my-service',
              explanation: `The release must be the dependency's alias (or name) in ${cfg.requirementsPath}.`,
            }
          : undefined,
    });
    const depErr = errorOf(`deployJenkins:${env.name}`);
    const last = env.lastDeploy;
    const link = env.missingLink;
    add({
      id: `join:deploy-config-commit:${env.name}`,
      group: 'join',
      title: `${env.name}: deploy run -> config commit`,
      status: level({
        error: depErr,
        skipped: !last,
        ok: Boolean(last?.configCommit),
        otherwise: 'error',
      }),
      lookedFor: `the config repo ${
        cfg.configRepoUrl
      } among the revisions run #${last?.number ?? '?'} of ${
        cfg.deployJob.job
      } checked out`,
      where: [
        jobUrl(
          config.deployJenkins.find(j => j.name === cfg.deployJob.instance)!
            .baseUrl,
          cfg.deployJob.job,
        ),
      ],
      found:
        depErr?.message ??
        (last ? last.configCommitVia?.detail : undefined) ??
        'no run yet',
      matched: last?.configCommit ? 'buildData' : undefined,
      fix: link
        ? { key: link.key, example: link.example, explanation: link.reason }
        : undefined,
    });
    if (cfg.cluster) {
      const clErr = errorOf(`cluster:${env.name}`);
      add({
        id: `source:cluster:${env.name}`,
        group: 'source',
        title: `${env.name}: running in the cluster`,
        status: level({ error: clErr, ok: Boolean(env.live) }),
        lookedFor: `a Deployment labelled release=${view.release} or app=${view.release}, else named ${view.release}, in namespace ${cfg.cluster.namespace}`,
        where: [
          `${cfg.cluster.url}/apis/apps/v1/namespaces/${cfg.cluster.namespace}/deployments`,
        ],
        found:
          clErr?.message ??
          (env.live &&
            `${env.live.deployment} runs ${env.live.image ?? '?'}`) ??
          'no such deployment',
      });
    }
  }

  return {
    entityRef: view.entityRef,
    generatedAt: new Date().toISOString(),
    versionFrom: trace.strategies.map(formatVersionStrategy),
    checks,
  };
}

/** Letters two names share in order (a cheap similarity for suggestions). */
function similarity(a: string, b: string): number {
  let n = 0;
  let j = 0;
  for (const ch of a.toLowerCase()) {
    const k = b.toLowerCase().indexOf(ch, j);
    if (k >= 0) {
      n++;
      j = k + 1;
    }
  }
  return n;
}

/** For a job that does not exist: the deepest folder of its path that does, and what it holds. */
async function jobPathFix(
  view: DefaultDeliveryViewService,
  job: { instance: string; id: string },
) {
  const segments = job.id.split('/');
  for (let k = segments.length - 1; k >= 0; k--) {
    const folder = segments.slice(0, k).join('/');
    const names = await view.sources
      .codeJobNames(job.instance, folder)
      .catch(() => undefined);
    if (!names) continue;
    const wrong = segments[k];
    const best = [...names].sort(
      (a, b) => similarity(wrong, b) - similarity(wrong, a),
    )[0];
    const example = [
      ...segments.slice(0, k),
      best ?? '<job>',
      ...segments.slice(k + 1),
    ].join('/');
    return {
      key: 'metadata.annotations.delivery/code-job',
      example: `${job.instance}:${example}`,
      explanation: `No job ${job.id}: there is no "${wrong}" in ${
        folder || 'the top level'
      }, which has ${
        names.slice(0, 10).join(', ') || 'no jobs'
      }. A multibranch job needs the branch as the last segment.`,
    };
  }
  return {
    key: 'metadata.annotations.delivery/code-job',
    example: `${job.instance}:<folder>/<job>/<branch>`,
    explanation: `No job ${job.id}, and none of its folders could be listed: check each path segment as Jenkins shows it.`,
  };
}
