import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { expectNoAxeViolations } from './a11y';

const deliveryTab = '/catalog/default/component/xposer/delivery';

function performance(page: Page) {
  return page.getByTestId('delivery-performance');
}

test.describe('Delivery performance section', () => {
  test.describe.configure({ timeout: 300_000 });

  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test('switches the period and drills down from a figure', async ({
    page,
  }) => {
    await page.goto(deliveryTab);
    const section = performance(page);
    await expect(
      section.getByRole('heading', { name: 'Delivery performance' }),
    ).toBeVisible();
    const figures = section.getByRole('heading', {
      name: 'Deployment frequency',
    });
    const notice = section.getByTestId('history-notice');
    // the collector runs every minute: wait until it recorded xposer
    await expect(async () => {
      await page.reload();
      await expect(figures.or(notice).first()).toBeVisible({ timeout: 10_000 });
      await expect(section.getByText(/has not run for it/)).toHaveCount(0);
    }).toPass({ timeout: 180_000, intervals: [5_000] });

    await section.getByRole('button', { name: '180 days' }).click();
    await expect(
      section.getByRole('button', { name: '180 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(section.getByText(/last 180 days/)).toBeVisible();

    if (await figures.isVisible()) {
      for (const key of [
        'Lead time for changes',
        'Change failure rate',
        'Time to restore',
      ]) {
        await expect(section.getByRole('heading', { name: key })).toBeVisible();
      }
      const showDeploys = section.getByRole('button', {
        name: /^Show the \d+ deploys?$/,
      });
      if ((await showDeploys.count()) > 0) {
        await showDeploys.click();
        const list = section.getByRole('region', {
          name: /Deploys counted by the deployment frequency/,
        });
        await expect(
          list
            .getByRole('link', { name: /Deploy run #\d+ in Jenkins/ })
            .first(),
        ).toBeVisible();
      }
    } else {
      await expect(notice).toHaveText(
        /history is recorded since|Nothing is recorded yet/,
      );
    }
    await page.screenshot({
      path: 'e2e-screenshots/delivery-performance.png',
      fullPage: true,
    });
    await expectNoAxeViolations(section);
  });
});
