import type { GitHubStore, PullMergedEvent, RepoChangedEvent } from '../github';
import type { RunListener } from '../jenkins/state';
import {
  fullName,
  type BuildDiscarder,
  type JenkinsJob,
  type QueueItem,
  type RotationResult,
} from '../jenkins';
import {
  worldToSeeds,
  type World,
  type WorldEnvironment,
  type WorldService,
} from '../world';
import {
  branchEventCause,
  codeJobSegments,
  deployJobSegments,
  deployParams,
  githubPushCause,
  releaseParams,
  type EngineContext,
} from './context';
import { EventLog } from './events';
import {
  codeJobParameters,
  seedCodeJenkins,
  seedDeployJenkins,
} from './seedJenkins';
import { seedArtifacts } from './seedArtifacts';
import { seedCluster } from './cluster';
import { runDeploy } from './deployRun';
import { commitPush, runCodeBuild, type PendingPush } from './codeRun';
import { servicesOf, type EngineGeneration } from './runGeneration';
import { Cancelled, Timers } from './timers';
import { addScannedJob, branchIndexingCause, scanRepository } from './scan';

/** Options of {@link SandboxEngine}. @public */
export interface EngineOptions {
  world: World;
  store: GitHubStore;
  chartRepoUrl: string;
  registryHost: string;
  /**
   * The moment the world was made relative to (epoch ms; default: when the engine starts). The
   * engine's clock runs on from it: log rotation by `days` counts from this clock.
   */
  now?: number;
  /** Overrides world.settings.deployDelayMs / buildDelayMs. */
  deployDelayMs?: number;
  buildDelayMs?: number;
  /** Run notifications of both Jenkins (the sandbox's webhooks). */
  onJenkinsRun?: (
    jenkins: 'jenkins-code' | 'jenkins-deploy',
    ...event: Parameters<RunListener>
  ) => void;
}

/** The simulated world's state and behaviour (deploys on merge, builds on push). @public */
export class SandboxEngine {
  readonly events = new EventLog();
  private current!: EngineGeneration;
  private generationNumber = 0;
  private timers = new Timers();
  private chains = new Map<JenkinsJob, Promise<void>>();
  private codeJobs = new Map<
    JenkinsJob,
    { service: WorldService; branch: string }
  >();
  private deployJobs = new Map<JenkinsJob, WorldEnvironment>();
  private pendingPushes = new Map<JenkinsJob, PendingPush>();

  private readonly startedAt = Date.now();

  constructor(private readonly options: EngineOptions) {
    this.seed();
  }

  /** The world's clock: `now` at start, then running like the real one. */
  clock(): number {
    return (this.options.now ?? this.startedAt) + (Date.now() - this.startedAt);
  }

  /**
   * Discards old Jenkins runs now, like LogRotator (`settings.keepBuilds`, or `keepBuilds`),
   * on both Jenkins or one. Returns the deleted run numbers per job.
   */
  rotateBuilds(
    options: {
      keepBuilds?: BuildDiscarder;
      upstream?: 'jenkins-code' | 'jenkins-deploy';
    } = {},
  ): Record<'jenkins-code' | 'jenkins-deploy', RotationResult[]> {
    const discarder =
      options.keepBuilds ?? this.options.world.settings.keepBuilds;
    if (!discarder)
      throw new Error(
        'no keepBuilds: set settings.keepBuilds in the world or pass {count, days}',
      );
    const only = options.upstream;
    const result = {
      'jenkins-code':
        !only || only === 'jenkins-code'
          ? this.current.code.rotate(discarder)
          : [],
      'jenkins-deploy':
        !only || only === 'jenkins-deploy'
          ? this.current.deploy.rotate(discarder)
          : [],
    };
    this.events.add('jenkins.rotated', { ...discarder, ...result });
    return result;
  }

  /** The current generation: the seeded state (stores, Jenkins, artifacts, cluster) since the last reset. */
  get generation(): EngineGeneration {
    return this.current;
  }

  get world(): World {
    return this.options.world;
  }

  private context(): EngineContext {
    return {
      world: this.options.world,
      store: this.options.store,
      chartRepoUrl: this.options.chartRepoUrl,
      registryHost: this.options.registryHost,
      nexusRepository: this.options.world.settings.nexusRepository,
    };
  }

  /** Seeds for the GitHub simulator. */
  seeds() {
    return worldToSeeds(this.options.world, this.context());
  }

  private seed(): void {
    const gen = ++this.generationNumber;
    const ctx = this.context();
    const { nexus, charts } = seedArtifacts(ctx);
    const settings = this.options.world.settings;
    this.current = {
      ctx,
      store: this.options.store,
      code: seedCodeJenkins(ctx),
      deploy: seedDeployJenkins(ctx),
      nexus,
      charts,
      k8s: seedCluster(ctx),
      events: this.events,
      scanned: [],
      deployDelayMs: this.options.deployDelayMs ?? settings.deployDelayMs,
      buildDelayMs: this.options.buildDelayMs ?? settings.buildDelayMs,
      alive: () => gen === this.generationNumber,
      sleep: ms => this.sleep(ms, gen),
    };
    const keepBuilds = settings.keepBuilds;
    const onRun = this.options.onJenkinsRun;
    if (onRun) {
      this.current.code.onRun = (...a) => onRun('jenkins-code', ...a);
      this.current.deploy.onRun = (...a) => onRun('jenkins-deploy', ...a);
    }
    for (const jenkins of [this.current.code, this.current.deploy]) {
      jenkins.clock = () => this.clock();
      jenkins.discarder = keepBuilds;
      jenkins.rotate();
    }
    this.codeJobs.clear();
    this.deployJobs.clear();
    this.chains.clear();
    this.pendingPushes.clear();
    for (const s of this.options.world.services) {
      for (const branch of [
        s.codeRepo.defaultBranch,
        ...s.branches.map(b => b.name),
      ]) {
        const job = this.current.code.find(codeJobSegments(s, branch));
        if (job) this.codeJobs.set(job, { service: s, branch });
      }
    }
    for (const e of this.options.world.environments) {
      const job = this.current.deploy.find(deployJobSegments(e));
      if (job) this.deployJobs.set(job, e);
    }
    this.current.code.onTrigger = item =>
      this.serialize(item, () => this.onCodeTrigger(item));
    this.current.deploy.onTrigger = item =>
      this.serialize(item, () => this.onDeployTrigger(item));
  }

  private sleep(ms: number, gen: number): Promise<void> {
    if (gen !== this.generationNumber) return Promise.reject(new Cancelled());
    return this.timers.sleep(ms);
  }

  /** One run per job at a time, like a Jenkins job without concurrent builds. */
  private serialize(item: QueueItem, run: () => Promise<void>): void {
    const previous = this.chains.get(item.job) ?? Promise.resolve();
    const next = previous.then(run).catch(e => {
      if (!(e instanceof Cancelled))
        this.events.add('error', {
          message: e instanceof Error ? e.message : String(e),
        });
    });
    this.chains.set(item.job, next);
  }

  private async onDeployTrigger(item: QueueItem): Promise<void> {
    const env = this.deployJobs.get(item.job);
    this.events.add('deploy.queued', {
      environment: env?.name,
      job: fullName(item.job),
      queueId: item.id,
    });
    if (env) await runDeploy(this.current, env, item);
  }

  private async onCodeTrigger(item: QueueItem): Promise<void> {
    const target = this.codeJobs.get(item.job);
    const push = this.pendingPushes.get(item.job);
    this.pendingPushes.delete(item.job);
    if (target)
      await runCodeBuild(
        this.current,
        target.service,
        target.branch,
        item,
        push,
      );
  }

  /** What a GitHub webhook to the deploy Jenkins does after a merge. */
  onPullMerged(e: PullMergedEvent): void {
    this.events.add('pull.merged', { ...e });
    const env = this.options.world.environments.find(
      x =>
        x.configRepo.owner === e.owner &&
        x.configRepo.name === e.repo &&
        x.configRepo.branch === e.base,
    );
    if (!env) {
      this.onCodeMerged(e);
      return;
    }
    const job = this.current.deploy.find(deployJobSegments(env));
    if (!job) return;
    this.current.deploy.enqueue(job, deployParams(env.configRepo.branch), [
      githubPushCause(e.mergedBy),
    ]);
  }

  /** A merge into a code repo branch with a job builds it (multibranch branch event). */
  private onCodeMerged(e: PullMergedEvent): void {
    const service = servicesOf(this.current).find(
      s => s.codeRepo.owner === e.owner && s.codeRepo.name === e.repo,
    );
    const job =
      service && this.current.code.find(codeJobSegments(service, e.base));
    if (!service || !job) return;
    const change = {
      sha: e.mergeCommitSha,
      message: `Merge pull request #${e.number}`,
      authorName: e.mergedBy ?? 'unknown',
      authorEmail: `${e.mergedBy ?? 'unknown'}@users.noreply.github.com`,
      timestamp: Date.now(),
      paths: [],
    };
    this.pendingPushes.set(job, { sha: e.mergeCommitSha, change });
    this.current.code.enqueue(job, releaseParams, [branchEventCause(e.base)]);
  }

  /**
   * What the code Jenkins' GitHub Organization folder does on a repository or push webhook:
   * a new repo in a scanned org with a `Jenkinsfile` on its default branch gets a multibranch
   * job `<org>/<repo>` and a first (releasing) build of that branch.
   */
  onRepoChanged(e: RepoChangedEvent): void {
    const generation = this.current;
    if (generation.code.find([e.owner, e.repo])) return;
    scanRepository(generation, e.owner, e.repo)
      .then(async found => {
        if (
          !found ||
          !generation.alive() ||
          generation.code.find([e.owner, e.repo])
        )
          return;
        const { service, sha } = found;
        const branch = service.codeRepo.defaultBranch;
        const job = addScannedJob(generation, service);
        this.codeJobs.set(job, { service, branch });
        this.events.add('scan.job-created', { job: fullName(job), sha });
        const info = await generation.store.commitInfo(e.owner, e.repo, sha);
        if (!generation.alive()) return;
        const change = info && {
          sha,
          message: info.message.trim(),
          authorName: info.author.name,
          authorEmail: info.author.email,
          timestamp: info.timestamp,
          paths: info.paths,
        };
        if (change) this.pendingPushes.set(job, { sha, change });
        generation.code.enqueue(job, releaseParams, [branchIndexingCause]);
      })
      .catch(err =>
        this.events.add('error', {
          message: err instanceof Error ? err.message : String(err),
        }),
      );
  }

  /** Commits to a service's code repo and starts the build that publishes the next version. */
  async push(
    serviceName: string,
    message: string,
    opts: {
      branch?: string;
      fail?: boolean;
      author?: { name: string; email: string };
    } = {},
  ) {
    const service = this.options.world.services.find(
      s => s.name === serviceName,
    );
    if (!service) throw new Error(`unknown service ${serviceName}`);
    const branch = opts.branch ?? service.codeRepo.defaultBranch;
    const author = opts.author ?? {
      name: 'Sandbox Developer',
      email: 'developer@example.com',
    };
    const pending = await commitPush(
      this.current,
      service,
      branch,
      message,
      author,
    );
    const segments = codeJobSegments(service, branch);
    let job = this.current.code.find(segments);
    if (!job) {
      job = this.current.code.ensure(segments, 'pipeline', branch);
      job.parameterDefinitions = codeJobParameters;
      this.codeJobs.set(job, { service, branch });
    }
    const sha = pending.sha;
    this.pendingPushes.set(job, { ...pending, fail: opts.fail });
    this.events.add('push', { service: service.name, branch, sha, message });
    const item = this.current.code.enqueue(job, releaseParams, [
      branchEventCause(branch),
    ]);
    return { sha, queueId: item.id, job: fullName(job) };
  }

  /** `kubectl set image` by hand: the image changes, the Helm labels do not. */
  setImage(
    namespace: string,
    deployment: string,
    image: string,
    container?: string,
  ) {
    const d = this.current.k8s.setImage(
      namespace,
      deployment,
      image,
      container,
    );
    if (d)
      this.events.add('kubectl.set-image', { namespace, deployment, image });
    return d;
  }

  /** Back to the world: cancels running work and re-seeds every upstream. */
  async reset(): Promise<void> {
    this.timers.cancelAll();
    this.generationNumber++;
    await this.options.store.reset(this.seeds());
    this.seed();
    this.events.clear();
    this.events.add('reset', { world: this.options.world.name });
  }

  /** Resolves when no run is queued or building. */
  async idle(): Promise<void> {
    for (;;) {
      const chains = [...this.chains.values()];
      await Promise.all(chains);
      if (
        chains.length === this.chains.size &&
        [...this.chains.values()].every((c, i) => c === chains[i])
      )
        return;
    }
  }

  stop(): void {
    this.timers.cancelAll();
    this.generationNumber++;
  }
}
