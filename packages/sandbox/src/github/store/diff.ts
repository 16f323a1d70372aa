/** Line diff producing GitHub-style `patch` text (hunks only, 3 lines of context). */

type Op = { kind: ' ' | '-' | '+'; line: string; noEol: boolean };

function splitLines(text: string): { lines: string[]; noEol: boolean } {
  if (text === '') return { lines: [], noEol: false };
  const lines = text.split('\n');
  const noEol = lines[lines.length - 1] !== '';
  if (!noEol) lines.pop();
  return { lines, noEol };
}

/** LCS on the part between the common prefix and suffix (config files differ in a few lines). */
function diffOps(
  a: string[],
  b: string[],
  aNoEol: boolean,
  bNoEol: boolean,
): Op[] {
  const lastA = (i: number) => aNoEol && i === a.length - 1;
  const lastB = (j: number) => bNoEol && j === b.length - 1;
  const same = (i: number, j: number) => a[i] === b[j] && lastA(i) === lastB(j);
  let start = 0;
  while (start < a.length && start < b.length && same(start, start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(endA - 1, endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const ops: Op[] = [];
  for (let i = 0; i < start; i++)
    ops.push({ kind: ' ', line: a[i], noEol: lastA(i) });
  if (n * m > 4_000_000) {
    for (let i = start; i < endA; i++)
      ops.push({ kind: '-', line: a[i], noEol: lastA(i) });
    for (let j = start; j < endB; j++)
      ops.push({ kind: '+', line: b[j], noEol: lastB(j) });
  } else {
    const lcs: Uint32Array[] = Array.from(
      { length: n + 1 },
      () => new Uint32Array(m + 1),
    );
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = same(start + i, start + j)
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && same(start + i, start + j)) {
        ops.push({ kind: ' ', line: a[start + i], noEol: lastA(start + i) });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ kind: '-', line: a[start + i], noEol: lastA(start + i) });
        i++;
      } else {
        ops.push({ kind: '+', line: b[start + j], noEol: lastB(start + j) });
        j++;
      }
    }
  }
  for (let i = endA; i < a.length; i++)
    ops.push({ kind: ' ', line: a[i], noEol: lastA(i) });
  return ops;
}

export interface FilePatch {
  patch: string;
  additions: number;
  deletions: number;
}

export function unifiedPatch(
  before: string,
  after: string,
  context = 3,
): FilePatch {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffOps(a.lines, b.lines, a.noEol, b.noEol);
  const changed = ops
    .map((o, idx) => (o.kind !== ' ' ? idx : -1))
    .filter(i => i >= 0);
  const hunks: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k] - context);
    let to = Math.min(ops.length, changed[k] + context + 1);
    while (k + 1 < changed.length && changed[k + 1] - context <= to) {
      k++;
      to = Math.min(ops.length, changed[k] + context + 1);
    }
    k++;
    let oldStart = 1;
    let newStart = 1;
    for (let i = 0; i < from; i++) {
      if (ops[i].kind !== '+') oldStart++;
      if (ops[i].kind !== '-') newStart++;
    }
    const slice = ops.slice(from, to);
    const oldLen = slice.filter(o => o.kind !== '+').length;
    const newLen = slice.filter(o => o.kind !== '-').length;
    const range = (s: number, l: number) =>
      l === 1 ? `${s}` : `${l === 0 ? s - 1 : s},${l}`;
    const lines = [
      `@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@`,
    ];
    for (const o of slice) {
      lines.push(`${o.kind}${o.line}`);
      if (o.noEol) lines.push('\\ No newline at end of file');
    }
    hunks.push(lines.join('\n'));
  }
  return {
    patch: hunks.join('\n'),
    additions: ops.filter(o => o.kind === '+').length,
    deletions: ops.filter(o => o.kind === '-').length,
  };
}
