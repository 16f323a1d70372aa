/**
 * A minimal in-memory promise file system with the surface isomorphic-git needs
 * (readFile, writeFile, mkdir, rmdir, unlink, stat, lstat, readdir, readlink, symlink).
 * One instance per repository, so dropping a repository (or resetting the store) is free.
 */

interface Stat {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
  uid: number;
  gid: number;
  dev: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

class FsError extends Error {
  constructor(readonly code: string, path: string) {
    super(`${code}: ${path}`);
  }
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

type Encoding = { encoding?: string } | string | undefined;

function encodingOf(opts: Encoding): string | undefined {
  return typeof opts === 'string' ? opts : opts?.encoding;
}

export class MemoryFs {
  private readonly files = new Map<string, Uint8Array>();
  private readonly links = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);
  private ino = 1;

  async readFile(path: string, opts?: Encoding): Promise<Uint8Array | string> {
    const p = normalize(path);
    const data = this.files.get(p);
    if (!data) throw new FsError(this.dirs.has(p) ? 'EISDIR' : 'ENOENT', p);
    const encoding = encodingOf(opts);
    return encoding === 'utf8' || encoding === 'utf-8'
      ? Buffer.from(data).toString('utf8')
      : Buffer.from(data);
  }

  async writeFile(
    path: string,
    data: Uint8Array | string,
    _opts?: Encoding,
  ): Promise<void> {
    const p = normalize(path);
    if (!this.dirs.has(parentOf(p))) throw new FsError('ENOENT', p);
    if (this.dirs.has(p)) throw new FsError('EISDIR', p);
    this.files.set(
      p,
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data),
    );
  }

  /** Synchronous write that creates missing parent directories. */
  putSync(path: string, data: Uint8Array): void {
    const p = normalize(path);
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++)
      this.dirs.add(`/${parts.slice(0, i).join('/')}`);
    this.files.set(p, Buffer.from(data));
  }

  async mkdir(path: string): Promise<void> {
    const p = normalize(path);
    if (this.dirs.has(p) || this.files.has(p)) throw new FsError('EEXIST', p);
    if (!this.dirs.has(parentOf(p))) throw new FsError('ENOENT', p);
    this.dirs.add(p);
  }

  async rmdir(path: string): Promise<void> {
    const p = normalize(path);
    if (!this.dirs.has(p)) throw new FsError('ENOENT', p);
    if ((await this.readdir(p)).length > 0) throw new FsError('ENOTEMPTY', p);
    this.dirs.delete(p);
  }

  async unlink(path: string): Promise<void> {
    const p = normalize(path);
    if (!this.files.delete(p) && !this.links.delete(p))
      throw new FsError('ENOENT', p);
  }

  async readdir(path: string): Promise<string[]> {
    const p = normalize(path);
    if (!this.dirs.has(p))
      throw new FsError(this.files.has(p) ? 'ENOTDIR' : 'ENOENT', p);
    const prefix = p === '/' ? '/' : `${p}/`;
    const names = new Set<string>();
    for (const key of [
      ...this.files.keys(),
      ...this.dirs,
      ...this.links.keys(),
    ]) {
      if (key !== p && key.startsWith(prefix)) {
        const rest = key.slice(prefix.length);
        if (!rest.includes('/')) names.add(rest);
      }
    }
    return [...names].sort();
  }

  async stat(path: string): Promise<Stat> {
    return this.lstat(path);
  }

  async lstat(path: string): Promise<Stat> {
    const p = normalize(path);
    if (this.dirs.has(p)) return this.makeStat('dir', 0);
    const data = this.files.get(p);
    if (data) return this.makeStat('file', data.byteLength);
    const link = this.links.get(p);
    if (link !== undefined) return this.makeStat('symlink', link.length);
    throw new FsError('ENOENT', p);
  }

  async readlink(path: string): Promise<string> {
    const p = normalize(path);
    const link = this.links.get(p);
    if (link === undefined) throw new FsError('ENOENT', p);
    return link;
  }

  async symlink(target: string, path: string): Promise<void> {
    this.links.set(normalize(path), target);
  }

  private makeStat(type: Stat['type'], size: number): Stat {
    const modes = { dir: 0o40755, symlink: 0o120000, file: 0o100644 };
    const mode = modes[type];
    return {
      type,
      mode,
      size,
      ino: this.ino++,
      mtimeMs: 0,
      ctimeMs: 0,
      uid: 1,
      gid: 1,
      dev: 1,
      isFile: () => type === 'file',
      isDirectory: () => type === 'dir',
      isSymbolicLink: () => type === 'symlink',
    };
  }
}

/** The object isomorphic-git receives: a `promises` property marks it as a promise fs. */
export function createMemoryFs(): { promises: MemoryFs } {
  const promises = new MemoryFs();
  return { promises };
}

/** Writes a file synchronously, creating parent directories (used for loose git objects). */
export function putFileSync(
  fs: { promises: MemoryFs },
  path: string,
  data: Uint8Array,
): void {
  fs.promises.putSync(path, data);
}
