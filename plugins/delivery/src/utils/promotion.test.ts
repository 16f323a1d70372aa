import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { xposerEntity, xposerView } from '../__fixtures__/xposerView';
import {
  deliveryEntityRef,
  permissionResourceRef,
  promotionSource,
  rollbackTarget,
} from './promotion';

const [dev, staging, prod] = xposerView.environments;

describe('promotionSource', () => {
  it('promotes what runs in the previous environment', () => {
    expect(promotionSource(prod, xposerView)).toEqual({ version: 'v0.0.20' });
    expect(promotionSource(staging, xposerView)).toEqual({
      version: 'v0.0.20',
    });
    const promoted = { ...staging, pinnedVersion: '0.0.20' };
    expect(promotionSource(promoted, xposerView)).toEqual({
      reason: 'staging already pins v0.0.20, the version in dev',
    });
  });

  it('uses the pin when nothing is known to run, and says why there is nothing', () => {
    const view: DeliveryView = {
      ...xposerView,
      environments: [{ ...staging, runningVersion: undefined }, prod],
    };
    expect(promotionSource(prod, view)).toEqual({ version: 'v0.0.19' });
    const empty: DeliveryView = {
      ...view,
      environments: [
        { ...staging, runningVersion: undefined, pinnedVersion: undefined },
        prod,
      ],
    };
    expect(promotionSource(prod, empty)).toEqual({
      reason: 'Nothing runs in staging yet',
    });
    expect(promotionSource(dev, xposerView).reason).toMatch(/first stage/);
  });
});

describe('rollbackTarget', () => {
  it('takes the last successful deploy of another version before the current pin', () => {
    // dev: #31 deployed v0.0.20 (the pin), #30 deployed v0.0.19
    expect(rollbackTarget(dev, xposerView)).toEqual({ version: 'v0.0.19' });
  });

  it('skips failed deploys and deploys after the newest deploy of the pin', () => {
    // staging: #18 v0.0.19 (the pin), #17 v0.0.18 FAILED -> nothing to roll back to
    expect(rollbackTarget(staging, xposerView)).toEqual({
      reason: 'No earlier version was deployed successfully to staging',
    });
    const view: DeliveryView = {
      ...xposerView,
      deploys: [
        {
          ...xposerView.deploys[0],
          number: 33,
          version: 'v0.0.18',
          startedAt: '2026-11-26T01:00:00Z',
        },
        ...xposerView.deploys,
      ],
    };
    // a later deploy of another version (e.g. a pending re-pin) is not "before"
    expect(rollbackTarget(dev, view)).toEqual({ version: 'v0.0.19' });
  });

  it('falls back to the next-lower version of the lineage deployed there', () => {
    const view: DeliveryView = { ...xposerView, deploys: [] };
    const devWithHistory: DeliveryView = {
      ...view,
      versions: view.versions.map(v =>
        v.version === 'v0.0.18'
          ? {
              ...v,
              environments: [
                {
                  environment: 'dev',
                  pinned: false,
                  running: false,
                  deployedBy: {
                    number: 20,
                    url: 'http://x/20/',
                    result: 'SUCCESS',
                  },
                },
              ],
            }
          : v,
      ),
    };
    // v0.0.19 was deployed only to staging; v0.0.18 was deployed to dev
    expect(rollbackTarget(dev, devWithHistory)).toEqual({ version: 'v0.0.18' });
    expect(rollbackTarget(prod, view).reason).toMatch(/No earlier version/);
    expect(rollbackTarget({ ...prod, pinnedVersion: undefined }, view)).toEqual(
      {
        reason: 'Nothing is pinned in prod',
      },
    );
  });
});

describe('entity refs', () => {
  it('uses the lower-cased kind for the API and the full ref for permissions', () => {
    expect(deliveryEntityRef(xposerEntity)).toEqual({
      namespace: 'default',
      kind: 'component',
      name: 'xposer',
    });
    expect(permissionResourceRef(xposerEntity, 'prod')).toBe(
      'component:default/xposer@prod',
    );
  });
});
