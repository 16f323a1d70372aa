import {
  sameVersion,
  type DeliveryView,
  type LinkEvidence,
  type VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { sourceFailure } from './sources';
import { buildResultKind, buildResultLabel, type StatusKind } from './status';

/** One step of the chain commit -> build -> image -> chart -> pins -> deploy. */
export interface PipelineStep {
  key: 'commit' | 'build' | 'image' | 'chart' | 'pins' | 'deploy';
  label: string;
  /** Short text under the step, e.g. `#46`, `v0.0.20`, `dev, staging`. */
  detail: string;
  /** `missing` when the step has not happened (or is not known). */
  kind: StatusKind | 'missing';
  /** Spoken status, e.g. `succeeded`. */
  state: string;
  /** How the step was linked to the version, when the backend said. */
  via?: LinkEvidence;
}

function artifactStep(
  key: 'image' | 'chart',
  label: string,
  present: string | undefined,
  sourceDown: boolean,
  built: boolean,
): PipelineStep {
  if (present)
    return { key, label, detail: present, kind: 'ok', state: 'published' };
  if (sourceDown) {
    return {
      key,
      label,
      detail: 'source down',
      kind: 'aborted',
      state: 'unknown, the source failed',
    };
  }
  return built
    ? {
        key,
        label,
        detail: 'missing',
        kind: 'warning',
        state: 'missing although the build succeeded',
      }
    : { key, label, detail: 'none', kind: 'missing', state: 'not published' };
}

/** The six steps of one version's chain, each with a status and how it was linked. */
export function pipelineSteps(
  lineage: VersionLineage,
  view: DeliveryView,
): PipelineStep[] {
  const links = lineage.links ?? {};
  return chainSteps(lineage, view).map(step => {
    const via =
      step.kind === 'missing' || step.kind === 'aborted'
        ? undefined
        : linkOf(step.key, links, lineage, view);
    return via ? { ...step, via } : step;
  });
}

function linkOf(
  key: PipelineStep['key'],
  links: VersionLineage['links'],
  lineage: VersionLineage,
  view: DeliveryView,
): LinkEvidence | undefined {
  if (key === 'deploy') {
    const order = view.environments.map(e => e.name);
    return [...lineage.environments]
      .sort(
        (a, b) => order.indexOf(a.environment) - order.indexOf(b.environment),
      )
      .find(e => e.deployedByVia)?.deployedByVia;
  }
  return key === 'pins' ? undefined : links[key];
}

function chainSteps(
  lineage: VersionLineage,
  view: DeliveryView,
): PipelineStep[] {
  const { commit, build, image, chart } = lineage;
  const codeDown = Boolean(sourceFailure(view.sources, 'codeJenkins'));
  const built = build?.result === 'SUCCESS';
  const order = view.environments.map(e => e.name);
  const envs = [...lineage.environments].sort(
    (a, b) => order.indexOf(a.environment) - order.indexOf(b.environment),
  );
  const pinned = envs.filter(e => e.pinned).map(e => e.environment);
  const running = envs.filter(e => e.running).map(e => e.environment);
  const failedDeploy = envs.find(e => e.deployedBy?.result === 'FAILURE');

  const steps: PipelineStep[] = [
    commit
      ? {
          key: 'commit',
          label: 'Commit',
          detail: commit.shortSha,
          kind: 'ok',
          state: 'known',
        }
      : {
          key: 'commit',
          label: 'Commit',
          detail: 'unknown',
          kind: codeDown ? 'aborted' : 'missing',
          state: codeDown ? 'unknown, code Jenkins failed' : 'unknown',
        },
    build
      ? {
          key: 'build',
          label: 'Build',
          detail: `#${build.number}`,
          kind: buildResultKind(build.result),
          state: buildResultLabel(build.result).toLowerCase(),
        }
      : {
          key: 'build',
          label: 'Build',
          detail: 'none',
          kind: codeDown ? 'aborted' : 'missing',
          state: 'no build found',
        },
    artifactStep(
      'image',
      'Image',
      image?.tag,
      Boolean(sourceFailure(view.sources, 'nexus')),
      built,
    ),
    artifactStep(
      'chart',
      'Chart',
      chart?.version,
      Boolean(sourceFailure(view.sources, 'chartMuseum')),
      built,
    ),
    pinned.length
      ? {
          key: 'pins',
          label: 'Env pins',
          detail: pinned.join(', '),
          kind: 'ok',
          state: `pinned in ${pinned.join(', ')}`,
        }
      : {
          key: 'pins',
          label: 'Env pins',
          detail: 'not pinned',
          kind: 'missing',
          state: 'not pinned anywhere',
        },
  ];
  if (failedDeploy) {
    steps.push({
      key: 'deploy',
      label: 'Deploy',
      detail: `failed in ${failedDeploy.environment}`,
      kind: 'error',
      state: `deploy failed in ${failedDeploy.environment}`,
    });
  } else if (running.length) {
    steps.push({
      key: 'deploy',
      label: 'Deploy',
      detail: running.join(', '),
      kind: 'ok',
      state: `running in ${running.join(', ')}`,
    });
  } else if (pinned.length) {
    steps.push({
      key: 'deploy',
      label: 'Deploy',
      detail: 'pending',
      kind: 'pending',
      state: 'pinned but not running yet',
    });
  } else {
    steps.push({
      key: 'deploy',
      label: 'Deploy',
      detail: 'not deployed',
      kind: 'missing',
      state: 'not deployed',
    });
  }
  return steps;
}

/** The environment rows whose pin is this version. */
export function environmentsPinning(
  lineage: VersionLineage,
  view: DeliveryView,
) {
  return view.environments.filter(e =>
    sameVersion(e.pinnedVersion, lineage.version),
  );
}
