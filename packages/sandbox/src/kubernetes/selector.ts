type Requirement = (labels: Record<string, string>) => boolean;

/** Parses a label selector (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`). */
export function parseLabelSelector(selector: string): Requirement[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map(raw => {
    const p = raw.trim();
    let m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(p);
    if (m) {
      const [, k, op, v] = m;
      return op === '!=' ? l => l[k] !== v : l => l[k] === v;
    }
    m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      const [, k, op, list] = m;
      const vals = list.split(',').map(s => s.trim());
      return op === 'in' ? l => vals.includes(l[k]) : l => !vals.includes(l[k]);
    }
    m = /^(!?)([\w./-]+)$/.exec(p);
    if (m) {
      const [, not, k] = m;
      return not ? l => !(k in l) : l => k in l;
    }
    throw new Error(`unable to parse requirement: ${p}`);
  });
}
