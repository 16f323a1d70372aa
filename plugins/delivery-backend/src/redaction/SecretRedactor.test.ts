import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { LeakScan } from './leakScan';
import { redactingLogger } from './redactingLogger';
import { REDACTED, SecretRedactor } from './SecretRedactor';

const PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1\nZmFrZS1rZXktbGluZS0y\n-----END RSA PRIVATE KEY-----\n';

const config = new ConfigReader({
  integrations: {
    github: [
      { host: 'ghe.example.com', token: 'ghp_tok\nen-with-newline' },
      {
        host: 'apps.example.com',
        apps: [
          {
            appId: 1,
            privateKey: PEM,
            clientId: 'c',
            clientSecret: 'client-secret-1',
            webhookSecret: 'hook-secret-1',
          },
        ],
      },
    ],
  },
  delivery: {
    codeJenkins: [
      {
        name: 'code',
        baseUrl: 'http://j',
        username: 'ci',
        apiToken: 'jenkins-tok',
      },
    ],
    deployJenkins: [
      {
        name: 'deploy',
        baseUrl: 'http://d',
        username: 'dci',
        apiToken: 'deploy-tok',
      },
    ],
    nexus: [
      {
        name: 'n',
        baseUrl: 'http://n',
        username: 'nx',
        password: 'p@ss word/+',
      },
    ],
    chartMuseum: [
      { name: 'c', baseUrl: 'http://c', username: 'cm', password: 'chart-pw' },
    ],
    environments: [
      {
        name: 'dev',
        configRepo: 'x',
        deployJob: 'y',
        cluster: { url: 'u', token: 'k8s-tok', namespace: 'dev' },
      },
    ],
  },
});

describe('SecretRedactor', () => {
  const r = SecretRedactor.fromConfig(config);

  it.each([
    [
      'a token with a newline, quoted by undici',
      'Headers.append: "token ghp_tok\nen-with-newline" is an invalid header value.',
    ],
    ['each line of a multi-line token', 'first line ghp_tok was logged'],
    [
      'the JSON-escaped form',
      JSON.stringify({ m: 'token ghp_tok\nen-with-newline' }),
    ],
    ['a Jenkins token', 'auth jenkins-tok'],
    [
      'a deploy Jenkins token in Basic auth',
      `Basic ${Buffer.from('dci:deploy-tok').toString('base64')}`,
    ],
    [
      'a Nexus password URL-encoded',
      `?password=${encodeURIComponent('p@ss word/+')}`,
    ],
    [
      'a Nexus password in Basic auth',
      `Basic ${Buffer.from('nx:p@ss word/+').toString('base64')}`,
    ],
    ['a ChartMuseum password', 'chart-pw'],
    ['a cluster token', 'Bearer k8s-tok'],
    ['a line of an App private key', 'key MIIEowIBAAKCAQEAx1 leaked'],
    ['an App client secret', 'client-secret-1'],
    ['an App webhook secret', 'hook-secret-1'],
  ])('redacts %s', (_what, text) => {
    const out = r.redact(text);
    expect(out).toContain(REDACTED);
    for (const s of [
      'ghp_tok',
      'jenkins-tok',
      'deploy-tok',
      'p@ss',
      'chart-pw',
      'k8s-tok',
      'MIIEow',
      'client-secret',
      'hook-secret',
    ]) {
      expect(out).not.toContain(s);
    }
    expect(out).not.toContain(Buffer.from('dci:deploy-tok').toString('base64'));
  });

  it('redacts values deeply and errors with their causes', () => {
    const cause = new Error('inner jenkins-tok');
    const e = new Error('outer chart-pw', { cause });
    r.redactError(e);
    expect(e.message).toBe(`outer ${REDACTED}`);
    expect(cause.message).toBe(`inner ${REDACTED}`);
    expect(r.redactValue({ a: [{ b: 'k8s-tok' }], n: 1 })).toEqual({
      a: [{ b: REDACTED }],
      n: 1,
    });
  });

  it('gives the real logger only redacted lines', () => {
    const logger = mockServices.logger.mock();
    const safe = redactingLogger(logger, () => r);
    safe
      .child({ token: 'jenkins-tok' })
      .info('failed with chart-pw', { error: 'k8s-tok' });
    safe.error('boom', new Error('deploy-tok'));
    expect(JSON.stringify((logger.info as jest.Mock).mock.calls)).not.toMatch(
      /chart-pw|k8s-tok/,
    );
    expect((logger.child as jest.Mock).mock.calls[0][0]).toEqual({
      token: REDACTED,
    });
    expect((logger.error as jest.Mock).mock.calls[0][1].message).toBe(REDACTED);
  });
});

describe('LeakScan', () => {
  it('catches a secret written to a logger that is not redacted', () => {
    const scan = new LeakScan([{ value: 'leaky-secret-1' }]);
    const logger = scan.wrapLogger(mockServices.logger.mock());
    logger.warn('oops', { detail: 'leaky-secret-1' });
    expect(scan.leaks).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith('oops', {
      detail: 'leaky-secret-1',
    });
  });
});
