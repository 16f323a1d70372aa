import { InputError } from '@backstage/errors';
import { MAX_CHART_VERSION_LENGTH } from '@gitops-delivery/backstage-plugin-delivery-node';
import { normalizeVersionInput, validateVersionInput } from './versionInput';

describe('validateVersionInput', () => {
  it.each([
    'v0.0.20',
    '0.0.8',
    '1.2.3-rc.1',
    '1.2.3+build.5',
    'v10.20.30-alpha-1+x.y',
    '1.0.0-0.3.7',
    '1.0.0+20130313144700',
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
    // not SemVer 2: Helm could never resolve such a pin (#11)
    'latest-stable',
    'latest',
    '2024.01.02',
    'abc_def',
    '1.2',
    '01.2.3',
    '1.02.3',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    'vv1.2.3',
    'V1.2.3',
  ])('rejects %j', v => {
    expect(() => validateVersionInput(v)).toThrow(InputError);
  });

  it('rejects non-strings', () => {
    expect(() => validateVersionInput(123)).toThrow(InputError);
    expect(() => validateVersionInput(undefined)).toThrow(InputError);
  });

  it('says which limit a too-long SemVer 2 version breaks', () => {
    const long = `1.0.0-${'a'.repeat(MAX_CHART_VERSION_LENGTH)}`;
    expect(() => validateVersionInput(long)).toThrow(
      `version must be at most ${MAX_CHART_VERSION_LENGTH} characters`,
    );
  });
});

describe('normalizeVersionInput', () => {
  it('drops the leading v of a chart version only', () => {
    expect(normalizeVersionInput('v0.0.20')).toBe('0.0.20');
    expect(normalizeVersionInput('0.0.8')).toBe('0.0.8');
    expect(normalizeVersionInput('vnext')).toBe('vnext');
  });
});
