import { expect, Page } from '@playwright/test';

/**
 * Signs in with the guest provider (resolves to user:default/guest). Under
 * load the first click can race the sign-in page's own start-up: click again
 * until the app shell is there.
 */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  const catalog = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(enter.or(catalog).first()).toBeVisible();
  await expect(async () => {
    if (await enter.isVisible()) await enter.click();
    await expect(catalog).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000] });
}
