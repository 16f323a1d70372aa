import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';
import { github, sandbox } from './sandbox';
import { expectNoAxeViolations } from './a11y';

test('the owner promotes xposer from staging to prod; merging deploys it and prod turns in sync', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await sandbox.reset();
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/xposer/delivery');

  const prod = page.getByRole('region', { name: 'prod', exact: true });
  // the reset world's pin; a view cached before the reset (an earlier test's
  // merge) expires within the demo's 15 s TTL, so reload until it shows
  await expect(async () => {
    await page.reload();
    await expect(prod.getByText('0.0.19', { exact: true }).first()).toBeVisible(
      { timeout: 5_000 },
    );
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await page.getByRole('button', { name: 'Promote to prod' }).click();

  const dialog = page.getByRole('dialog', { name: 'Promote xposer to prod' });
  await expect(dialog).toBeVisible();
  const diff = dialog
    .getByRole('region', { name: 'Diff of Chart.yaml' })
    .or(dialog.getByLabel('Diff of Chart.yaml'));
  await expect(diff.first()).toBeVisible({ timeout: 30_000 });
  // The pin takes the chart's own spelling (ChartMuseum has v0.0.20), #11.
  await expect(dialog.getByText('version: v0.0.20').first()).toBeVisible();
  await page.screenshot({ path: 'e2e-screenshots/promote-dialog.png' });
  await expectNoAxeViolations(dialog);

  await dialog.getByRole('button', { name: 'Open pull request' }).click();
  const prLink = dialog.getByRole('link', { name: /Pull request #\d+/ });
  await expect(prLink).toBeVisible({ timeout: 30_000 });
  const prUrl = await prLink.getAttribute('href');
  const number = Number(prUrl?.match(/\/pull\/(\d+)/)?.[1]);
  expect(number).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e-screenshots/promote-pr-opened.png' });
  await expectNoAxeViolations(dialog);

  // The PR's diff is the one pin line (and the image tag the values file pins).
  const files = await github(
    'GET',
    `/repos/gitops/config-prod/pulls/${number}/files`,
  );
  const chart = files.find(
    (f: { filename: string }) => f.filename === 'Chart.yaml',
  );
  expect(chart.patch).toMatch(/^-\s+version: 0\.0\.19$/m);
  expect(chart.patch).toMatch(/^\+\s+version: v0\.0\.20$/m);
  expect(chart.additions).toBe(1);
  expect(chart.deletions).toBe(1);

  // A reviewer merges it (never the plugin): the config Jenkins deploys it.
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
    await expect(
      card.getByText('v0.0.20', { exact: true }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
  await page.screenshot({
    path: 'e2e-screenshots/prod-in-sync.png',
    fullPage: true,
  });
});
