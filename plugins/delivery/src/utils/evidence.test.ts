import { describeEvidence, missingLinkHint, viaLabel } from './evidence';

describe('viaLabel', () => {
  it('names version strategies and join rules in words', () => {
    expect(viaLabel('gitTag')).toBe('git tag');
    expect(viaLabel('displayName')).toBe('build name');
    expect(viaLabel('parameter:VERSION')).toBe('parameter VERSION');
    expect(viaLabel('file:.version')).toBe('file .version');
    expect(viaLabel('commitMessage:^release (.+)$')).toBe(
      'commit message pattern',
    );
    expect(viaLabel('buildData')).toBe('Jenkins build data');
    expect(viaLabel('somethingNew')).toBe('somethingNew');
  });
});

describe('describeEvidence', () => {
  it('reads as one sentence with the detail', () => {
    expect(
      describeEvidence({
        via: 'gitTag',
        detail: 'tag v1.0.3 points at 1be9c18',
      }),
    ).toBe('via git tag: tag v1.0.3 points at 1be9c18');
    expect(describeEvidence({ via: 'sameVersion', detail: '' })).toBe(
      'via same version',
    );
  });
});

describe('missingLinkHint', () => {
  it('points at the key that would supply the link', () => {
    expect(missingLinkHint('build', { hasBuild: false })).toMatch(
      /delivery\.versionFrom/,
    );
    expect(missingLinkHint('commit', { hasBuild: true })).toMatch(
      /delivery\.hostAliases/,
    );
    expect(missingLinkHint('commit', { hasBuild: false })).toMatch(
      /no build names this version/,
    );
  });
});
