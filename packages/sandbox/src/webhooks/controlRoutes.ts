import express, { type Router } from 'express';
import { z } from 'zod';
import type { WebhookSender } from './WebhookSender';

const targetBody = z
  .object({
    kind: z.enum(['github', 'jenkins']),
    url: z.string().url(),
    secret: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
  })
  .strict();

/**
 * Control API: `GET /webhooks` (targets, secrets left out, and the last
 * deliveries), `POST /webhooks` (add a target), `DELETE /webhooks` (none).
 */
export function webhookControlRoutes(
  sender: WebhookSender,
  onAdded: () => Promise<void>,
): Router {
  const r = express.Router();
  r.get('/webhooks', (_req, res) => {
    res.json({ targets: sender.list(), deliveries: sender.sent() });
  });
  r.post('/webhooks', express.json(), async (req, res) => {
    const parsed = targetBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.message });
      return;
    }
    sender.add(parsed.data);
    await onAdded();
    res.status(201).json({ targets: sender.list() });
  });
  r.delete('/webhooks', (_req, res) => {
    sender.clear();
    res.status(204).end();
  });
  return r;
}
