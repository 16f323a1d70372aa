import { test, expect } from '@playwright/test';
import { signInAsGuest } from '../signIn';
import { github, sandbox } from '../sandbox';
import { expectNoAxeViolations } from '../a11y';

test('stakater world: the owner promotes inventory 0.3.3 to prod with the default gates; merging deploys it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await sandbox.reset();
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/inventory/delivery');

  const prod = page.getByRole('region', { name: 'prod', exact: true });
  await expect(prod.getByText('0.3.1', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Promote to prod' }).click();

  const dialog = page.getByRole('dialog', {
    name: 'Promote inventory to prod',
  });
  await expect(dialog).toBeVisible();
  // The version running in staging, whose build was found by its git tag.
  await expect(dialog.getByText('version: "0.3.3"').first()).toBeVisible({
    timeout: 30_000,
  });
  await expectNoAxeViolations(dialog);
  await dialog.getByRole('button', { name: 'Open pull request' }).click();
  const prLink = dialog.getByRole('link', { name: /Pull request #\d+/ });
  await expect(prLink).toBeVisible({ timeout: 30_000 });
  const number = Number(
    (await prLink.getAttribute('href'))?.match(/\/pull\/(\d+)/)?.[1],
  );

  const files = await github(
    'GET',
    `/repos/gitops/config-prod/pulls/${number}/files`,
  );
  const chart = files.find(
    (f: { filename: string }) => f.filename === 'Chart.yaml',
  );
  expect(chart.patch).toMatch(/^-\s+version: "0\.3\.1"$/m);
  expect(chart.patch).toMatch(/^\+\s+version: "0\.3\.3"$/m);

  await github('PUT', `/repos/gitops/config-prod/pulls/${number}/merge`, {
    merge_method: 'merge',
  });
  await dialog.getByRole('button', { name: /close/i }).first().click();
  await expect(async () => {
    await page.reload();
    const card = page.getByRole('region', { name: 'prod', exact: true });
    await expect(card.getByText(/In sync/).first()).toBeVisible({
      timeout: 5_000,
    });
    await expect(card.getByText('0.3.3', { exact: true }).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
  await page.screenshot({
    path: 'e2e-screenshots/stakater-prod-in-sync.png',
    fullPage: true,
  });
});
