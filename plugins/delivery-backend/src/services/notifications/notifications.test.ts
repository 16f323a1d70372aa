import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  component,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { DatabaseHistoryStore } from '../../database/history';
import {
  recordingNotifications,
  sandboxCollector,
} from '../history/collector/__testUtils__/collectorHarness';
import { promoteXposer } from '../history/collector/__testUtils__/configPromotion';
import { DeliveryNotifier } from './DeliveryNotifier';
import { statusEvent } from './deliveryEvents';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const owners = ['group:default/team-xposer'];
const link = '/catalog/default/component/xposer/delivery';

describe('delivery notifications from the collector, on the sandbox', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => sandbox?.stop());

  it('tells the owners once of a promotion left open, a merged promotion running and a drift', async () => {
    const { collector, notifications } = await sandboxCollector(
      sandbox,
      databases,
      {
        entities: [component('xposer', xposerAnnotations)],
        history: { promotionOpenAlertHours: 1 },
        // two hours later: a promotion opened now has been open for 2 h
        now: () => new Date(Date.now() + 2 * 3_600_000),
      },
    );
    const sentSince = (n: number) =>
      notifications.sent.slice(n).map(s => ({
        to: s.recipients,
        title: s.payload.title,
        link: s.payload.link,
        topic: s.payload.topic,
      }));

    await collector.run();
    expect(notifications.sent).toEqual([]);

    const open = await promoteXposer(sandbox, 'dev', 'v0.0.21', 'v0.0.20', {
      merge: false,
    });
    expect((await collector.run()).notified).toBe(1);
    expect(sentSince(0)).toEqual([
      {
        to: { type: 'entity', entityRef: owners },
        title: 'Promotion of xposer to dev open for 2 h',
        link,
        topic: 'delivery:promotion-open',
      },
    ]);
    expect(notifications.sent[0].payload.description).toContain(
      `#${open.number}`,
    );

    const merged = await promoteXposer(
      sandbox,
      'staging',
      'v0.0.20',
      'v0.0.21',
      { merge: true },
    );
    expect((await collector.run()).notified).toBe(1);
    expect(sentSince(1)).toEqual([
      {
        to: { type: 'entity', entityRef: owners },
        title: 'xposer v0.0.21 runs in staging',
        link,
        topic: 'delivery:promotion-running',
      },
    ]);
    expect(notifications.sent[1].payload.description).toContain(
      `Pull request #${merged.number}`,
    );

    const res = await fetch(`${sandbox.urls.control}/kubectl/set-image`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        namespace: 'staging',
        deployment: 'xposer',
        image: `${new URL(sandbox.urls.nexus).host}/stakater/xposer:hotfix`,
      }),
    });
    expect(res.ok).toBe(true);
    expect((await collector.run()).notified).toBe(1);
    expect(sentSince(2)).toEqual([
      {
        to: { type: 'entity', entityRef: owners },
        title: 'xposer is drifted in staging',
        link,
        topic: 'delivery:drifted',
      },
    ]);

    // nothing changed: nothing is sent again (the PR is still open, still drifted)
    expect((await collector.run()).notified).toBe(0);
    expect((await collector.run()).notified).toBe(0);
    expect(notifications.sent).toHaveLength(3);
  });
});

describe('DeliveryNotifier', () => {
  it('retries a notification whose send failed, and never sends a sent one again', async () => {
    const store = await DatabaseHistoryStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const notifications = recordingNotifications();
    let down = true;
    const notifier = new DeliveryNotifier({
      notifications: {
        send: async options => {
          if (down) throw new Error('notifications backend unavailable');
          await notifications.send(options);
        },
      },
      store,
      logger: mockServices.logger.mock(),
    });
    const firstSeen = {
      entityRef: 'component:default/xposer',
      environment: 'prod',
      observedAt: '2026-11-29T10:00:00.000Z',
      status: 'deploy-failed' as const,
      pinnedVersion: 'v0.0.21',
    };
    const event = statusEvent(firstSeen, {
      entityRef: 'component:default/xposer',
      environment: 'prod',
      observedAt: '2026-11-29T09:00:00.000Z',
      status: 'in-sync',
    })!;
    expect(event.title).toBe('xposer is deploy-failed in prod');
    // the first observation of an environment is no transition
    expect(statusEvent(firstSeen, undefined)).toBeUndefined();
    expect(await notifier.notify([event], () => owners)).toBe(0);
    expect(await store.wasNotified(event.key)).toBe(false);
    down = false;
    expect(await notifier.notify([event], () => owners)).toBe(1);
    expect(await notifier.notify([event], () => owners)).toBe(0);
    // no owner: nothing to send, and not marked (an owner added later gets it)
    const other = { ...event, key: 'other', entityRef: 'component:default/x' };
    expect(await notifier.notify([other], () => [])).toBe(0);
    expect(notifications.sent).toHaveLength(1);
  });
});
