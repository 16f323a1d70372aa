import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readDeliveryConfig } from '../../config';
import { component, xposerAnnotations } from '../../__testUtils__/sandbox';
import {
  memoryCache,
  sandboxAppConfig,
} from '../../__testUtils__/sandboxConfig';
import { ViewCache } from '../view/cache';
import { LiveUpdates } from './LiveUpdates';

const urls = {
  control: 'http://127.0.0.1:1',
  'jenkins-code': 'http://127.0.0.1:2',
  'jenkins-deploy': 'http://127.0.0.1:3',
  nexus: 'http://127.0.0.1:4',
  chartmuseum: 'http://127.0.0.1:5',
  github: 'http://127.0.0.1:6',
  kubernetes: 'http://127.0.0.1:7',
};

function setup() {
  const logger = mockServices.logger.mock();
  const signals = { publish: jest.fn(async () => {}) };
  const live = new LiveUpdates({
    config: readDeliveryConfig(new ConfigReader(sandboxAppConfig(urls))),
    cache: new ViewCache(memoryCache(), logger),
    catalog: catalogServiceMock({
      entities: [
        component('xposer', xposerAnnotations),
        component('prod-only', {
          ...xposerAnnotations,
          'delivery/code-job': 'code:stakater/other/master',
          'delivery/environments': 'prod',
        }),
      ],
    }),
    auth: mockServices.auth(),
    signals,
    logger,
  });
  return { live, signals, logger };
}

describe('LiveUpdates.handle', () => {
  it('signals only the entities that read what changed', async () => {
    const { live, signals } = setup();
    const outcome = await live.handle({
      topic: 'delivery.jenkins',
      eventPayload: {
        build: {
          full_url: `${urls['jenkins-code']}/job/stakater/job/xposer/job/master/3/`,
          number: 3,
          phase: 'FINALIZED',
        },
      },
    });
    expect(outcome.signalled).toEqual(['component:default/xposer']);
    // the finished code run may have pushed an image and a chart: xposer's are forgotten, prod-only's are not
    expect(outcome.forgotten).toEqual([
      'delivery:code:code:stakater/xposer/master',
      'delivery:nexus:default:stakater/xposer',
      'delivery:chart:default:xposer',
    ]);
    expect(signals.publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: 'delivery:entity:component:default/xposer',
      message: { type: 'refresh', change: 'jenkins-run', environments: [] },
    });

    signals.publish.mockClear();
    const prod = await live.handle({
      topic: 'delivery.github',
      metadata: { 'x-github-event': 'push' },
      eventPayload: {
        ref: 'refs/heads/main',
        after: 'a'.repeat(40),
        repository: { html_url: `${urls.github}/gitops/config-prod` },
      },
    });
    expect(prod.signalled.sort()).toEqual([
      'component:default/prod-only',
      'component:default/xposer',
    ]);
    const staging = await live.handle({
      topic: 'delivery.github',
      metadata: { 'x-github-event': 'push' },
      eventPayload: {
        ref: 'refs/heads/main',
        after: 'a'.repeat(40),
        repository: { html_url: `${urls.github}/gitops/config-staging` },
      },
    });
    expect(staging.signalled).toEqual(['component:default/xposer']);
  });

  it('an unreadable delivery is logged with its reason; nothing forgotten or signalled', async () => {
    const { live, signals, logger } = setup();
    const outcome = await live.handle({
      topic: 'delivery.github',
      metadata: { 'x-github-event': 'push', 'x-github-delivery': 'd-9' },
      eventPayload: { ref: 'refs/heads/main' },
    });
    expect(outcome).toEqual({ forgotten: [], signalled: [] });
    expect(signals.publish).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('Delivery webhook ignored', {
      topic: 'delivery.github',
      delivery: 'd-9',
      reason: 'push: repository is missing',
    });
  });

  it('events we do not show (issues, tag pushes) change nothing', async () => {
    const { live, signals } = setup();
    expect(
      await live.handle({
        topic: 'delivery.github',
        metadata: { 'x-github-event': 'issues' },
        eventPayload: {},
      }),
    ).toEqual({ forgotten: [], signalled: [] });
    expect(signals.publish).not.toHaveBeenCalled();
  });
});
