import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { startSandbox } from '@gitops-delivery/sandbox';
import { sandboxAppConfig } from './sandboxConfig';

export { memoryCache, sandboxAppConfig } from './sandboxConfig';
import { readDeliveryConfig } from '../config';
import { DefaultDeliveryViewService } from '../services/view';

/** A sandbox on free ports. */
export type TestSandbox = Awaited<ReturnType<typeof startSandbox>>;

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
  return startSandbox({
    world,
    ports: {
      control: 0,
      'jenkins-code': 0,
      'jenkins-deploy': 0,
      nexus: 0,
      chartmuseum: 0,
      github: 0,
      kubernetes: 0,
    },
    deployDelayMs: 20,
    buildDelayMs: 20,
  });
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
