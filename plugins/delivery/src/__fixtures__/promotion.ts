import { ResponseError } from '@backstage/errors';
import type {
  PromotionPreview,
  PromotionResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';

const GHE = 'http://127.0.0.1:7105';

/** The preview of promoting xposer v0.0.20 (running in staging) to prod. */
export const prodPreview: PromotionPreview = {
  environment: 'prod',
  version: 'v0.0.20',
  previousVersion: '0.0.8',
  allowed: true,
  gates: [
    {
      rule: 'chart-exists',
      ok: true,
      message: 'Chart xposer v0.0.20 is in ChartMuseum',
    },
    {
      rule: 'image-exists',
      ok: true,
      message: 'Image stakater/xposer:v0.0.20 is in Nexus',
    },
    { rule: 'build-succeeded', ok: true, message: 'Build #46 succeeded' },
    {
      rule: 'running-in-previous',
      ok: true,
      message: 'v0.0.20 runs in staging',
    },
  ],
  changes: [
    {
      path: 'Chart.yaml',
      url: `${GHE}/gitops/config-prod/blob/main/Chart.yaml`,
      patch: [
        '--- a/Chart.yaml',
        '+++ b/Chart.yaml',
        '@@ -10,5 +10,5 @@',
        ' dependencies:',
        '   # xposer exposes services',
        '   - name: xposer',
        '-    version: 0.0.8',
        '+    version: v0.0.20',
        '     repository: http://127.0.0.1:7104',
        '',
      ].join('\n'),
    },
  ],
};

/** The same preview with the values `xposer: {replicas: 2}` applied. */
export const prodPreviewWithValues: PromotionPreview = {
  ...prodPreview,
  changes: [
    ...prodPreview.changes,
    {
      path: 'xposer.yaml',
      patch: [
        '--- a/xposer.yaml',
        '+++ b/xposer.yaml',
        '@@ -1,3 +1,3 @@',
        ' xposer:',
        '   xposer:',
        '-    replicas: 3',
        '+    replicas: 2',
        '',
      ].join('\n'),
    },
  ],
};

/** A preview refused by a failed gate. */
export const blockedPreview: PromotionPreview = {
  ...prodPreview,
  gates: prodPreview.gates.map(g =>
    g.rule === 'build-succeeded'
      ? { ...g, ok: false, message: 'Build #47 of v0.0.21 failed' }
      : g,
  ),
  blockedReason: 'Gate build-succeeded failed: Build #47 of v0.0.21 failed',
};

/** A promotion result: a new PR (or the reused one with `created: false`). */
export function prodResult(created = true): PromotionResult {
  return {
    environment: 'prod',
    version: 'v0.0.20',
    previousVersion: '0.0.8',
    url: `${GHE}/gitops/config-prod/pull/12`,
    number: 12,
    branch: 'delivery/prod/xposer-v0.0.20',
    created,
  };
}

/** A `ResponseError` as the client throws it for a backend error answer. */
export function responseError(
  status: number,
  statusText: string,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    request: {
      method: 'POST',
      url: '/api/delivery/entities/default/component/xposer/promotions',
    },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    url: 'http://localhost:7007/api/delivery/entities/default/component/xposer/promotions',
    headers: new Headers({ 'content-type': 'application/json' }),
    redirected: false,
    type: 'basic',
    text: async () => body,
  });
}
