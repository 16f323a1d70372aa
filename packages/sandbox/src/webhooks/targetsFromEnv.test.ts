import { webhookTargetsFromEnv } from './targetsFromEnv';
import { WebhookSender } from './WebhookSender';

describe('webhookTargetsFromEnv', () => {
  it('reads a GitHub and a Jenkins target, each optional', () => {
    expect(webhookTargetsFromEnv({})).toEqual([]);
    expect(
      webhookTargetsFromEnv({
        SANDBOX_GITHUB_WEBHOOK_URL:
          'http://127.0.0.1:7007/api/events/http/delivery.github',
        SANDBOX_GITHUB_WEBHOOK_SECRET: 's',
        SANDBOX_JENKINS_WEBHOOK_URL:
          'http://127.0.0.1:7007/api/events/http/delivery.jenkins',
      }),
    ).toEqual([
      {
        kind: 'github',
        url: 'http://127.0.0.1:7007/api/events/http/delivery.github',
        secret: 's',
      },
      {
        kind: 'jenkins',
        url: 'http://127.0.0.1:7007/api/events/http/delivery.jenkins',
        token: undefined,
      },
    ]);
  });

  it('a URL that is not http(s) is refused when the sender takes it', () => {
    const targets = webhookTargetsFromEnv({
      SANDBOX_GITHUB_WEBHOOK_URL: 'file:///etc/passwd',
    });
    expect(() => new WebhookSender(targets)).toThrow(
      'webhook url must be http(s): file:///etc/passwd',
    );
    expect(
      () => new WebhookSender([{ kind: 'github', url: 'not a url' }]),
    ).toThrow();
  });
});
