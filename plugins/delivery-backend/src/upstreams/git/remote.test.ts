import {
  canonicalHost,
  compareRemote,
  parseGitRemote,
  sameHost,
} from './remote';

const none = new Map<string, string>();

describe('parseGitRemote', () => {
  it.each([
    ['https://ghe.example.com/Gitops/Config-Dev.git', 'ghe.example.com'],
    ['https://ghe.example.com/gitops/config-dev/', 'ghe.example.com'],
    [
      'https://user:token@ghe.example.com/gitops/config-dev.git/',
      'ghe.example.com',
    ],
    ['http://127.0.0.1:7105/gitops/config-dev', '127.0.0.1:7105'],
    ['git@ghe.example.com:gitops/config-dev.git', 'ghe.example.com'],
    ['ghe-ssh:gitops/config-dev', 'ghe-ssh'],
    ['ssh://git@ghe.example.com:7999/gitops/config-dev.git', 'ghe.example.com'],
    ['git+ssh://git@ghe.example.com/gitops/config-dev', 'ghe.example.com'],
    ['git://ghe.example.com/gitops/config-dev.git', 'ghe.example.com'],
    [
      'https://ghe.example.com/gitops/config-dev/tree/main/charts',
      'ghe.example.com',
    ],
  ])('reads %s', (remote, host) => {
    expect(parseGitRemote(remote)).toEqual({
      host,
      owner: 'gitops',
      repo: 'config-dev',
    });
  });

  it.each([
    '',
    'not a url',
    'https://ghe.example.com/only-owner',
    'file:///srv/git/x.git',
    'ftp://h/o/r',
  ])('rejects %j', remote => expect(parseGitRemote(remote)).toBeUndefined());
});

describe('compareRemote', () => {
  const wanted = parseGitRemote('http://127.0.0.1:7105/gitops/config-dev')!;
  const aliases = new Map([['git.sandbox.internal', '127.0.0.1:7105']]);

  it('matches the same repository across forms', () => {
    for (const r of [
      'http://127.0.0.1:7105/gitops/config-dev.git',
      'HTTP://127.0.0.1:7105/GitOps/Config-Dev/',
      'git@127.0.0.1:gitops/config-dev.git',
    ])
      expect(compareRemote(r, wanted, none)).toBe('same');
  });

  it('needs an alias for another hostname of the same server', () => {
    const r = 'git@git.sandbox.internal:gitops/config-dev.git';
    expect(compareRemote(r, wanted, none)).toBe('other-host');
    expect(compareRemote(r, wanted, aliases)).toBe('same');
  });

  it('never matches another repository or the shared pipeline library', () => {
    expect(
      compareRemote(
        'http://127.0.0.1:7105/gitops/config-prod',
        wanted,
        aliases,
      ),
    ).toBe('different');
    expect(
      compareRemote(
        'https://github.com/stakater/fabric8-pipeline-library.git',
        wanted,
        aliases,
      ),
    ).toBe('different');
  });

  it('keeps two explicit ports apart', () => {
    expect(sameHost('h:7105', 'h:7106', none)).toBe(false);
    expect(sameHost('h', 'h:7106', none)).toBe(true);
  });

  it('resolves aliases case-insensitively, with or without a port', () => {
    expect(canonicalHost('GIT.sandbox.internal', aliases)).toBe(
      '127.0.0.1:7105',
    );
    expect(canonicalHost('git.sandbox.internal:22', aliases)).toBe(
      '127.0.0.1:7105',
    );
  });
});
