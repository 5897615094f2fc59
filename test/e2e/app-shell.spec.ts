import { expect, test } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';

const pages = [
  { nav: 'Dashboard', heading: 'Dashboard' },
  { nav: 'Inventory', heading: 'Inventory' },
  { nav: 'Reconciliation', heading: 'Reconciliation' },
  { nav: 'Actions', heading: 'Actions' },
  { nav: 'Audit log', heading: 'Audit log' },
  { nav: 'Settings', heading: 'Settings' },
];

test.describe('app shell', () => {
  test('every page is reachable from the navigation and explains what it will hold', async ({
    page,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const { nav: label, heading } of pages) {
      const item = nav.getByRole('button', { name: label, exact: true });
      await item.click();
      await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
      await expect(item).toHaveAttribute('aria-current', 'page');
      expect(await unnamedControls(page.locator('body')), `unnamed controls on ${label}`).toEqual([]);
      if (label === 'Audit log') {
        // The log holds Warden's own changes (policy, decisions) before any scan: it is never empty-stated.
        await expect(page.getByRole('main').getByRole('button', { name: 'Verify chain' })).toBeVisible();
      } else if (label !== 'Dashboard' && label !== 'Settings') {
        // Pages without data say how to get some.
        await expect(page.getByRole('main').getByRole('button', { name: 'Connect to a domain' })).toBeVisible();
      }
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    await saveScreenshot('inventory-empty-light');
  });

  test('the navigation works from the keyboard', async ({ page, openApp }) => {
    await openApp();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Dashboard' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('button', { name: 'Inventory' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  });

  test('the empty dashboard offers to connect or to explore the demo domain', async ({
    page,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    const empty = page.getByRole('region', { name: 'No domain connected yet' });
    await expect(empty).toBeVisible();
    const connect = empty.getByRole('button', { name: 'Connect to a domain' });
    await expect(connect).toBeEnabled();
    const demo = empty.getByRole('button', { name: 'Explore the demo domain' });
    await expect(demo).toBeEnabled();
    await expect(demo).toHaveAccessibleName('Explore the demo domain');
    await expect(page.getByText('not included in this build')).toHaveCount(0);
    await saveScreenshot('dashboard-empty-light');

    await connect.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connect to a domain' })).toBeVisible();
  });

  test('the dark theme is saved in the store and survives a reload', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await harness.call('getSettings', {})).toMatchObject({ ok: true, value: { theme: 'dark' } });

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await saveScreenshot('dashboard-empty-dark');
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await saveScreenshot('settings-dark');
  });

  test('the "system" theme follows the operating system', async ({ page, openApp }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});
