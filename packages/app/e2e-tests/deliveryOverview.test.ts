import { test, expect, Locator, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { expectNoAxeViolations } from './a11y';

/** The overview's own DOM (filters, summary, table). */
function overview(page: Page): Locator {
  return page.getByTestId('delivery-overview');
}

function rows(page: Page): Locator {
  return overview(page).getByTestId('overview-row');
}

function serviceLink(page: Page, name: string): Locator {
  return overview(page).getByRole('link', {
    name: `${name}: open its Delivery tab`,
  });
}

/**
 * Opens the overview from the sidebar. The collector records the snapshots the
 * page is served from on its first runs after the backend starts (every
 * minute in app-config.yaml): reload until the three services of the default
 * world are there.
 */
async function openOverview(page: Page) {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Delivery', exact: true })
    .click();
  await expect(page).toHaveURL(/\/delivery$/);
  await expect(async () => {
    await page.reload();
    await expect(rows(page)).toHaveCount(3, { timeout: 10_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
}

test.describe('Delivery overview page', () => {
  // the first test may wait for the collector's first runs (openOverview)
  test.describe.configure({ timeout: 300_000 });

  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test('lists every service with delivery annotations, by environment', async ({
    page,
  }) => {
    await openOverview(page);
    for (const name of ['xposer', 'gateway', 'nordmart-review']) {
      await expect(serviceLink(page, name)).toBeVisible();
    }
    for (const env of ['dev', 'staging', 'prod']) {
      await expect(
        overview(page).getByRole('columnheader', { name: env, exact: true }),
      ).toBeVisible();
    }
    await expect(overview(page).getByTestId('overview-summary')).toHaveText(
      /^3 services with delivery annotations/,
    );
    await expectNoAxeViolations(overview(page));
  });

  test('filters by owner and by system on the server', async ({ page }) => {
    await openOverview(page);

    await overview(page)
      .getByRole('button', { name: /^Owner/ })
      .click();
    await page.getByRole('option', { name: 'team-nordmart' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(serviceLink(page, 'nordmart-review')).toBeVisible();
    await expect(page).toHaveURL(/owner=group%3Adefault%2Fteam-nordmart/);

    await overview(page)
      .getByRole('button', { name: /^Owner/ })
      .click();
    await page.getByRole('option', { name: 'Any' }).click();
    await overview(page)
      .getByRole('button', { name: /^System/ })
      .click();
    await page.getByRole('option', { name: 'exposure' }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(serviceLink(page, 'xposer')).toBeVisible();
    await expect(serviceLink(page, 'gateway')).toBeVisible();
    await expect(overview(page).getByTestId('overview-summary')).toHaveText(
      /^2 services match these filters/,
    );
    await expectNoAxeViolations(overview(page));
  });

  test('shows what is not in sync in one click', async ({ page }) => {
    await openOverview(page);
    const notInSync = overview(page).getByRole('button', {
      name: /^Not in sync/,
    });
    await expect(notInSync).toHaveAttribute('aria-pressed', 'false');

    await notInSync.click();

    await expect(notInSync).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/notInSync=true/);
    await expect(overview(page).getByTestId('overview-summary')).toHaveText(
      /match these filters/,
    );
    // every row left has an environment whose status is not "In sync"
    const shown = await rows(page).all();
    for (const row of shown) {
      await expect(
        row.getByRole('img', { name: /in (dev|staging|prod): (?!In sync)/ }),
      ).not.toHaveCount(0);
    }
    await page.screenshot({
      path: 'e2e-screenshots/delivery-overview-not-in-sync.png',
      fullPage: true,
    });
    await expectNoAxeViolations(overview(page));
  });

  test('navigates from a service to its Delivery tab and its performance', async ({
    page,
  }) => {
    await openOverview(page);

    await serviceLink(page, 'xposer').click();

    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/xposer\/delivery$/,
    );
    await expect(
      page.getByRole('heading', { name: 'Environments' }),
    ).toBeVisible();
    const performance = page.getByTestId('delivery-performance');
    await expect(
      performance.getByRole('heading', { name: 'Delivery performance' }),
    ).toBeVisible();
    // the four keys, or (history not recorded yet) what is missing
    await expect(
      performance
        .getByRole('heading', { name: 'Deployment frequency' })
        .or(performance.getByTestId('history-notice'))
        .first(),
    ).toBeVisible();
    await performance.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(performance);
  });
});
