import type { TreeEntry } from 'isomorphic-git';
import type { ApiContext } from '../http/context';
import type { RepoRecord } from '../store/records';
import { githubBase64 } from './git';
import { repoApiUrl, repoHtmlUrl } from './repos';

const ONE_MB = 1024 * 1024;

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A directory entry / file metadata of the contents API (without `content`). */
export function contentEntry(
  ctx: ApiContext,
  rec: RepoRecord,
  ref: string,
  path: string,
  e: TreeEntry,
  size: number,
) {
  const api = repoApiUrl(ctx, rec);
  const isDir = e.type === 'tree';
  const types = { tree: 'dir', commit: 'submodule', blob: 'file' } as const;
  const type = types[e.type];
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(
    ref,
  )}`;
  const html = `${repoHtmlUrl(ctx, rec)}/${
    isDir ? 'tree' : 'blob'
  }/${encodePath(ref)}/${encodePath(path)}`;
  const git = isDir ? `${api}/git/trees/${e.oid}` : `${api}/git/blobs/${e.oid}`;
  return {
    name: path.split('/').pop() ?? path,
    path,
    sha: e.oid,
    size: isDir ? 0 : size,
    url: self,
    html_url: html,
    git_url: git,
    download_url:
      type === 'file'
        ? `${ctx.baseUrl}/raw/${rec.owner.login}/${rec.name}/${encodePath(
            ref,
          )}/${encodePath(path)}`
        : null,
    type,
    _links: { self, git, html },
  };
}

/** `content-file` (GET /contents/{path} for a file). */
export function contentFile(
  ctx: ApiContext,
  rec: RepoRecord,
  ref: string,
  path: string,
  e: TreeEntry,
  data: Uint8Array,
) {
  const base = contentEntry(ctx, rec, ref, path, e, data.byteLength);
  const { _links, ...rest } = base;
  return {
    ...rest,
    type: 'file',
    // Like GitHub: files over 1 MB come without content (`encoding: none`); use the raw media type.
    content: data.byteLength > ONE_MB ? '' : githubBase64(data),
    encoding: data.byteLength > ONE_MB ? 'none' : 'base64',
    _links,
  };
}
