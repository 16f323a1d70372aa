/** Where the sandbox sends webhooks, like a hook configured on GitHub or in Jenkins. @public */
export interface WebhookTarget {
  /** `github`: push / pull_request events; `jenkins`: run notifications of both Jenkins. */
  kind: 'github' | 'jenkins';
  url: string;
  /** github: the webhook secret (`X-Hub-Signature-256`); none: unsigned, as GitHub does. */
  secret?: string;
  /**
   * jenkins: the shared token, sent as the Notification plugin sends an
   * endpoint URL's user info: `Authorization: Basic` of `jenkins:<token>`.
   */
  token?: string;
}

/** One sent webhook (`GET /webhooks` on the control API). @public */
export interface WebhookDelivery {
  id: string;
  kind: WebhookTarget['kind'];
  /** GitHub's `X-GitHub-Event`, or `jenkins.<PHASE>`. */
  event: string;
  url: string;
  /** HTTP status, or 0 when the target did not answer. */
  status: number;
  error?: string;
  sentAt: string;
  durationMs: number;
}
