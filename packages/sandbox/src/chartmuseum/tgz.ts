import zlib from 'node:zlib';
import { parse } from 'yaml';

/** Reads `<chart>/Chart.yaml` out of a packaged chart (.tgz). */
export function readChartYaml(
  tgz: Buffer,
): Record<string, unknown> | undefined {
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(tgz);
  } catch {
    return undefined;
  }
  for (let off = 0; off + 512 <= tar.length; ) {
    const name = tar
      .subarray(off, off + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(
      tar
        .subarray(off + 124, off + 136)
        .toString('utf8')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    const body = tar.subarray(off + 512, off + 512 + size);
    if (/^[^/]+\/Chart\.yaml$/.test(name)) {
      const doc: unknown = parse(body.toString('utf8'));
      return doc && typeof doc === 'object'
        ? (doc as Record<string, unknown>)
        : undefined;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** Packs files into a gzipped tar (enough for `helm` and our own tests). */
export function packTgz(files: Record<string, string>, mtime = 0): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write(
      `${Math.floor(mtime / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    );
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(blocks));
}
