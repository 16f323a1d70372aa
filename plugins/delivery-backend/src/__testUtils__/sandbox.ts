import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Sandbox } from '@gitops-delivery/sandbox';
import { startTestSandbox as startSharedTestSandbox } from '@gitops-delivery/sandbox/testUtils';
import { sandboxAppConfig } from './sandboxConfig';

export { memoryCache, sandboxAppConfig } from './sandboxConfig';
import { readDeliveryConfig } from '../config';
import { DefaultDeliveryViewService } from '../services/view';

/** A sandbox on free ports. */
export type TestSandbox = Sandbox;

/** A view service on the sandbox; `cache` defaults to none (every call reads upstream). */
export function sandboxViewService(
  urls: TestSandbox['urls'],
  options: {
    cache?: CacheService;
    timeoutMs?: number;
    maxResponseBytes?: number;
    /** Extra `delivery` keys (e.g. `hostAliases`, `versionFrom`). */
    delivery?: JsonObject;
  } = {},
) {
  const app = sandboxAppConfig(
    urls,
    options.timeoutMs,
    options.maxResponseBytes,
  );
  Object.assign(app.delivery as JsonObject, options.delivery ?? {});
  const config = readDeliveryConfig(new ConfigReader(app));
  return DefaultDeliveryViewService.create({
    config,
    logger: mockServices.logger.mock(),
    cache: options.cache,
  });
}

/** A catalog Component with delivery annotations. */
export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/team-xposer',
      lifecycle: 'production',
    },
  };
}

/** Every sandbox server on a free port; deploys and builds finish quickly. */
export function startTestSandbox(world?: string): Promise<TestSandbox> {
  return startSharedTestSandbox({ world, deployDelayMs: 20, buildDelayMs: 20 });
}

/** The demo catalog's annotations. */
export const xposerAnnotations = {
  'delivery/code-job': 'code:stakater/xposer/master',
  'delivery/image': 'stakater/xposer',
  'delivery/chart': 'xposer',
};

/** `delivery.hostAliases` of the stakater world: its SSH host is the sandbox GitHub. */
export function stakaterHostAliases(urls: TestSandbox['urls']): JsonObject {
  return {
    hostAliases: [
      { host: new URL(urls.github).host, aliases: ['git.sandbox.internal'] },
    ],
  };
}
