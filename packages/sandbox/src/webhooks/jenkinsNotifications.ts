import type { JenkinsBuild, JenkinsJob } from '../jenkins/model';
import type { WebhookSender } from './WebhookSender';

/** The Notification plugin's phases, in the order a run goes through them. @public */
export type RunPhase = 'QUEUED' | 'STARTED' | 'COMPLETED' | 'FINALIZED';

/** A run as the notification describes it (no build yet while QUEUED). */
export interface NotifiedRun {
  number: number;
  queueId: number;
  build?: JenkinsBuild;
}

function jobPath(job: JenkinsJob): string {
  const names: string[] = [];
  for (let j: JenkinsJob | undefined = job; j; j = j.parent)
    names.unshift(`job/${encodeURIComponent(j.name)}/`);
  return names.join('');
}

function fullName(job: JenkinsJob): string {
  const names: string[] = [];
  for (let j: JenkinsJob | undefined = job; j; j = j.parent)
    names.unshift(j.name);
  return names.join('/');
}

/**
 * The Jenkins Notification plugin's JSON (`JobState` / `BuildState`):
 * `{ name, display_name, url, build: { full_url, number, queue_id, timestamp,
 * phase, status, url, scm, parameters, log, notes, artifacts } }`; `status`
 * only once the run finished.
 */
export function notificationPayload(
  baseUrl: string,
  phase: RunPhase,
  job: JenkinsJob,
  run: NotifiedRun,
): Record<string, unknown> {
  const url = jobPath(job);
  const build = run.build;
  const revision = build?.revisions[build.revisions.length - 1];
  const parameters = Object.fromEntries(
    (build?.parameters ?? []).map(p => [p.name, String(p.value)]),
  );
  return {
    name: fullName(job),
    display_name: job.displayName,
    url,
    build: {
      full_url: `${baseUrl.replace(/\/+$/, '')}/${url}${run.number}/`,
      number: run.number,
      queue_id: run.queueId,
      timestamp: build?.timestamp ?? Date.now(),
      duration: build?.duration ?? 0,
      phase,
      ...(build?.result && phase !== 'STARTED' ? { status: build.result } : {}),
      url: `${url}${run.number}/`,
      scm: revision
        ? {
            url: revision.remoteUrl,
            branch: revision.branch,
            commit: revision.sha,
          }
        : {},
      parameters,
      log: '',
      notes: '',
      artifacts: {},
    },
  };
}

/** Sends a run's notification to every `jenkins` target. */
export function notifyRun(
  sender: WebhookSender,
  baseUrl: string,
  phase: RunPhase,
  job: JenkinsJob,
  run: NotifiedRun,
): void {
  if (!sender.has('jenkins')) return;
  sender.jenkins(phase, notificationPayload(baseUrl, phase, job, run));
}
