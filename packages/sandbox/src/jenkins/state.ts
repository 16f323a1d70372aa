import type {
  BuildCause,
  BuildParameter,
  JenkinsBuild,
  JenkinsJob,
  JenkinsJobType,
  QueueItem,
} from './model';
import {
  jobOfBuild,
  rotateAllBuilds,
  rotateJobBuilds,
  type BuildDiscarder,
  type RotationResult,
} from './logRotation';

/** Called when a job is triggered through the API; start the run with `state.start(item, ...)`. */
export type TriggerHandler = (item: QueueItem, state: JenkinsState) => void;

/** Told when a run is queued, starts and finishes (the Notification plugin's phases). @public */
export type RunListener = (
  phase: 'QUEUED' | 'STARTED' | 'COMPLETED' | 'FINALIZED',
  job: JenkinsJob,
  run: { number: number; queueId: number; build?: JenkinsBuild },
) => void;

/** Jobs, runs and the queue of one Jenkins instance. @public */
export class JenkinsState {
  readonly root: JenkinsJob = {
    type: 'folder',
    name: '',
    displayName: 'Jenkins',
    description: '',
    children: [],
    builds: [],
    nextBuildNumber: 1,
    parameterDefinitions: [],
  };
  readonly queue: QueueItem[] = [];
  private nextQueueId = 1;
  onTrigger?: TriggerHandler;
  /** Run notifications (the sandbox's webhooks). */
  onRun?: RunListener;
  /** "Discard old builds" of every job, applied when a run finishes (like LogRotator). */
  discarder?: BuildDiscarder;
  /** The clock `days` of the discarder counts from. */
  clock: () => number = Date.now;

  /** Finds a job by its full name segments (as in the URL after one decode). */
  find(segments: string[]): JenkinsJob | undefined {
    let job: JenkinsJob | undefined = this.root;
    for (const s of segments) {
      job = job?.children.find(c => c.name === s);
      if (!job) return undefined;
    }
    return job;
  }

  /** Finds a job by full name `a/b/feature%2Fx`. */
  findByFullName(name: string): JenkinsJob | undefined {
    return this.find(name.split('/'));
  }

  /** Creates (or returns) a job; missing parents become folders. */
  ensure(
    segments: string[],
    type: JenkinsJobType,
    displayName?: string,
  ): JenkinsJob {
    let parent = this.root;
    segments.forEach((name, i) => {
      const last = i === segments.length - 1;
      let child = parent.children.find(c => c.name === name);
      if (!child) {
        child = {
          type: last ? type : 'folder',
          name,
          displayName: last && displayName ? displayName : name,
          description: '',
          parent: parent === this.root ? undefined : parent,
          children: [],
          builds: [],
          nextBuildNumber: 1,
          parameterDefinitions: [],
        };
        parent.children.push(child);
      }
      parent = child;
    });
    return parent;
  }

  /** Adds a finished or running build (keeps builds sorted, bumps nextBuildNumber). */
  addBuild(job: JenkinsJob, build: JenkinsBuild): JenkinsBuild {
    job.builds.push(build);
    job.builds.sort((a, b) => a.number - b.number);
    job.nextBuildNumber = Math.max(job.nextBuildNumber, build.number + 1);
    this.nextQueueId = Math.max(this.nextQueueId, build.queueId + 1);
    return build;
  }

  /** Queues a run (buildWithParameters / build). */
  enqueue(
    job: JenkinsJob,
    parameters: BuildParameter[],
    causes: BuildCause[],
  ): QueueItem {
    // Like Jenkins: a request identical to a waiting one joins it (same queue item).
    const same = this.waiting().find(
      q =>
        q.job === job &&
        JSON.stringify(q.parameters) === JSON.stringify(parameters),
    );
    if (same) return same;
    const item: QueueItem = {
      id: this.nextQueueId++,
      job,
      parameters,
      causes,
      inQueueSince: Date.now(),
    };
    this.queue.push(item);
    this.onRun?.('QUEUED', job, {
      number: job.nextBuildNumber,
      queueId: item.id,
    });
    if (this.onTrigger) this.onTrigger(item, this);
    return item;
  }

  /** Leaves the queue and starts a running build. */
  start(
    item: QueueItem,
    build: Omit<JenkinsBuild, 'number' | 'queueId' | 'result' | 'duration'>,
  ): JenkinsBuild {
    const run: JenkinsBuild = {
      ...build,
      number: item.job.nextBuildNumber,
      queueId: item.id,
      result: null,
      duration: 0,
    };
    this.addBuild(item.job, run);
    item.executable = run.number;
    this.onRun?.('STARTED', item.job, { ...run, build: run });
    return run;
  }

  /** Finishes a running build. */
  finish(
    build: JenkinsBuild,
    result: NonNullable<JenkinsBuild['result']>,
    patch: Partial<JenkinsBuild> = {},
  ): void {
    Object.assign(build, patch);
    build.result = result;
    build.duration = Math.max(1, Date.now() - build.timestamp);
    const owner = this.onRun && jobOfBuild(this.root, build);
    if (owner) {
      this.onRun!('COMPLETED', owner, { ...build, build });
      this.onRun!('FINALIZED', owner, { ...build, build });
    }
    const job = this.discarder && jobOfBuild(this.root, build);
    if (job) rotateJobBuilds(job, this.discarder!, this.clock());
  }

  /** Discards old runs of every job now (the job setting, or `discarder`); returns what went. */
  rotate(discarder = this.discarder): RotationResult[] {
    return discarder ? rotateAllBuilds(this.root, discarder, this.clock()) : [];
  }

  queueItem(id: number): QueueItem | undefined {
    return this.queue.find(q => q.id === id);
  }

  /** Items still waiting (not started, not cancelled). */
  waiting(): QueueItem[] {
    return this.queue.filter(q => q.executable === undefined && !q.cancelled);
  }

  /** Is a run of this job building or queued? */
  busy(job: JenkinsJob): boolean {
    return (
      job.builds.some(b => b.result === null) ||
      this.waiting().some(q => q.job === job)
    );
  }
}
