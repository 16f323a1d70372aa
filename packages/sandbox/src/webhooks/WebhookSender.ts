import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookDelivery, WebhookTarget } from './types';

const TIMEOUT_MS = 10_000;
const KEEP_DELIVERIES = 200;

/**
 * Sends webhooks to the configured targets the way the real servers do:
 * the exact JSON body, GitHub's headers (`X-GitHub-Event`,
 * `X-GitHub-Delivery`, `X-Hub-Signature-256` over that body), one delivery
 * per target, never retried, and a failing target never breaks the sandbox.
 * @public
 */
export class WebhookSender {
  private targets: WebhookTarget[] = [];
  private readonly deliveries: WebhookDelivery[] = [];
  private readonly inflight = new Set<Promise<void>>();

  constructor(targets: WebhookTarget[] = []) {
    targets.forEach(t => this.add(t));
  }

  /** Adds a target; its URL must be http(s). */
  add(target: WebhookTarget): void {
    const url = new URL(target.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`webhook url must be http(s): ${target.url}`);
    this.targets.push({ ...target });
  }

  /** Removes every target. */
  clear(): void {
    this.targets = [];
  }

  /** Targets without their secrets. */
  list(): Array<Omit<WebhookTarget, 'secret' | 'token'>> {
    return this.targets.map(({ kind, url }) => ({ kind, url }));
  }

  /** Is there a target of this kind? */
  has(kind: WebhookTarget['kind']): boolean {
    return this.targets.some(t => t.kind === kind);
  }

  /** The newest deliveries, oldest first. */
  sent(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  /** Work that will send deliveries (reading payloads); `settled` waits for it too. */
  track(work: Promise<void>): void {
    const p = work.finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /** Resolves when every delivery started so far has finished (tests). */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  /** A GitHub event to every `github` target. */
  github(event: string, payload: object): void {
    const body = JSON.stringify(payload);
    for (const t of this.targets.filter(x => x.kind === 'github')) {
      const id = randomUUID();
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/sandbox',
        'x-github-event': event,
        'x-github-delivery': id,
        'x-github-hook-id': '1',
      };
      if (t.secret)
        headers['x-hub-signature-256'] = `sha256=${createHmac(
          'sha256',
          t.secret,
        )
          .update(body)
          .digest('hex')}`;
      this.send(t, id, event, body, headers);
    }
  }

  /** A Jenkins run notification to every `jenkins` target. */
  jenkins(phase: string, payload: object): void {
    const body = JSON.stringify(payload);
    for (const t of this.targets.filter(x => x.kind === 'jenkins')) {
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=UTF-8',
      };
      const basic = jenkinsBasicAuth(t);
      if (basic) headers.authorization = basic;
      this.send(t, randomUUID(), `jenkins.${phase}`, body, headers);
    }
  }

  private send(
    target: WebhookTarget,
    id: string,
    event: string,
    body: string,
    headers: Record<string, string>,
  ): void {
    const started = Date.now();
    const record = (status: number, error?: string) => {
      this.deliveries.push({
        id,
        kind: target.kind,
        event,
        url: target.url,
        status,
        ...(error ? { error } : {}),
        sentAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
      });
      if (this.deliveries.length > KEEP_DELIVERIES) this.deliveries.shift();
    };
    const p = fetch(withoutCredentials(target.url), {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
      .then(async res => {
        await res.arrayBuffer().catch(() => undefined);
        record(res.status);
      })
      .catch(e => record(0, e instanceof Error ? e.message : String(e)))
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }
}

/**
 * The Notification plugin's authentication: it sends the endpoint URL's user
 * info as `Authorization: Basic` (its `Protocol.HTTP`); it cannot add other
 * headers. A target's `token` stands for an endpoint URL
 * `http://jenkins:<token>@host/...`; user info in the URL itself is used as is.
 */
function jenkinsBasicAuth(target: WebhookTarget): string | undefined {
  const url = new URL(target.url);
  let userInfo: string | undefined;
  if (url.username) {
    userInfo = `${decodeURIComponent(url.username)}:${decodeURIComponent(
      url.password,
    )}`;
  } else if (target.token) {
    userInfo = `jenkins:${target.token}`;
  }
  return userInfo
    ? `Basic ${Buffer.from(userInfo, 'utf8').toString('base64')}`
    : undefined;
}

/** The URL without user info (fetch refuses URLs with credentials). */
function withoutCredentials(raw: string): string {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  return url.toString();
}
