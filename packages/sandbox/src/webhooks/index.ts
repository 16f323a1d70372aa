export { WebhookSender } from './WebhookSender';
export { GitHubWebhooks } from './githubWebhooks';
export { notifyRun, notificationPayload } from './jenkinsNotifications';
export type { RunPhase, NotifiedRun } from './jenkinsNotifications';
export { webhookControlRoutes } from './controlRoutes';
export type { WebhookTarget, WebhookDelivery } from './types';
export { webhookTargetsFromEnv } from './targetsFromEnv';
