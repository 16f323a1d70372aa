import { ConfigReader } from '@backstage/config';
import { readWebhookConfig } from './webhookConfig';

describe('readWebhookConfig', () => {
  it('reads both secrets, each optional', () => {
    expect(readWebhookConfig(new ConfigReader({}))).toEqual({});
    expect(
      readWebhookConfig(
        new ConfigReader({
          delivery: {
            webhooks: {
              github: { secret: 'github-secret-0123456789' },
              jenkins: { token: 'jenkins-token-0123456789' },
            },
          },
        }),
      ),
    ).toEqual({
      githubSecret: 'github-secret-0123456789',
      jenkinsToken: 'jenkins-token-0123456789',
    });
  });

  it('says which key holds a secret too short to be one', () => {
    expect(() =>
      readWebhookConfig(
        new ConfigReader({
          delivery: { webhooks: { github: { secret: 'short' } } },
        }),
      ),
    ).toThrow('delivery.webhooks.github.secret must be at least 16 characters');
  });
});
