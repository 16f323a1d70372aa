/**
 * Up to `count` versions older than `oldest` (oldest first, same `v` prefix), for generated
 * history before a world's first release: `1.0.44` -> `1.0.40`...`1.0.43`; `v2.2.0` ->
 * `v2.1.0`...; `v1.0.1` -> `v0.1.1`...; `0.0.7` -> at most `0.0.1`...`0.0.6`.
 * A version that is not `x.y.z` has no older versions here.
 */
export function versionsBelow(oldest: string, count: number): string[] {
  const m = /^([vV]?)(\d+)\.(\d+)\.(\d+)$/.exec(oldest.trim());
  if (!m || count <= 0) return [];
  const [prefix, major, minor, patch] = [m[1], +m[2], +m[3], +m[4]];
  const make = (n: number, f: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => f(i))
      .filter(v => v !== '0.0.0')
      .map(v => `${prefix}${v}`);
  if (patch >= count)
    return make(count, i => `${major}.${minor}.${patch - count + i}`);
  if (minor > 0) return make(count, i => `${major}.${minor - 1}.${i}`);
  if (major > 0) return make(count, i => `${major - 1}.1.${i + 1}`);
  return make(Math.min(count, patch - 1), i => `0.0.${i + 1}`);
}
