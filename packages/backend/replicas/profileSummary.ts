/* eslint-disable no-console */
/**
 * Summarises a V8 .cpuprofile (as cpuProfile.cjs writes them): the share of
 * samples per package (self time: `node_modules/<pkg>`, the repository's own
 * workspaces, node internals, GC, idle) and the top functions by self and
 * by total (inclusive) time.
 *
 *   node --import tsx packages/backend/replicas/profileSummary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
  };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  startTime: number;
  endTime: number;
}

function packageOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:internal';
  const ws = /\/(plugins|packages)\/([^/]+)\//.exec(url);
  if (ws) return `${ws[1]}/${ws[2]}`;
  return url;
}

function main() {
  const file = process.argv[2];
  const top = Number(process.argv[3] ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes)
    for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (const s of profile.samples) self.set(s, (self.get(s) ?? 0) + 1);
  const total = profile.samples.length;
  const seconds = (profile.endTime - profile.startTime) / 1e6;

  const label = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*\/(plugins|packages)\//, '$1/')}:${
      n.callFrame.lineNumber + 1
    }`;
  const pkgSelf = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  for (const [id, count] of self) {
    const n = byId.get(id)!;
    const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
    pkgSelf.set(pkg, (pkgSelf.get(pkg) ?? 0) + count);
    fnSelf.set(label(n), (fnSelf.get(label(n)) ?? 0) + count);
    // inclusive: every distinct function on the stack once
    const seen = new Set<string>();
    for (
      let cur: number | undefined = id;
      cur !== undefined;
      cur = parent.get(cur)
    ) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      fnTotal.set(l, (fnTotal.get(l) ?? 0) + count);
    }
  }
  const pct = (c: number) => `${((100 * c) / total).toFixed(1)}%`.padStart(6);
  const print = (title: string, m: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, c]) => console.log(`${pct(c)}  ${k}`));
  };
  console.log(`${file}: ${total} samples over ${seconds.toFixed(1)} s`);
  print('self time by package', pkgSelf, top);
  print('self time by function', fnSelf, top);
  print('total time by function', fnTotal, top);
}

main();
