import { parseUnifiedDiff } from './diff';

describe('parseUnifiedDiff', () => {
  it('classifies headers, hunks, added, removed, context and notes', () => {
    const patch = [
      '--- a/requirements.yaml',
      '+++ b/requirements.yaml',
      '@@ -1,3 +1,3 @@',
      ' dependencies:',
      '-  version: 0.0.19',
      '+  version: v0.0.20',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    expect(parseUnifiedDiff(patch).map(l => l.kind)).toEqual([
      'header',
      'header',
      'hunk',
      'context',
      'removed',
      'added',
      'note',
    ]);
  });
});
