import { InputError } from '@backstage/errors';
import { isSemverish, validateVersionInput } from './versionInput';

describe('validateVersionInput', () => {
  it.each([
    'v0.0.20',
    '0.0.8',
    '1.2.3-rc.1',
    '1.2.3+build.5',
    'v10.20.30-alpha-1+x.y',
    'latest-stable',
    '2024.01.02',
    'abc_def',
  ])('accepts %s', v => {
    expect(validateVersionInput(v)).toBe(v);
  });

  it.each([
    '',
    ' 1.2.3',
    '1.2.3\n',
    '1.2.3\nimage: evil',
    '1.2.3 # comment',
    'a: b',
    '{a: b}',
    '[1]',
    '&anchor',
    '*alias',
    '!!str 1',
    '"1.2.3"',
    "'1.2.3'",
    '|',
    '>',
    '../1.2.3',
    'v1.2.3/../x',
    '-1.2.3',
    '.1',
    'x'.repeat(129),
    '1.2.3\u0000',
    '1.2.3\r',
  ])('rejects %j', v => {
    expect(() => validateVersionInput(v)).toThrow(InputError);
  });

  it('rejects non-strings', () => {
    expect(() => validateVersionInput(123)).toThrow(InputError);
    expect(() => validateVersionInput(undefined)).toThrow(InputError);
  });

  it('tells semver from plain tags', () => {
    expect(isSemverish('v0.0.20')).toBe(true);
    expect(isSemverish('0.0.8')).toBe(true);
    expect(isSemverish('latest')).toBe(false);
  });
});
