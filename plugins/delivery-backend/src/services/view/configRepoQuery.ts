import type { z } from 'zod';
import type { EnvironmentConfig } from '../../configTypes';
import { checkShape, UpstreamError } from '../../upstreams/http';
import type {
  CommitSummary,
  GitHubReader,
  PullSummary,
} from '../../upstreams/github/GitHubReader';
import type { GraphQLAnswer } from '../../upstreams/github/GitHubGraphQL';
import {
  BlobFile,
  fileAlias,
  fileText,
  QueryBuilder,
  repoAlias,
  toCommit,
  toPull,
} from './configRepoGraphQL';
import {
  FilesAtCommits,
  HeadRead,
  observed,
  partId,
  PartKey,
  PartResult,
} from './configRepoParts';

/** What {@link queryConfigRepos} needs besides the reader. */
export interface QueryOptions {
  /** Commits of the requirements file read to date a pin. */
  pinCommits: number;
  /** The file at a commit through REST (null: absent): blobs GraphQL cannot give whole. */
  restFile(env: EnvironmentConfig, sha: string): Promise<string | null>;
  /** The files at commits the answer holds for a repo (head, pins, recent), before any part settles. */
  onFiles(env: EnvironmentConfig, files: FilesAtCommits): void;
}

type Parsed =
  | { ok: true; value: unknown }
  | { ok: false; error: UpstreamError };

/**
 * ONE GraphQL query for the parts (a POST: GitHub offers no conditional
 * GraphQL request, so this costs one request and its points every time).
 */
export async function queryConfigRepos(
  reader: GitHubReader,
  parts: PartKey[],
  options: QueryOptions,
): Promise<Map<string, Promise<PartResult>>> {
  const q = new QueryBuilder();
  const pinCommits = options.pinCommits;
  interface RepoAlias {
    env: EnvironmentConfig;
    head: boolean;
    pins: boolean;
    pulls: boolean;
  }
  // one alias per repo target (repo, branch, file); pulls ride on one of
  // the repo's aliases, else get their own
  const targets = new Map<string, RepoAlias>();
  const targetOf = (env: EnvironmentConfig) =>
    `${env.owner}/${env.repo}@${env.branch}:${env.requirementsPath}`;
  for (const { env, part } of parts) {
    if (part.kind !== 'head' && part.kind !== 'pins') continue;
    const t = targets.get(targetOf(env)) ?? {
      env,
      head: false,
      pins: false,
      pulls: false,
    };
    t[part.kind] = true;
    targets.set(targetOf(env), t);
  }
  const pullsAlias = new Map<string, RepoAlias>();
  for (const { env, part } of parts) {
    if (part.kind !== 'pulls') continue;
    const repo = `${env.owner}/${env.repo}`;
    let t = [...targets.values()].find(
      x => `${x.env.owner}/${x.env.repo}` === repo,
    );
    if (!t) {
      t = { env, head: false, pins: false, pulls: false };
      targets.set(`pulls:${repo}`, t);
    }
    t.pulls = true;
    pullsAlias.set(repo, t);
  }
  const aliasOf = new Map<RepoAlias, string>();
  for (const t of targets.values())
    aliasOf.set(t, q.repo(t.env, t, pinCommits));
  const fileAliases = new Map<string, string>();
  for (const k of parts) {
    if (k.part.kind === 'file')
      fileAliases.set(partId(k), q.file(k.env, k.part.sha));
  }

  const what = `GitHub GraphQL (${parts.length} config repo reads)`;
  const answer = await reader.graphql.query(q.text(), q.variables, what);

  const out = new Map<string, Promise<PartResult>>();
  for (const t of targets.values()) {
    const alias = aliasOf.get(t)!;
    const parsed = readAlias(answer, alias, repoAlias, t.env);
    let files: FilesAtCommits | undefined;
    if (parsed.ok && (t.head || t.pins)) {
      files = filesOf(parsed.value);
      if (files.size) {
        options.onFiles(t.env, files);
      }
    }
    const id = (kind: 'head' | 'pins') =>
      partId({ env: t.env, part: { kind } });
    if (t.head) out.set(id('head'), observed(headOf(options, t.env, parsed)));
    if (t.pins) out.set(id('pins'), observed(pinsOf(t.env, parsed)));
  }
  for (const { env, part } of parts) {
    if (part.kind !== 'pulls') continue;
    const t = pullsAlias.get(`${env.owner}/${env.repo}`)!;
    const parsed = readAlias(answer, aliasOf.get(t)!, repoAlias, env);
    out.set(partId({ env, part }), observed(pullsOf(reader, env, parsed)));
  }
  for (const k of parts) {
    if (k.part.kind !== 'file') continue;
    const sha = k.part.sha;
    const parsed = readAlias(
      answer,
      fileAliases.get(partId(k))!,
      fileAlias,
      k.env,
    );
    out.set(
      partId(k),
      observed(
        (async () => {
          if (!parsed.ok) throw parsed.error;
          const obj = parsed.value?.object;
          if (obj === null) return null; // unknown commit: as REST's 404
          const text = fileText(obj?.file);
          return text === undefined ? options.restFile(k.env, sha) : text;
        })(),
      ),
    );
  }
  return out;
}

function readAlias<T extends z.ZodTypeAny>(
  answer: GraphQLAnswer,
  alias: string,
  schema: T,
  env: EnvironmentConfig,
): { ok: true; value: z.infer<T> } | { ok: false; error: UpstreamError } {
  const what = `GitHub ${env.owner}/${env.repo}`;
  const error = answer.errors.get(alias);
  if (error) {
    return {
      ok: false,
      error: new UpstreamError(
        error.kind,
        error.message.replace(/^GitHub GraphQL \([^)]*\)/, what),
        { upstreamStatus: error.upstreamStatus },
      ),
    };
  }
  const data = answer.data[alias];
  if (data === null || data === undefined) {
    return {
      ok: false,
      error: new UpstreamError('not-found', `${what}: repository not found`, {
        upstreamStatus: 404,
      }),
    };
  }
  try {
    return { ok: true, value: checkShape(schema, data, `${what} (GraphQL)`) };
  } catch (e) {
    return { ok: false, error: e as UpstreamError };
  }
}

function filesOf(r: z.infer<typeof repoAlias>): FilesAtCommits {
  const files: FilesAtCommits = new Map();
  const target = r.ref?.target;
  if (!target) return files;
  const add = (sha: string, file: BlobFile | undefined) => {
    const text = fileText(file);
    if (text !== undefined) files.set(sha, text);
  };
  add(target.oid, target.file);
  for (const n of target.pins?.nodes ?? []) add(n.oid, n.file);
  for (const n of target.recent?.nodes ?? []) add(n.oid, n.file);
  return files;
}

async function headOf(
  options: QueryOptions,
  env: EnvironmentConfig,
  parsed: Parsed,
): Promise<HeadRead> {
  if (!parsed.ok) throw parsed.error;
  const target = (parsed.value as z.infer<typeof repoAlias>).ref?.target;
  if (!target) throw noBranch(env);
  const text = fileText(target.file);
  return {
    headSha: target.oid,
    content:
      text === undefined ? await options.restFile(env, target.oid) : text,
  };
}

async function pinsOf(
  env: EnvironmentConfig,
  parsed: Parsed,
): Promise<CommitSummary[]> {
  if (!parsed.ok) throw parsed.error;
  const target = (parsed.value as z.infer<typeof repoAlias>).ref?.target;
  if (!target) throw noBranch(env);
  if (!target.pins) {
    throw new UpstreamError(
      'bad-response',
      `GitHub ${env.owner}/${env.repo} (GraphQL): no pin history in the answer`,
    );
  }
  return target.pins.nodes.map(toCommit);
}

async function pullsOf(
  reader: GitHubReader,
  env: EnvironmentConfig,
  parsed: Parsed,
): Promise<PullSummary[]> {
  if (!parsed.ok) throw parsed.error;
  const prs = (parsed.value as z.infer<typeof repoAlias>).pullRequests;
  if (!prs) {
    throw new UpstreamError(
      'bad-response',
      `GitHub ${env.owner}/${env.repo} (GraphQL): no pull requests in the answer`,
    );
  }
  // more than one page: every page through REST, never a truncated list
  if (prs.pageInfo.hasNextPage)
    return reader.listOpenPulls(env.owner, env.repo);
  return prs.nodes.map(toPull);
}

function noBranch(env: EnvironmentConfig): UpstreamError {
  return new UpstreamError(
    'not-found',
    `GitHub ${env.owner}/${env.repo} branch ${env.branch}: not found`,
    { upstreamStatus: 404 },
  );
}
