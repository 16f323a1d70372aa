import { isChartVersion, MAX_CHART_VERSION_LENGTH } from './chartVersion';

describe('isChartVersion', () => {
  it.each(['v0.0.20', '0.0.8', '1.2.3-rc.1+build.5', '1.0.0-alpha-a.b-c'])(
    'accepts %s',
    v => expect(isChartVersion(v)).toBe(true),
  );

  it.each([
    ['a plain tag', 'latest'],
    ['a date', '2024.01.02'],
    ['two parts', '1.0'],
    ['a leading zero', '01.2.3'],
    ['a leading zero in a numeric pre-release', '1.2.3-01'],
    ['an empty pre-release identifier', '1.2.3-a..b'],
    ['an upper-case V', 'V1.2.3'],
    ['a newline', '1.0.0\nkind: x'],
    ['whitespace', ' 1.0.0'],
    ['a number', 1],
  ])('refuses %s', (_what, v) => expect(isChartVersion(v)).toBe(false));

  it('refuses versions over the length limit', () => {
    const long = `1.0.0-${'a'.repeat(MAX_CHART_VERSION_LENGTH)}`;
    expect(isChartVersion(long)).toBe(false);
    expect(isChartVersion(long.slice(0, MAX_CHART_VERSION_LENGTH))).toBe(true);
  });
});
