import {
  DEFAULT_COMMIT_MESSAGE_PATTERN,
  formatVersionStrategy,
  parseVersionStrategies,
  parseVersionStrategy,
} from './versionStrategy';

describe('parseVersionStrategy', () => {
  it.each([
    ['displayName', { kind: 'displayName' }],
    ['description', { kind: 'description' }],
    ['parameter:VERSION', { kind: 'parameter', name: 'VERSION' }],
    ['gitTag', { kind: 'gitTag' }],
    ['imageLabel', { kind: 'imageLabel' }],
    ['file:.version', { kind: 'file', path: '.version' }],
    ['file:deploy/VERSION.txt', { kind: 'file', path: 'deploy/VERSION.txt' }],
    [
      'commitMessage',
      { kind: 'commitMessage', pattern: DEFAULT_COMMIT_MESSAGE_PATTERN },
    ],
    [
      'commitMessage:^release (\\S+)$',
      { kind: 'commitMessage', pattern: '^release (\\S+)$' },
    ],
  ])('reads %s', (raw, expected) => {
    expect(parseVersionStrategy(raw)).toEqual(expected);
    expect(formatVersionStrategy(parseVersionStrategy(raw))).toBe(raw);
  });

  it.each([
    ['tag', /not a version strategy/],
    ['parameter:', /not a version strategy/],
    ['file:/etc/passwd', /not a version strategy/],
    ['file:../secret', /not a version strategy/],
    ['commitMessage:no group', /exactly one capture group/],
    ['commitMessage:(a)(b)', /exactly one capture group/],
    ['commitMessage:([a', /not a valid regular expression/],
    ['commitMessage:((?:a+)+$)', /nests quantifiers/],
    [`commitMessage:(${'a'.repeat(300)})`, /longer than/],
  ])('rejects %s', (raw, message) => {
    expect(() => parseVersionStrategy(raw)).toThrow(message);
  });
});

describe('the default commitMessage pattern', () => {
  const re = new RegExp(DEFAULT_COMMIT_MESSAGE_PATTERN, 'i');
  it.each([
    ['Bump Version to v0.0.20', 'v0.0.20'],
    ['Bump Version to 1.4.2', '1.4.2'],
    ['[ci skip] Bump version to 2.0.0-rc.1', '2.0.0-rc.1'],
    ['bumped version to v3.1.4\n\nsigned-off-by: ci', 'v3.1.4'],
  ])('finds the version in "%s"', (message, version) => {
    expect(re.exec(message)?.[1]).toBe(version);
  });
  it('ignores other messages', () => {
    expect(re.exec('Fix the version bump script')).toBeNull();
  });
});

describe('parseVersionStrategies', () => {
  it('reads a list in order', () => {
    expect(
      parseVersionStrategies('gitTag, displayName').map(s => s.kind),
    ).toEqual(['gitTag', 'displayName']);
    expect(parseVersionStrategies(['imageLabel']).map(s => s.kind)).toEqual([
      'imageLabel',
    ]);
  });
  it('rejects an empty list', () => {
    expect(() => parseVersionStrategies(' , ')).toThrow(/names no strategy/);
  });
});
