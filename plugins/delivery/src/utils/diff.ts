/** One line of a unified diff. */
export interface DiffLine {
  kind: 'header' | 'hunk' | 'added' | 'removed' | 'context' | 'note';
  text: string;
}

/** Classifies the lines of a unified diff (`---`/`+++`, `@@`, `+`, `-`, ` `, `\`). */
export function parseUnifiedDiff(patch: string): DiffLine[] {
  const lines = patch.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.map(text => {
    if (/^(---|\+\+\+) /.test(text) || /^(Index|diff) /.test(text)) {
      return { kind: 'header', text };
    }
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'added', text };
    if (text.startsWith('-')) return { kind: 'removed', text };
    if (text.startsWith('\\')) return { kind: 'note', text };
    return { kind: 'context', text };
  });
}
