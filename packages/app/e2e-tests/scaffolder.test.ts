import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { github, sandbox } from './sandbox';

test('the "new service" template creates the repos and a catalog entity with a Delivery tab', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await sandbox.reset();
  const name = `demo-svc-${Date.now().toString(36)}`;
  await signInAsGuest(page);

  await page.goto('/create');
  const card = page
    .locator('article, [class*="MuiCard"]')
    .filter({ hasText: 'Delivery service (Xposer layout, GitOps)' })
    .first();
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /choose/i }).click();

  await page.getByLabel('Name').first().fill(name);
  const owner = page.getByLabel('Owner').first();
  await owner.click();
  await owner.fill('team-xposer');
  await page
    .getByRole('option', { name: /team-xposer/ })
    .first()
    .click();
  await page.getByLabel('Description').first().fill('Made by the browser test');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('checkbox', { name: 'dev' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'staging' }).check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
  await expect(openInCatalog).toBeVisible({ timeout: 120_000 });
  await page.screenshot({
    path: 'e2e-screenshots/scaffolder-done.png',
    fullPage: true,
  });

  // The code repo and the config pull requests exist in the sandbox GitHub.
  const repo = await github('GET', `/repos/stakater/${name}`);
  expect(repo.full_name).toBe(`stakater/${name}`);
  for (const env of ['dev', 'staging']) {
    const pulls = await github(
      'GET',
      `/repos/gitops/config-${env}/pulls?state=open&per_page=100`,
    );
    expect(pulls.map((p: { head: { ref: string } }) => p.head.ref)).toContain(
      `delivery/scaffold/${name}`,
    );
  }

  await openInCatalog.click();
  await expect(
    page.getByRole('heading', { name, exact: true }).first(),
  ).toBeVisible();
  const deliveryTab = page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Delivery' });
  await expect(deliveryTab).toBeVisible();
  await deliveryTab.click();
  await expect(page.getByRole('heading', { name: 'Environments' })).toBeVisible(
    { timeout: 60_000 },
  );
  await page.screenshot({
    path: 'e2e-screenshots/scaffolded-service-delivery.png',
    fullPage: true,
  });
});
