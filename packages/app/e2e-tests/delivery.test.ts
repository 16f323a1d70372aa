import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { sandbox } from './sandbox';
import { deliveryContent, expectNoAxeViolations } from './a11y';

const deliveryTab = '/catalog/default/component/xposer/delivery';

function environmentCard(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test.describe('Delivery tab', () => {
  test.beforeEach(async ({ page }) => {
    await sandbox.reset();
    await signInAsGuest(page);
  });

  test.afterEach(async () => {
    await sandbox.clearFaults();
  });

  test('shows the three environments with the versions the sandbox world pins', async ({
    page,
  }) => {
    await page.goto(deliveryTab);
    await expect(
      page.getByRole('heading', { name: 'Environments' }),
    ).toBeVisible();
    for (const [env, pin] of [
      ['dev', 'v0.0.21'],
      ['staging', 'v0.0.20'],
      ['prod', '0.0.19'],
    ]) {
      const card = environmentCard(page, env);
      await expect(card.getByText(pin, { exact: true }).first()).toBeVisible();
    }
    await expect(
      page.getByRole('heading', { name: 'Sources: 15 of 15 OK' }),
    ).toBeVisible();
    await expect(page.getByText('Lineage of v0.0.21')).toBeVisible();
    await page.screenshot({
      path: 'e2e-screenshots/delivery-tab.png',
      fullPage: true,
    });

    // Accessibility (axe-core) of our plugin's DOM: the tab, then the setup check.
    await expectNoAxeViolations(deliveryContent(page));
    await page.getByRole('button', { name: 'Run setup check' }).click();
    const check = page.getByRole('region', { name: 'Setup check' });
    await expect(check.getByText(/\d+ OK/).first()).toBeVisible();
    await expectNoAxeViolations(check);
    await expectNoAxeViolations(deliveryContent(page));
  });

  test('shows a failed source inline and renders the rest', async ({
    page,
  }) => {
    await sandbox.injectFault({
      upstream: 'jenkins-code',
      pathPattern: '.*',
      kind: 'html-login',
    });
    // The view caches upstream reads for a few seconds: reload until the fault shows.
    await expect(async () => {
      await page.goto(deliveryTab);
      await expect(
        page.getByRole('heading', { name: /^Sources: 14 of 15 OK/ }),
      ).toBeVisible({ timeout: 30_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    await expect(
      page.getByText(/Code Jenkins: unauthorized/).first(),
    ).toBeVisible();
    // Everything that does not come from the code Jenkins is still there.
    await expect(
      environmentCard(page, 'staging').getByText('v0.0.20').first(),
    ).toBeVisible();
    await page.screenshot({
      path: 'e2e-screenshots/delivery-tab-code-jenkins-down.png',
      fullPage: true,
    });
  });
});
