import { normalizeVersion, sameVersion } from './version';

describe('version matching', () => {
  it('ignores one leading v', () => {
    expect(normalizeVersion('v0.0.15')).toBe('0.0.15');
    expect(normalizeVersion('0.0.15')).toBe('0.0.15');
    expect(normalizeVersion('vnext')).toBe('vnext');
    expect(sameVersion('0.0.15', 'v0.0.15')).toBe(true);
    expect(sameVersion('0.0.15', 'v0.0.16')).toBe(false);
    expect(sameVersion(undefined, 'v1')).toBe(false);
  });
});
