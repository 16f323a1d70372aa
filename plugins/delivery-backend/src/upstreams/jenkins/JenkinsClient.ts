import Jenkins from 'jenkins';
import type { JenkinsInstanceConfig } from '../../configTypes';
import {
  checkShape,
  DEFAULT_MAX_RESPONSE_BYTES,
  kindForStatus,
  toUpstreamError,
  UpstreamError,
  withRetries,
} from '../http';
import {
  buildsTree,
  JenkinsBuild,
  JOB_TRIGGER_TREE,
  jobBuildsSchema,
  jobTriggerSchema,
} from './schema';
import { capResponses } from './jenkinsResponseSizeCap';

/** Options for {@link JenkinsClient.listBuilds}. */
export interface ListBuildsOptions {
  /** How many builds (newest first); default 50. */
  limit?: number;
  /** Include changeSets (commit messages/authors); default false. */
  changeSets?: boolean;
  /** Skip this many of the newest builds (older pages of the history); default 0. */
  offset?: number;
}

/** The options form of `jenkins.job.get`/`build` (runtime API of the package). */
interface JenkinsJobApi {
  get(options: { name: string; tree?: string }): Promise<unknown>;
  build(options: {
    name: string;
    parameters?: Record<string, string>;
  }): Promise<number>;
}

/** What is queued or running for a job, and its parameters. */
export interface JobTriggerState {
  /** URL of a waiting queue item, or of a building run, if any. */
  active?: { kind: 'queued' | 'building'; url: string };
  /** Parameter definitions with their default values (empty: not parameterized). */
  parameters: { name: string; defaultValue?: string }[];
}

/** papi's errors (thrown by the `jenkins` package). */
interface PapiError extends Error {
  notFound?: boolean;
  isCodec?: boolean;
  isTimeout?: boolean;
  statusCode?: number;
  res?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

/**
 * Read-only client for one Jenkins instance, built on the `jenkins` npm
 * package (papi): no crumb requests, basic auth from config, an absolute
 * timeout, a streamed response-size cap, bounded GET retries.
 */
export class JenkinsClient {
  private readonly jenkins: Jenkins;
  private readonly what: string;

  private constructor(
    private readonly instance: JenkinsInstanceConfig,
    maxBytes: number,
  ) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (instance.username && instance.apiToken) {
      const basic = Buffer.from(`${instance.username}:${instance.apiToken}`);
      headers.authorization = `Basic ${basic.toString('base64')}`;
    }
    const options: ConstructorParameters<typeof Jenkins>[0] & {
      timeout: number;
    } = {
      baseUrl: instance.baseUrl,
      crumbIssuer: false,
      headers,
      timeout: instance.timeoutMs,
    };
    this.jenkins = new Jenkins(options);
    capResponses(this.jenkins, maxBytes);
    this.what = `Jenkins ${instance.name}`;
  }

  static create(
    instance: JenkinsInstanceConfig,
    options?: { maxBytes?: number },
  ): JenkinsClient {
    return new JenkinsClient(
      instance,
      options?.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    );
  }

  get name(): string {
    return this.instance.name;
  }

  /**
   * The newest builds of a job, in ONE request (`tree=builds[...]{0,N}`).
   * `job` is the full name as Jenkins shows it (`stakater/xposer/feature%2Fx`);
   * the package encodes each segment.
   */
  async listBuilds(
    job: string,
    options: ListBuildsOptions = {},
  ): Promise<JenkinsBuild[]> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
    const offset = Math.max(Math.floor(options.offset ?? 0), 0);
    const what = `${this.what} job ${job}`;
    const body = await withRetries(async () => {
      try {
        // The package accepts an options object (its typings only show the name).
        const api = this.jenkins.job as unknown as JenkinsJobApi;
        return await api.get({
          name: job,
          tree: buildsTree(limit, options.changeSets ?? false, offset),
        });
      } catch (e) {
        throw classify(e, what);
      }
    });
    if (typeof body === 'string') {
      if (/^\s*</.test(body)) {
        throw new UpstreamError(
          'unauthorized',
          `${what}: got an HTML page instead of JSON (a login page? check the credentials)`,
        );
      }
      throw new UpstreamError('bad-response', `${what}: expected JSON`);
    }
    const parsed = checkShape(jobBuildsSchema, body, what);
    return [...((offset > 0 ? parsed.allBuilds : parsed.builds) ?? [])]
      .sort((a, b) => b.number - a.number)
      .slice(0, limit);
  }

  /** The names of the jobs in a folder (`''`: the top level), for the doctor's suggestions. */
  async listJobNames(folder: string): Promise<string[]> {
    const what = `${this.what} folder ${folder || '(top level)'}`;
    const body = await withRetries(async () => {
      try {
        if (!folder) return await this.jenkins.info();
        const api = this.jenkins.job as unknown as JenkinsJobApi;
        return await api.get({ name: folder, tree: 'jobs[name]' });
      } catch (e) {
        throw classify(e, what);
      }
    });
    const jobs = (body as { jobs?: Array<{ name?: unknown }> } | null)?.jobs;
    return (jobs ?? []).flatMap(j =>
      typeof j.name === 'string' ? [j.name] : [],
    );
  }

  /** Whether a run of `job` is queued or building, and its parameters (one GET). */
  async triggerState(job: string): Promise<JobTriggerState> {
    const what = `${this.what} job ${job}`;
    const body = await withRetries(async () => {
      try {
        const api = this.jenkins.job as unknown as JenkinsJobApi;
        return await api.get({ name: job, tree: JOB_TRIGGER_TREE });
      } catch (e) {
        throw classify(e, what);
      }
    });
    if (typeof body === 'string') {
      throw new UpstreamError(
        'unauthorized',
        `${what}: expected JSON, got a page`,
      );
    }
    const parsed = checkShape(jobTriggerSchema, body, what);
    const building = (parsed.builds ?? []).find(b => b.building);
    let active: JobTriggerState['active'];
    if (parsed.inQueue && parsed.queueItem?.id !== undefined) {
      active = { kind: 'queued', url: this.queueUrl(parsed.queueItem.id) };
    } else if (building) {
      active = { kind: 'building', url: building.url };
    }
    const parameters = (parsed.property ?? []).flatMap(p =>
      (p.parameterDefinitions ?? []).map(d => {
        const v = d.defaultParameterValue?.value;
        return {
          name: d.name,
          defaultValue: v === undefined || v === null ? undefined : String(v),
        };
      }),
    );
    return { active, parameters };
  }

  /**
   * Queues a run (`build`, or `buildWithParameters` when `parameters` is
   * given). Not retried (a POST). Returns the queue item URL.
   */
  async build(
    job: string,
    parameters?: Record<string, string>,
  ): Promise<string> {
    const what = `${this.what} job ${job}`;
    try {
      const api = this.jenkins.job as unknown as JenkinsJobApi;
      const id = await api.build({
        name: job,
        ...(parameters ? { parameters } : {}),
      });
      return this.queueUrl(id);
    } catch (e) {
      throw classify(e, what);
    }
  }

  private queueUrl(id: number): string {
    return `${this.instance.baseUrl.replace(/\/+$/, '')}/queue/item/${id}/`;
  }
}

function classify(e: unknown, what: string): UpstreamError {
  if (e instanceof UpstreamError) {
    // papi prefixes messages with `jenkins: job.get: `.
    const detail = e.message.replace(/^(jenkins: )?([\w.]+: )?/, '');
    return new UpstreamError(e.kind, `${what}: ${detail}`, {
      upstreamStatus: e.upstreamStatus,
    });
  }
  const err = e as PapiError;
  const status = err?.res?.statusCode ?? err?.statusCode;
  if (err?.notFound || status === 404) {
    return new UpstreamError('not-found', `${what}: not found`, {
      upstreamStatus: 404,
    });
  }
  if (typeof status === 'number' && (status < 200 || status >= 300)) {
    const retryAfter = Number(err.res?.headers?.['retry-after']);
    return new UpstreamError(kindForStatus(status), `${what}: HTTP ${status}`, {
      upstreamStatus: status,
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
    });
  }
  if (err?.isCodec) {
    return new UpstreamError(
      'bad-response',
      `${what}: invalid JSON (truncated or not JSON)`,
    );
  }
  if (err?.isTimeout) return new UpstreamError('timeout', `${what}: timed out`);
  return toUpstreamError(e, what);
}
