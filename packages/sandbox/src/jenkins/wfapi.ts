import { jobPath, type JenkinsBuild, type JenkinsJob } from './model';

const statuses: Record<string, string> = {
  FAILURE: 'FAILED',
  NOT_BUILT: 'NOT_EXECUTED',
};
const statusOf = (r: JenkinsBuild['result']): string =>
  r === null ? 'IN_PROGRESS' : statuses[r] ?? r;

/** `GET .../N/wfapi/describe` (pipeline-stage-view plugin). */
export function describeRun(job: JenkinsJob, build: JenkinsBuild) {
  const self = `/${jobPath(job)}${build.number}/wfapi/describe`;
  const total =
    build.result === null
      ? Math.max(0, Date.now() - build.timestamp)
      : build.duration;
  const n = build.stages.length || 1;
  const each = Math.floor(total / n);
  const failedAt =
    build.result === 'FAILURE' ? build.failedStage ?? n - 1 : undefined;
  const stages = build.stages.map((name, i) => {
    let status = statusOf(build.result);
    if (build.result === null) status = i === n - 1 ? 'IN_PROGRESS' : 'SUCCESS';
    else if (failedAt !== undefined && i < failedAt) status = 'SUCCESS';
    else if (failedAt !== undefined && i === failedAt) status = 'FAILED';
    else if (failedAt !== undefined) status = 'NOT_EXECUTED';
    const id = String(6 + i * 7);
    return {
      _links: {
        self: {
          href: `/${jobPath(job)}${
            build.number
          }/execution/node/${id}/wfapi/describe`,
        },
      },
      id,
      name,
      execNode: '',
      status,
      startTimeMillis: build.timestamp + i * each,
      durationMillis: status === 'NOT_EXECUTED' ? 0 : each,
      pauseDurationMillis: 0,
    };
  });
  return {
    _links: {
      self: { href: self },
      artifacts: { href: `/${jobPath(job)}${build.number}/wfapi/artifacts` },
    },
    id: String(build.number),
    name: build.displayName ?? `#${build.number}`,
    status: statusOf(build.result),
    startTimeMillis: build.timestamp,
    endTimeMillis: build.result === null ? 0 : build.timestamp + build.duration,
    durationMillis: total,
    queueDurationMillis: 5000,
    pauseDurationMillis: 0,
    stages,
  };
}

/** `GET .../N/consoleText`. */
export function consoleText(build: JenkinsBuild): string {
  const lines = [
    build.causes[0]?.shortDescription ?? 'Started',
    ...build.revisions.map(
      r => `Checking out Revision ${r.sha} (${r.branch}) from ${r.remoteUrl}`,
    ),
  ];
  build.stages.forEach((s, i) => {
    if (
      build.failedStage !== undefined &&
      build.result === 'FAILURE' &&
      i > build.failedStage
    )
      return;
    lines.push(`[Pipeline] { (${s})`, `[Pipeline] }`);
  });
  if (build.result) lines.push(`Finished: ${build.result}`);
  return `${lines.join('\n')}\n`;
}
