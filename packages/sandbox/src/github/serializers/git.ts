import type { TreeEntry } from 'isomorphic-git';
import type { ApiContext } from '../http/context';
import type { GitCommit, GitPerson } from '../store/gitRepo';
import type { GitTag } from '../store/gitObjects';
import { isoFromPerson, RepoRecord } from '../store/records';
import { repoApiUrl, repoHtmlUrl } from './repos';
import { nodeId } from './users';

export function gitPerson(p: GitPerson) {
  return { name: p.name, email: p.email, date: isoFromPerson(p) };
}

export const unsigned = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

/** `git-commit` (GET/POST /git/commits). */
export function gitCommit(ctx: ApiContext, rec: RepoRecord, c: GitCommit) {
  const api = repoApiUrl(ctx, rec);
  const html = repoHtmlUrl(ctx, rec);
  return {
    sha: c.sha,
    node_id: nodeId(`06:Commit${rec.id}:`, c.sha),
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${html}/commit/${c.sha}`,
    author: gitPerson(c.author),
    committer: gitPerson(c.committer),
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    message: c.message.replace(/\n$/, ''),
    parents: c.parents.map(p => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${html}/commit/${p}`,
    })),
    verification: unsigned,
  };
}

/** `git-ref`. */
export function gitRef(
  ctx: ApiContext,
  rec: RepoRecord,
  ref: string,
  sha: string,
  type = 'commit',
) {
  const api = repoApiUrl(ctx, rec);
  return {
    ref,
    node_id: nodeId(`03:Ref${rec.id}:`, ref),
    url: `${api}/git/${ref}`,
    object: { sha, type, url: `${api}/git/${type}s/${sha}` },
  };
}

/** One entry of `git-tree`; blob entries carry their size. */
export function treeEntry(
  ctx: ApiContext,
  rec: RepoRecord,
  e: TreeEntry,
  path: string,
  size: number | undefined,
) {
  const api = repoApiUrl(ctx, rec);
  return {
    path,
    mode: e.mode,
    type: e.type,
    sha: e.oid,
    ...(e.type === 'blob' ? { size: size ?? 0 } : {}),
    ...(e.type === 'commit' ? {} : { url: `${api}/git/${e.type}s/${e.oid}` }),
  };
}

/** Base64 with a newline after every 60 characters (and at the end), as GitHub sends it. */
export function githubBase64(data: Uint8Array): string {
  const b64 = Buffer.from(data).toString('base64');
  if (!b64) return '';
  return `${b64.match(/.{1,60}/g)!.join('\n')}\n`;
}

/** `blob` (GET /git/blobs/{sha}). */
export function gitBlob(
  ctx: ApiContext,
  rec: RepoRecord,
  sha: string,
  data: Uint8Array,
) {
  return {
    sha,
    node_id: nodeId(`04:Blob${rec.id}:`, sha),
    size: data.byteLength,
    url: `${repoApiUrl(ctx, rec)}/git/blobs/${sha}`,
    content: githubBase64(data),
    encoding: 'base64',
  };
}

/** `git-tag` (GET /git/tags/{sha}): an annotated tag object. */
export function gitTag(ctx: ApiContext, rec: RepoRecord, t: GitTag) {
  const api = repoApiUrl(ctx, rec);
  return {
    node_id: nodeId(`03:Tag${rec.id}:`, t.sha),
    tag: t.tag,
    sha: t.sha,
    url: `${api}/git/tags/${t.sha}`,
    message: t.message,
    tagger: gitPerson(t.tagger),
    object: {
      sha: t.object,
      type: t.type,
      url: `${api}/git/${t.type}s/${t.object}`,
    },
    verification: unsigned,
  };
}

/** One entry of `GET /repos/{o}/{r}/tags` (`tag`); `commitSha` is the peeled commit. */
export function repoTag(
  ctx: ApiContext,
  rec: RepoRecord,
  name: string,
  commitSha: string,
) {
  const api = repoApiUrl(ctx, rec);
  return {
    name,
    commit: { sha: commitSha, url: `${api}/commits/${commitSha}` },
    zipball_url: `${api}/zipball/refs/tags/${name}`,
    tarball_url: `${api}/tarball/refs/tags/${name}`,
    node_id: nodeId(`03:Ref${rec.id}:`, `refs/tags/${name}`),
  };
}
