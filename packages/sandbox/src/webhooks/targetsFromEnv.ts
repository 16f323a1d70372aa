import type { WebhookTarget } from './types';

/**
 * Webhook targets from the environment (the CLI):
 * `SANDBOX_GITHUB_WEBHOOK_URL` (+ `SANDBOX_GITHUB_WEBHOOK_SECRET`) and
 * `SANDBOX_JENKINS_WEBHOOK_URL` (+ `SANDBOX_JENKINS_WEBHOOK_TOKEN`).
 */
export function webhookTargetsFromEnv(
  env: Record<string, string | undefined>,
): WebhookTarget[] {
  const targets: WebhookTarget[] = [];
  const github = env.SANDBOX_GITHUB_WEBHOOK_URL;
  if (github)
    targets.push({
      kind: 'github',
      url: github,
      secret: env.SANDBOX_GITHUB_WEBHOOK_SECRET || undefined,
    });
  const jenkins = env.SANDBOX_JENKINS_WEBHOOK_URL;
  if (jenkins)
    targets.push({
      kind: 'jenkins',
      url: jenkins,
      token: env.SANDBOX_JENKINS_WEBHOOK_TOKEN || undefined,
    });
  return targets;
}
