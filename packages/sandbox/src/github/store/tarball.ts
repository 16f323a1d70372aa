import { gzipSync } from 'zlib';

/** A minimal ustar writer for GitHub's `tarball` archives (`<owner>-<repo>-<sha7>/...`). */

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(
  path: string,
  size: number,
  mode: number,
  type: '0' | '5' | 'g',
  mtime: number,
): Buffer {
  const h = Buffer.alloc(512, 0);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', 154);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
  }
  h.write(name, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write('root', 265, 'ascii');
  h.write('root', 297, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.length % 512;
  return rest === 0 ? [data] : [data, Buffer.alloc(512 - rest, 0)];
}

export interface ArchiveFile {
  path: string;
  mode: string;
  data: Uint8Array;
}

/** gzip'ed tar with a pax global header carrying the commit sha, like `git archive`. */
export function tarball(
  root: string,
  commitSha: string,
  mtime: number,
  files: ArchiveFile[],
): Buffer {
  const parts: Buffer[] = [];
  const text = ` comment=${commitSha}\n`;
  let length = text.length + 2;
  while (String(length).length + text.length !== length) length++;
  const record = `${length}${text}`;
  parts.push(
    header('pax_global_header', record.length, 0o666, 'g', mtime),
    ...padded(Buffer.from(record)),
  );
  const dirs = new Set<string>([root]);
  for (const f of files) {
    const segments = f.path.split('/');
    for (let i = 1; i < segments.length; i++)
      dirs.add(`${root}/${segments.slice(0, i).join('/')}`);
  }
  for (const dir of [...dirs].sort())
    parts.push(header(`${dir}/`, 0, 0o775, '5', mtime));
  for (const f of files) {
    const data = Buffer.from(f.data);
    parts.push(
      header(
        `${root}/${f.path}`,
        data.length,
        f.mode === '100755' ? 0o775 : 0o664,
        '0',
        mtime,
      ),
      ...padded(data),
    );
  }
  parts.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(parts));
}
