import type { BuildCause, JenkinsBuild, JenkinsJob, QueueItem } from './model';
import type { JenkinsState } from './state';

/** `Cause$UserIdCause` of a run a user started. */
export function userIdCause(user: string): BuildCause {
  return {
    cls: 'hudson.model.Cause$UserIdCause',
    shortDescription: `Started by user ${user}`,
    extra: { userId: user, userName: user },
  };
}

/**
 * `POST .../N/replay/rebuild` (workflow-cps `ReplayAction.doRebuild`): schedules a new run of
 * the same job with the original scripts, copying the run's `ParametersAction`, with causes
 * `UserIdCause` + `ReplayCause` ("Rebuilt #N"). The caller answers 302 to the job (`../..`).
 */
export function rebuild(
  state: JenkinsState,
  job: JenkinsJob,
  run: JenkinsBuild,
  user: string,
): QueueItem {
  return state.enqueue(
    job,
    run.parameters.map(p => ({ ...p })),
    [
      userIdCause(user),
      {
        cls: 'org.jenkinsci.plugins.workflow.cps.replay.ReplayCause',
        shortDescription: `Rebuilt #${run.number}`,
      },
    ],
  );
}
