import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `delivery.webhooks`: the shared secrets of the webhook senders. @public */
export interface WebhookConfig {
  /** The secret of GitHub's webhooks (`X-Hub-Signature-256`); undefined: GitHub webhooks off. */
  readonly githubSecret?: string;
  /** The token Jenkins sends (Basic auth password, Bearer, `X-Delivery-Token` or `token` query); undefined: off. */
  readonly jenkinsToken?: string;
}

const MIN_SECRET_LENGTH = 16;

function secret(config: Config, key: string): string | undefined {
  const value = config.getOptionalString(key);
  if (value === undefined) return undefined;
  if (value.length < MIN_SECRET_LENGTH) {
    throw new InputError(
      `delivery.webhooks.${key} must be at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  return value;
}

/** Reads `delivery.webhooks` (both secrets optional; a short one is a config error). */
export function readWebhookConfig(root: Config): WebhookConfig {
  const config = root.getOptionalConfig('delivery.webhooks');
  if (!config) return {};
  return {
    githubSecret: secret(config, 'github.secret'),
    jenkinsToken: secret(config, 'jenkins.token'),
  };
}
