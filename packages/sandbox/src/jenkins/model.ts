/** Result of a finished Jenkins run. */
export type JenkinsResult =
  | 'SUCCESS'
  | 'FAILURE'
  | 'UNSTABLE'
  | 'ABORTED'
  | 'NOT_BUILT';

/** One git checkout a run recorded (becomes a `hudson.plugins.git.util.BuildData`). */
export interface GitRevision {
  sha: string;
  /** e.g. `master`, `origin/main`, `refs/remotes/origin/master` */
  branch: string;
  remoteUrl: string;
}

/** A commit in a run's changeSet. */
export interface ChangeItem {
  sha: string;
  message: string;
  authorName: string;
  authorEmail: string;
  timestamp: number;
  paths: Array<{ file: string; editType: 'add' | 'edit' | 'delete' }>;
}

/** A cause of a run (`hudson.model.Cause$UserIdCause`, `jenkins.branch.BranchEventCause`, ...). */
export interface BuildCause {
  cls: string;
  shortDescription: string;
  extra?: Record<string, string | number | null>;
}

/** A parameter value of a run. */
export interface BuildParameter {
  cls: string;
  name: string;
  value: string | boolean;
}

/** A parameter a job accepts. */
export interface ParameterDefinition {
  name: string;
  type: 'StringParameterDefinition' | 'BooleanParameterDefinition';
  defaultValue: string | boolean;
  description: string;
}

/** A run of a pipeline job. */
export interface JenkinsBuild {
  number: number;
  /** null while building. */
  result: JenkinsResult | null;
  timestamp: number;
  /** 0 while building. */
  duration: number;
  estimatedDuration: number;
  /** Defaults to `#N`; Stakater pipelines set the released version. */
  displayName?: string;
  description: string | null;
  queueId: number;
  causes: BuildCause[];
  parameters: BuildParameter[];
  /** In checkout order (the shared library first, as Jenkins records it). */
  revisions: GitRevision[];
  changes: ChangeItem[];
  /** Pipeline stage names; a failed run fails at `failedStage`. */
  stages: string[];
  failedStage?: number;
}

/** Kinds of jobs the sandbox serves. */
export type JenkinsJobType = 'folder' | 'multibranch' | 'pipeline';

/** A job or folder. */
export interface JenkinsJob {
  type: JenkinsJobType;
  /** As in the URL after one decode, e.g. `feature%2Fx` for branch `feature/x`. */
  name: string;
  displayName: string;
  description: string;
  parent?: JenkinsJob;
  children: JenkinsJob[];
  /** Ascending by number. */
  builds: JenkinsBuild[];
  nextBuildNumber: number;
  parameterDefinitions: ParameterDefinition[];
}

/** A queued request to run a job. */
export interface QueueItem {
  id: number;
  job: JenkinsJob;
  parameters: BuildParameter[];
  causes: BuildCause[];
  inQueueSince: number;
  /** Set once the run started. */
  executable?: number;
  cancelled?: boolean;
}

/** Jenkins `_class` names. */
export const jobClass: Record<JenkinsJobType, string> = {
  folder: 'com.cloudbees.hudson.plugins.folder.Folder',
  multibranch:
    'org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject',
  pipeline: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
};

/** Full name as Jenkins shows it: `stakater/xposer/feature%2Fx`. */
export function fullName(job: JenkinsJob): string {
  const parts: string[] = [];
  for (let j: JenkinsJob | undefined = job; j; j = j.parent)
    parts.unshift(j.name);
  return parts.join('/');
}

/** URL path of a job: `job/stakater/job/xposer/job/feature%252Fx/`. */
export function jobPath(job: JenkinsJob): string {
  const parts: string[] = [];
  for (let j: JenkinsJob | undefined = job; j; j = j.parent)
    parts.unshift(`job/${encodeURIComponent(j.name)}/`);
  return parts.join('');
}

/** `stakater » xposer » feature/x` */
export function fullDisplayName(job: JenkinsJob): string {
  const parts: string[] = [];
  for (let j: JenkinsJob | undefined = job; j; j = j.parent)
    parts.unshift(j.displayName);
  return parts.join(' » ');
}

/** Why a queue item still waits, as Jenkins words it. */
export function waitReason(item: QueueItem): string {
  const running = item.job.builds.find(b => b.result === null);
  return running
    ? `Build #${running.number} is already in progress (ETA: N/A)`
    : 'In the quiet period.';
}
