import type { AuditorService } from '@backstage/backend-plugin-api';
import type { RequestValidator } from '@backstage/plugin-events-node';
import { checkGitHubSignature } from './githubSignature';
import { checkSharedToken } from './sharedToken';

/** The events topics our webhooks are published on (`/api/events/http/<topic>`). @public */
export const DELIVERY_WEBHOOK_TOPICS = {
  github: 'delivery.github',
  jenkins: 'delivery.jenkins',
} as const;

function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}

async function auditRejection(
  auditor: AuditorService,
  meta: { topic: string; reason: string; delivery?: string; event?: string },
): Promise<void> {
  const event = await auditor.createEvent({
    eventId: 'delivery-webhook',
    severityLevel: 'medium',
    meta: { ...meta, action: 'rejected' },
  });
  await event.fail({ error: new Error(`webhook ${meta.reason}`) });
}

/**
 * GitHub deliveries: `X-Hub-Signature-256` over the exact raw body with the
 * configured secret; missing -> 401, malformed or wrong -> 403. Each refusal
 * is audited.
 */
export function githubWebhookValidator(
  secret: string,
  auditor: AuditorService,
): RequestValidator {
  return async (request, context) => {
    const problem = checkGitHubSignature(
      secret,
      request.raw.body,
      request.headers['x-hub-signature-256'],
    );
    if (!problem) return;
    await auditRejection(auditor, {
      topic: DELIVERY_WEBHOOK_TOPICS.github,
      reason: `signature ${problem}`,
      delivery: header(request.headers, 'x-github-delivery'),
      event: header(request.headers, 'x-github-event'),
    });
    context.reject({
      status: problem === 'missing' ? 401 : 403,
      payload: {
        message:
          problem === 'missing'
            ? 'X-Hub-Signature-256 is required'
            : 'X-Hub-Signature-256 does not match the body',
      },
    });
  };
}

/**
 * Jenkins deliveries (Notification plugin, Generic Webhook): the shared token
 * as the Basic auth password (the Notification plugin's endpoint URL user
 * info), a Bearer token, `X-Delivery-Token` or the `token` query parameter; missing -> 401,
 * wrong -> 403, audited.
 */
export function jenkinsWebhookValidator(
  token: string,
  auditor: AuditorService,
): RequestValidator {
  return async (request, context) => {
    // older events backends do not pass the query string to validators
    const problem = checkSharedToken(
      token,
      request.headers,
      (request.query as Record<string, unknown> | undefined) ?? {},
    );
    if (!problem) return;
    await auditRejection(auditor, {
      topic: DELIVERY_WEBHOOK_TOPICS.jenkins,
      reason: `token ${problem}`,
    });
    context.reject({
      status: problem === 'missing' ? 401 : 403,
      payload: {
        message:
          problem === 'missing'
            ? 'a delivery webhook token is required'
            : 'the delivery webhook token is wrong',
      },
    });
  };
}
