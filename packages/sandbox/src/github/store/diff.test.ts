import { unifiedPatch } from './diff';

describe('unifiedPatch', () => {
  it('produces hunks with 3 lines of context, deletions before additions', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n';
    expect(unifiedPatch(before, after)).toEqual({
      patch: '@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h',
      additions: 1,
      deletions: 1,
    });
  });

  it('handles new files, deleted files and missing final newlines', () => {
    expect(unifiedPatch('', 'x\ny\n').patch).toBe('@@ -0,0 +1,2 @@\n+x\n+y');
    expect(unifiedPatch('x\n', '').patch).toBe('@@ -1 +0,0 @@\n-x');
    expect(unifiedPatch('x\n', 'x').patch).toBe(
      '@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file',
    );
  });

  it('separates distant changes into hunks', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const changed = [...lines];
    changed[1] = 'X';
    changed[18] = 'Y';
    const { patch } = unifiedPatch(
      `${lines.join('\n')}\n`,
      `${changed.join('\n')}\n`,
    );
    expect(patch.match(/^@@/gm)).toHaveLength(2);
    expect(patch).toContain('@@ -1,5 +1,5 @@');
    expect(patch).toContain('@@ -16,5 +16,5 @@');
  });
});
