import {
  assertBranchName,
  assertChartVersion,
  assertDnsName,
  assertEntityRef,
  assertEnvironments,
  assertHttpUrl,
  assertOwnerAllowed,
  assertPlainText,
  assertRegistryHost,
} from './validation';

describe('validation', () => {
  it('accepts DNS labels only', () => {
    expect(assertDnsName('name', 'my-service-2')).toBe('my-service-2');
    for (const bad of [
      '',
      '-a',
      'a-',
      'A',
      'a_b',
      'a.b',
      'a'.repeat(64),
      'a\n',
      '../x',
    ]) {
      expect(() => assertDnsName('name', bad)).toThrow(/is not DNS-safe/);
    }
  });

  it('allows only configured owners, case-insensitively', () => {
    expect(assertOwnerAllowed('Stakater', ['stakater'])).toBe('Stakater');
    expect(() => assertOwnerAllowed('evil', ['stakater'])).toThrow(
      "owner 'evil' is not allowed; allowed owners (delivery.scaffolder.allowedOwners): stakater",
    );
    expect(() => assertOwnerAllowed('x', [])).toThrow(/\(none configured\)/);
    expect(() => assertOwnerAllowed('a/b', ['a/b'])).toThrow(
      /not a valid GitHub owner/,
    );
  });

  it('checks versions, text, refs, branches, URLs and registries', () => {
    expect(assertChartVersion('v', 'v0.0.20')).toBe('v0.0.20');
    expect(assertChartVersion('v', '1.0.52')).toBe('1.0.52');
    expect(() => assertChartVersion('v', '1.0')).toThrow(/not a chart version/);
    expect(() => assertPlainText('d', 'a\u0007b')).toThrow(/single line/);
    expect(() => assertPlainText('d', 'x'.repeat(501))).toThrow(
      /longer than 500/,
    );
    expect(assertEntityRef('o', 'group:default/team-xposer')).toBe(
      'group:default/team-xposer',
    );
    expect(() => assertEntityRef('o', 'group:default/a b')).toThrow(
      /not an entity ref/,
    );
    expect(assertBranchName('b', 'release/1.x')).toBe('release/1.x');
    expect(() => assertBranchName('b', 'a..b')).toThrow(
      /not a valid branch name/,
    );
    expect(() => assertHttpUrl('u', "http://x/'y", 'k')).toThrow(
      'u must be an http(s) URL (set k)',
    );
    expect(() => assertHttpUrl('u', undefined, 'k')).toThrow(/set k/);
    expect(assertRegistryHost('r', '127.0.0.1:7103', 'k')).toBe(
      '127.0.0.1:7103',
    );
    expect(() => assertRegistryHost('r', 'http://x', 'k')).toThrow(
      /registry host/,
    );
  });

  it('returns requested environments in configured (promotion) order', () => {
    const envs = [{ name: 'dev' }, { name: 'staging' }, { name: 'prod' }];
    expect(assertEnvironments(['prod', 'dev'], envs)).toEqual(['dev', 'prod']);
    expect(() => assertEnvironments(['qa'], envs)).toThrow(
      /unknown environment\(s\) qa/,
    );
  });
});
