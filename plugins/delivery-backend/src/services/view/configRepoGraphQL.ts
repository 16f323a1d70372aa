import { z } from 'zod';
import type { EnvironmentConfig } from '../../configTypes';
import type {
  CommitSummary,
  PullSummary,
} from '../../upstreams/github/GitHubReader';

/**
 * The GraphQL document of the view's config repo reads (#13, the contract in
 * GitHub's schema: repository, ref, Commit.file, history, pullRequests,
 * object(oid), rateLimit) and the shape of its answer, checked with zod.
 */

/** Newest commits of a config branch whose requirements file a head query also reads. */
const RECENT_COMMITS = 20;
/** Open pull requests per query (GitHub's most per connection). */
const PULLS_PER_QUERY = 100;

export const blobFile = z
  .object({
    oid: z.string().optional(),
    object: z
      .object({
        text: z.string().nullable().optional(),
        isTruncated: z.boolean().optional(),
      })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough()
  .nullable();
export type BlobFile = z.infer<typeof blobFile>;

export const commitNode = z
  .object({
    oid: z.string(),
    message: z.string(),
    committedDate: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    author: z
      .object({ name: z.string().nullable().optional() })
      .passthrough()
      .nullable()
      .optional(),
    parents: z
      .object({ nodes: z.array(z.object({ oid: z.string() }).passthrough()) })
      .passthrough()
      .optional(),
    file: blobFile.optional(),
  })
  .passthrough();

export const pullNode = z
  .object({
    number: z.number(),
    url: z.string(),
    title: z.string(),
    headRefName: z.string(),
    createdAt: z.string().nullable().optional(),
    author: z
      .object({ login: z.string(), __typename: z.string().optional() })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();

export const repoAlias = z
  .object({
    ref: z
      .object({
        target: z
          .object({
            oid: z.string(),
            file: blobFile.optional(),
            pins: z
              .object({ nodes: z.array(commitNode) })
              .passthrough()
              .optional(),
            recent: z
              .object({
                nodes: z.array(
                  z
                    .object({ oid: z.string(), file: blobFile.optional() })
                    .passthrough(),
                ),
              })
              .passthrough()
              .optional(),
          })
          .passthrough(),
      })
      .passthrough()
      .nullable()
      .optional(),
    pullRequests: z
      .object({
        pageInfo: z.object({ hasNextPage: z.boolean() }).passthrough(),
        nodes: z.array(pullNode),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export const fileAlias = z
  .object({
    object: z
      .object({ oid: z.string().optional(), file: blobFile.optional() })
      .passthrough()
      .nullable(),
  })
  .passthrough();

const FILE_FIELDS = 'oid object { ... on Blob { text isTruncated } }';
const COMMIT_FRAGMENT =
  'fragment DeliveryCommit on Commit { oid message committedDate url author { name } parents(first: 5) { nodes { oid } } }';

/**
 * The text of a file field: null when the path does not exist there,
 * undefined when it cannot be told from the answer (not a blob, binary or
 * truncated: then REST reads it).
 */
export function fileText(
  file: BlobFile | undefined,
): string | null | undefined {
  if (file === undefined) return undefined;
  if (file === null) return null;
  const text = file.object?.text;
  if (typeof text !== 'string' || file.object?.isTruncated) return undefined;
  return text;
}

/** A `DeliveryCommit` as REST lists it. */
export function toCommit(n: z.infer<typeof commitNode>): CommitSummary {
  const c: CommitSummary = {
    sha: n.oid,
    message: n.message,
    parents: (n.parents?.nodes ?? []).map(p => p.oid),
  };
  if (n.author?.name) c.author = n.author.name;
  if (n.committedDate) c.date = n.committedDate;
  if (n.url) c.url = n.url;
  return c;
}

/** An open pull request as REST lists it. */
export function toPull(p: z.infer<typeof pullNode>): PullSummary {
  const pull: PullSummary = {
    number: p.number,
    url: p.url,
    title: p.title,
    branch: p.headRefName,
  };
  if (p.author?.login) {
    // GraphQL names a bot without the `[bot]` suffix of its REST login
    pull.author =
      p.author.__typename === 'Bot' && !p.author.login.endsWith('[bot]')
        ? `${p.author.login}[bot]`
        : p.author.login;
  }
  if (p.createdAt) pull.createdAt = p.createdAt;
  return pull;
}

/** A query under construction: aliases, their variables and how to read each part. */
export class QueryBuilder {
  private readonly fields: string[] = [];
  private readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};
  private usesCommitFragment = false;
  private next = 0;

  /** Adds a config repo alias; returns its name. */
  repo(
    env: EnvironmentConfig,
    wants: { head: boolean; pins: boolean; pulls: boolean },
    pinCommits: number,
  ): string {
    const i = this.next++;
    const alias = `r${i}`;
    this.variables[`o${i}`] = env.owner;
    this.variables[`n${i}`] = env.repo;
    this.declarations.push(`$o${i}: String!`, `$n${i}: String!`);
    let body = '';
    if (wants.head || wants.pins) {
      this.variables[`b${i}`] = `refs/heads/${env.branch}`;
      this.variables[`p${i}`] = env.requirementsPath;
      this.declarations.push(`$b${i}: String!`, `$p${i}: String!`);
      const commit: string[] = [];
      if (wants.head) {
        commit.push(
          `file(path: $p${i}) { oid object { ... on Blob { text isTruncated byteSize } } }`,
        );
      }
      if (wants.pins) {
        this.usesCommitFragment = true;
        commit.push(
          `pins: history(first: ${pinCommits}, path: $p${i}) { nodes { ...DeliveryCommit file(path: $p${i}) { ${FILE_FIELDS} } } }`,
        );
      }
      if (wants.head) {
        commit.push(
          `recent: history(first: ${RECENT_COMMITS}) { nodes { oid file(path: $p${i}) { ${FILE_FIELDS} } } }`,
        );
      }
      body += ` ref(qualifiedName: $b${i}) { target { oid ... on Commit { ${commit.join(
        ' ',
      )} } } }`;
    }
    if (wants.pulls) {
      body += ` pullRequests(states: [OPEN], first: ${PULLS_PER_QUERY}, orderBy: {field: CREATED_AT, direction: DESC}) { pageInfo { hasNextPage endCursor } nodes { number url title headRefName createdAt author { login __typename } } }`;
    }
    this.fields.push(
      `${alias}: repository(owner: $o${i}, name: $n${i}) {${body} }`,
    );
    return alias;
  }

  /** Adds a file-at-commit alias; returns its name. */
  file(env: EnvironmentConfig, sha: string): string {
    const i = this.next++;
    const alias = `f${i}`;
    Object.assign(this.variables, {
      [`o${i}`]: env.owner,
      [`n${i}`]: env.repo,
      [`s${i}`]: sha,
      [`p${i}`]: env.requirementsPath,
    });
    this.declarations.push(
      `$o${i}: String!`,
      `$n${i}: String!`,
      `$s${i}: GitObjectID!`,
      `$p${i}: String!`,
    );
    this.fields.push(
      `${alias}: repository(owner: $o${i}, name: $n${i}) { object(oid: $s${i}) { ... on Commit { oid file(path: $p${i}) { ${FILE_FIELDS} } } } }`,
    );
    return alias;
  }

  text(): string {
    return [
      `query DeliveryConfigRepos(${this.declarations.join(', ')}) {`,
      ...this.fields.map(f => `  ${f}`),
      '  rateLimit { cost remaining resetAt }',
      '}',
      ...(this.usesCommitFragment ? [COMMIT_FRAGMENT] : []),
    ].join('\n');
  }
}
