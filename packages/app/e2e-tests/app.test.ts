import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('guest signs in and opens the xposer entity page', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/xposer');
  await expect(
    page.getByRole('heading', { name: 'xposer', exact: true }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByText('group:default/team-xposer')
      .or(page.getByText('team-xposer'))
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'e2e-screenshots/xposer-entity.png' });
});
