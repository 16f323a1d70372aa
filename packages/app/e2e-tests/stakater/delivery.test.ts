import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from '../signIn';
import { deliveryContent, expectNoAxeViolations } from '../a11y';
import { sandbox } from '../sandbox';

/**
 * The stakater world (packages/sandbox/worlds/stakater.yaml), started with
 * DELIVERY_WORLD=stakater: runs named #N, versions only in a `Bump Version to X`
 * commit tagged X, SSH remotes on git.sandbox.internal (a host alias in
 * app-config.stakater.yaml), OCI labels, `latest` tags. No version config.
 */
const tab = (name: string) => `/catalog/default/component/${name}/delivery`;

function environmentCard(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test.describe('Delivery tab on the stakater world', () => {
  test.beforeEach(async ({ page }) => {
    await sandbox.reset();
    await signInAsGuest(page);
  });

  test('inventory: complete lineage by git tag, pending deploy in staging, setup check all green', async ({
    page,
  }) => {
    await page.goto(tab('inventory'));
    await expect(
      page.getByRole('heading', { name: 'Environments' }),
    ).toBeVisible();
    for (const [env, pin, status] of [
      ['dev', '0.3.4', /in sync/i],
      ['staging', '0.3.4', /pending deploy/i],
      ['prod', '0.3.1', /in sync/i],
    ] as const) {
      const card = environmentCard(page, env);
      await expect(card.getByText(pin, { exact: true }).first()).toBeVisible();
      await expect(card.getByText(status).first()).toBeVisible();
    }
    // The versions' builds were found by git tag (runs are named #N).
    await expect(page.getByText('via git tag').first()).toBeVisible();
    await expect(page.getByText('latest', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Run setup check' }).click();
    const check = page.getByRole('region', { name: 'Setup check' });
    await expect(check.getByText(/\d+ OK/).first()).toBeVisible();
    await expect(check.getByText(/error/)).toHaveCount(0);
    await expectNoAxeViolations(check);
    await expectNoAxeViolations(deliveryContent(page));
    await page.screenshot({
      path: 'e2e-screenshots/stakater-inventory.png',
      fullPage: true,
    });
    await page
      .getByRole('heading', { name: 'Environments' })
      .scrollIntoViewIfNeeded();
    await page.screenshot({
      path: 'e2e-screenshots/stakater-inventory-top.png',
    });
  });

  test('a wrong version-from: the setup check names the key and the strategy that works', async ({
    page,
  }) => {
    await page.goto(tab('payments'));
    const check = page.getByRole('region', { name: 'Setup check' });
    await expect(check.getByText(/1 error/).first()).toBeVisible({
      timeout: 60_000,
    });
    await expect(check.getByText('Build -> version').first()).toBeVisible();
    await expect(
      check.getByText('metadata.annotations.delivery/version-from').first(),
    ).toBeVisible();
    await expect(
      check.getByText('gitTag would find a version', { exact: false }).first(),
    ).toBeVisible();
    await check.scrollIntoViewIfNeeded();
    await check.screenshot({ path: 'e2e-screenshots/setup-check.png' });
  });
});
