import { NotFoundError } from '@backstage/errors';
import type {
  DeliveryView,
  PromotionGateResult,
  PromotionPreview,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { createTwoFilesPatch } from 'diff';
import type {
  DeliveryConfig,
  EnvironmentConfig,
  EnvironmentGates,
} from '../../configTypes';
import { promotionBranchName } from './branchName';
import { relationOf } from './openPromotionPull';
import type { ConfigRepoClient } from '../../upstreams/github/ConfigRepoClient';
import { evaluateGates, GateResult } from './gates';
import { editPromotionFiles } from './promotionEdit';
import { resolveEnvironment, userOf } from '../shared';
import { parsePromotionMarker } from './pullRequestText';
import type { DeliveryFacts, PreviewInput } from './types';
import { parseValuesInput } from './valuesInput';
import { validateVersionInput } from './versionInput';

/** Dependencies of {@link previewPromotion}. */
export interface PreviewDeps {
  config: Pick<DeliveryConfig, 'environments'>;
  facts: DeliveryFacts;
  clientFor: (env: EnvironmentConfig) => ConfigRepoClient;
  maxBytes: number;
}

/** Public rule names of the gates (the `PromotionGateResult.rule` contract). */
const RULES: Record<keyof EnvironmentGates, string> = {
  requireChart: 'chart-exists',
  requireImage: 'image-exists',
  requireSuccessfulBuild: 'build-succeeded',
  requireRunningInPrevious: 'running-in-previous',
};

const SOURCE_OF: Record<
  keyof EnvironmentGates,
  (env: EnvironmentConfig) => string
> = {
  requireChart: () => 'chartMuseum',
  requireImage: () => 'nexus',
  requireSuccessfulBuild: () => 'codeJenkins',
  requireRunningInPrevious: env => `cluster:${env.promotesFrom}`,
};

/** Every rule, in order: evaluated ones as evaluated, the others "not required". */
function allGates(
  view: DeliveryView,
  env: EnvironmentConfig,
  results: GateResult[],
): PromotionGateResult[] {
  return (Object.keys(RULES) as (keyof EnvironmentGates)[]).map(rule => {
    const r = results.find(x => x.rule === rule);
    if (!r) {
      const why =
        rule === 'requireRunningInPrevious' && !env.promotesFrom
          ? `${env.name} has no previous environment`
          : `not required in ${env.name}`;
      return { rule: RULES[rule], ok: true, message: why };
    }
    const down = view.sources[SOURCE_OF[rule](env)];
    const message =
      !r.ok && down?.status === 'error'
        ? `${r.message} (cannot be checked: ${down.error.message})`
        : r.message;
    return { rule: RULES[rule], ok: r.ok, message };
  });
}

/** A unified diff of one file (`a/<path>` -> `b/<path>`, 3 lines of context). */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', {
    context: 3,
  })
    .replace(/^=+\n/, '')
    .replace(/^((?:---|\+\+\+) \S+)\t$/gm, '$1');
}

/**
 * What a promotion would do, without writing anything: the same input
 * validation (400/403), the same gates (each reported, never thrown), the
 * same file edit as promote (`editPromotionFiles`) as a unified diff per
 * file, our open PR if any, and why it could not proceed.
 */
export async function previewPromotion(
  deps: PreviewDeps,
  input: PreviewInput,
): Promise<PromotionPreview> {
  userOf(input.credentials);
  const version = validateVersionInput(input.version);
  const values = parseValuesInput(input.values);
  const { env, release } = resolveEnvironment(
    deps.config,
    input.entity,
    input.environment,
  );

  const view = await deps.facts.getView(input.entity, {
    credentials: input.credentials,
  });
  const { lineage, results } = evaluateGates(view, env, version);
  const gates = allGates(view, env, results);
  const published = lineage?.chart?.version ?? lineage?.version ?? version;
  const branch = promotionBranchName(env.name, release, published);
  const client = deps.clientFor(env);

  const reasons: string[] = [];
  if (!input.allowed) {
    reasons.push(
      `You are not allowed to promote ${view.entityRef} (delivery.promote)`,
    );
  }
  const failed = gates.find(g => !g.ok);
  if (failed) reasons.push(`Gate ${failed.rule} failed: ${failed.message}`);

  let existingPullRequest: PromotionPreview['existingPullRequest'];
  for (const pull of await client.openPulls(env.branch)) {
    // the same rule as promote: only our own PRs adopt or block (#11)
    const relation = await relationOf(pull, {
      client,
      environment: env.name,
      release,
      branch,
    });
    if (relation === 'adopt') {
      existingPullRequest = { url: pull.url, number: pull.number };
    } else if (relation === 'squats') {
      reasons.push(
        `Pull request #${pull.number} from branch ${branch} was not opened by Delivery`,
      );
    } else if (relation === 'blocks') {
      const marker = parsePromotionMarker(pull.body);
      reasons.push(
        `Pull request #${pull.number} already promotes ${release} to ${marker?.version} in ${env.name}; merge or close it first`,
      );
    }
  }

  const base = await client.branchSha(env.branch);
  if (!base) {
    throw new NotFoundError(
      `Branch ${env.branch} does not exist in ${env.owner}/${env.repo}`,
    );
  }
  const edit = await editPromotionFiles(
    {
      client,
      baseBranch: env.branch,
      requirementsPath: env.requirementsPath,
      valuesPath: env.valuesPath(release),
      release,
      version: published,
      chartSpelling: Boolean(lineage?.chart),
      imageTag: lineage?.image?.tag ?? published,
      values,
      limits: { maxBytes: deps.maxBytes },
    },
    base,
  );
  if (!edit.pinChanged) {
    reasons.push(
      `${release} is already pinned to ${edit.previousVersion} in ${env.name}; nothing to promote`,
    );
  }
  // promote refuses an unchanged pin, so nothing would be proposed
  const proposed = edit.pinChanged ? edit.files : {};
  const changes = Object.entries(proposed).map(([path, content]) => ({
    path,
    patch: unifiedDiff(path, edit.originals[path] ?? '', content),
    url: `${env.repoHtmlUrl}/blob/${encodeURIComponent(env.branch)}/${path}`,
  }));

  return {
    environment: env.name,
    version: published,
    previousVersion: edit.previousVersion,
    allowed: input.allowed,
    gates,
    changes,
    ...(existingPullRequest ? { existingPullRequest } : {}),
    ...(reasons.length ? { blockedReason: reasons[0] } : {}),
  };
}
