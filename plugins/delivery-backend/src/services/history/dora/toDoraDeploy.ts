import type { DoraDeploy } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { pinChangeOf, type SettledDeploy } from './productionDeploys';

/** The drill-down row of a counted deploy run, with its config commit and pull request. */
export function toDoraDeploy(
  history: EntityHistory,
  settled: SettledDeploy,
  failure?: DoraDeploy['failure'],
): DoraDeploy {
  const { deploy, previousVersion } = settled;
  const pin = pinChangeOf(history, deploy);
  const pr = pin?.pullRequest;
  return {
    environment: deploy.environment,
    run: { number: deploy.number, url: deploy.url, result: deploy.result },
    startedAt: deploy.startedAt,
    finishedAt: deploy.finishedAt,
    version: deploy.version!,
    previousVersion,
    configCommit: {
      sha: deploy.configSha ?? '',
      url: pin?.configUrl,
      pullRequest: pr
        ? { number: pr.number, url: pr.url, mergedBy: pr.mergedBy }
        : undefined,
    },
    ...(failure ? { failure } : {}),
  };
}
