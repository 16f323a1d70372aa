import {
  assertBranchName,
  assertChartVersion,
  assertDnsName,
  assertEntityRef,
  assertEnvironments,
  assertImageInRegistry,
  assertOwnerAllowed,
  assertPlainHttpUrl,
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
    for (const bad of ['a\u0007b', 'a\nb', 'a\rb', 'a\u2028b', 'a\u2029b']) {
      expect(() => assertPlainText('d', bad)).toThrow(/single line/);
    }
    for (const bad of ['a\u202eb', 'a\u0085b', '\ud800', 'a\ufeff']) {
      expect(() => assertPlainText('d', bad)).toThrow(/printable/);
    }
    expect(assertPlainText('d', 'Ünïcode ✓ "q" \'s\' #x $y')).toBe(
      'Ünïcode ✓ "q" \'s\' #x $y',
    );
    expect(() => assertPlainText('d', 42)).toThrow(/must be a string/);
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
    for (const b of ['a//b', 'a/', 'a.lock', 'a/.b', '-a', 'a b', 'a$b']) {
      expect(() => assertBranchName('b', b)).toThrow(/not a valid branch/);
    }
    expect(assertPlainHttpUrl('u', 'http://127.0.0.1:7104/')).toBe(
      'http://127.0.0.1:7104',
    );
    expect(assertPlainHttpUrl('u', 'https://charts.example.com/a/b')).toBe(
      'https://charts.example.com/a/b',
    );
    for (const bad of [
      "http://x/'y",
      'http://x/$$(id>/tmp/p)',
      'http://x/$(id)',
      'http://x/a|b',
      'http://x/`id`',
      'http://u:p@x/',
      'http://x/?q=1',
      'http://x/#f',
      'ftp://x/',
      'http://x/a b',
      undefined,
    ]) {
      expect(() => assertPlainHttpUrl('u', bad)).toThrow(
        'u must be an http(s) URL',
      );
    }
    expect(assertRegistryHost('r', '127.0.0.1:7103')).toBe('127.0.0.1:7103');
    for (const bad of ['http://x', 'x/$(id)', 'x y', 'x:port', 'x/A']) {
      expect(() => assertRegistryHost('r', bad)).toThrow(/registry host/);
    }
    expect(
      assertImageInRegistry(
        'i',
        '127.0.0.1:7103/stakater/x',
        '127.0.0.1:7103',
        'k',
      ),
    ).toBe('127.0.0.1:7103/stakater/x');
    expect(() =>
      assertImageInRegistry('i', 'evil.io/stakater/x', '127.0.0.1:7103', 'k'),
    ).toThrow(
      'i must be in the registry configured in app-config (k: 127.0.0.1:7103)',
    );
    expect(() =>
      assertImageInRegistry(
        'i',
        '127.0.0.1:7103/x:$(id)',
        '127.0.0.1:7103',
        'k',
      ),
    ).toThrow(/not an image repository/);
  });

  it('returns requested environments in configured (promotion) order', () => {
    const envs = [{ name: 'dev' }, { name: 'staging' }, { name: 'prod' }];
    expect(assertEnvironments(['prod', 'dev'], envs)).toEqual(['dev', 'prod']);
    expect(() => assertEnvironments(['qa'], envs)).toThrow(
      /unknown environment\(s\) qa/,
    );
  });
});
