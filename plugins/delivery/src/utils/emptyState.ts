import {
  ANNOTATION_CHART,
  ANNOTATION_CODE_JOB,
  ANNOTATION_ENVIRONMENTS,
  ANNOTATION_IMAGE,
  ANNOTATION_RELEASE,
  type DeliveryAnnotations,
  type DeliveryView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { sourceFailure } from './sources';

/** Why (part of) the view is empty and what to do about it. */
export interface EmptyReason {
  title: string;
  hints: string[];
}

/** The view's emptiness: not built yet, not in any config repo, or both. */
export interface EmptyDiagnosis {
  notBuilt?: EmptyReason;
  notInConfig?: EmptyReason;
}

function notBuiltReason(
  view: DeliveryView,
  annotations: DeliveryAnnotations,
): EmptyReason {
  const hints: string[] = [];
  const code = sourceFailure(view.sources, 'codeJenkins');
  if (!annotations.codeJob) {
    hints.push(
      `Add the ${ANNOTATION_CODE_JOB} annotation naming the code Jenkins job, e.g. "code:stakater/${view.release}/master".`,
    );
  } else if (code?.kind === 'not-configured') {
    hints.push(
      'Configure a code Jenkins instance under delivery.codeJenkins in app-config.yaml.',
    );
  } else if (!code) {
    hints.push(
      `The code Jenkins job ${
        annotations.codeJob.instance ? `${annotations.codeJob.instance}:` : ''
      }${
        annotations.codeJob.id
      } has no build that released a version yet: merge to its branch to trigger one.`,
    );
  }
  if (!annotations.image)
    hints.push(
      `Add the ${ANNOTATION_IMAGE} annotation naming the image in Nexus.`,
    );
  if (!annotations.chart)
    hints.push(
      `Add the ${ANNOTATION_CHART} annotation naming the chart in ChartMuseum.`,
    );
  return { title: `${view.release} has not been built yet`, hints };
}

function notInConfigReason(
  view: DeliveryView,
  annotations: DeliveryAnnotations,
): EmptyReason {
  if (view.environments.length === 0) {
    return {
      title: 'No environments',
      hints: annotations.environments
        ? [
            `The ${ANNOTATION_ENVIRONMENTS} annotation (${annotations.environments.join(
              ', ',
            )}) matches no environment under delivery.environments in app-config.yaml.`,
          ]
        : [
            'Configure the environments (config repo, branch, deploy job) under delivery.environments in app-config.yaml.',
          ],
    };
  }
  const repos = view.environments
    .map(e => e.configRepoUrl.replace(/^https?:\/\/[^/]+\//, ''))
    .join(', ');
  return {
    title: `${view.release} is not in any config repo yet`,
    hints: [
      `No requirements file in ${repos} pins a dependency named "${view.release}": add it (requirements.yaml, or Chart.yaml dependencies) by pull request.`,
      `If the dependency has another name or alias, set the ${ANNOTATION_RELEASE} annotation to it.`,
    ],
  };
}

/** Diagnoses an empty (or half-empty) view from the view and the entity's annotations. */
export function diagnoseEmptyView(
  view: DeliveryView,
  annotations: DeliveryAnnotations,
): EmptyDiagnosis {
  const codeDown = sourceFailure(view.sources, 'codeJenkins');
  const notBuilt =
    view.versions.length === 0 &&
    view.builds.length === 0 &&
    (!codeDown || codeDown.kind === 'not-configured');
  const configDown = view.environments.some(e =>
    sourceFailure(view.sources, `configRepo:${e.name}`),
  );
  const notInConfig =
    view.environments.length === 0 ||
    (!configDown && view.environments.every(e => !e.pinnedVersion));
  return {
    notBuilt: notBuilt ? notBuiltReason(view, annotations) : undefined,
    notInConfig: notInConfig ? notInConfigReason(view, annotations) : undefined,
  };
}
