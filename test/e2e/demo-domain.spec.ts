import { expect, test, type Page } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';

const bannerText = 'Fictional data from the bundled demo company. Nothing here is your directory.';

/** The value a definition list gives for `term` inside `scope`. */
const definitionOf = (page: Page, scope: string, term: string) =>
  page.getByRole('region', { name: scope }).locator(`dt:text-is("${term}") + dd`);

async function exploreDemo(page: Page): Promise<void> {
  const empty = page.getByRole('region', { name: 'No domain connected yet' });
  await empty.getByRole('button', { name: 'Explore the demo domain' }).click();
  await expect(page.getByRole('group', { name: 'Demo domain' })).toBeVisible();
}

test.describe('demo domain', () => {
  test('opens the demo company beside the user’s store, marks every page, and leaves it untouched', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await expect(page.getByRole('group', { name: 'Demo domain' })).toHaveCount(0);
    await exploreDemo(page);

    const banner = page.getByRole('group', { name: 'Demo domain' });
    await expect(banner).toContainText(bannerText);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText('· demo domain');

    // The dashboard now reads the demo store: its snapshot, not the empty state.
    const card = page.getByRole('region', { name: 'Current snapshot' });
    await expect(card).toBeVisible();
    await expect(page.getByRole('region', { name: 'No domain connected yet' })).toHaveCount(0);
    await expect(definitionOf(page, 'Current snapshot', 'Accounts')).toHaveText('604');
    await expect(definitionOf(page, 'Current snapshot', 'Groups')).toHaveText('60');
    await expect(definitionOf(page, 'Current snapshot', 'Source')).toContainText('demo company');
    await expect(definitionOf(page, 'Current snapshot', 'Finished')).toContainText('just now');
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the demo dashboard').toEqual([]);

    const appInfo = await harness.call('getAppInfo', {});
    expect(appInfo).toMatchObject({ ok: true, value: { isDemo: true } });
    const snapshot = await harness.call('getLatestSnapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { sourceKind: 'demo', accountCount: 604, groupCount: 60 } });

    // The load reported its progress under the task the button started.
    const demoProgress = harness.progressEvents.filter((event) => event.operation === 'openDemo');
    expect(demoProgress.length).toBeGreaterThan(0);
    expect(demoProgress.at(-1)?.progress).toMatchObject({ accounts: 604, groups: 60 });

    await saveScreenshot('demo-dashboard-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await saveScreenshot('demo-dashboard-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Every page carries the banner, not only the dashboard.
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(banner).toBeVisible();
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the demo settings').toEqual([]);

    await banner.getByRole('button', { name: 'Leave the demo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'No domain connected yet' })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Current snapshot' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).not.toContainText('demo domain');

    expect(await harness.call('getAppInfo', {})).toMatchObject({ ok: true, value: { isDemo: false } });
    // The user's store was never written to: it still has no snapshot at all.
    expect(await harness.call('getLatestSnapshot', {})).toEqual({ ok: true, value: null });
  });

  test('the snapshot’s age keeps up with the clock while the dashboard is open', async ({ page, openApp }) => {
    await page.clock.install();
    await openApp();
    await exploreDemo(page);
    const finished = definitionOf(page, 'Current snapshot', 'Finished');
    await expect(finished).toContainText('just now');
    await page.clock.fastForward('02:00:30');
    await expect(finished).toContainText('2 hours ago');
  });

  test('the demo keeps settings of its own, and leaving brings the user’s theme back', async ({
    page,
    harness,
    openApp,
  }) => {
    expect(await harness.call('updateSettings', { theme: 'dark' })).toMatchObject({ ok: true });
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    await exploreDemo(page);
    // The demo store starts from the defaults, and the browser here asks for light.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('radio', { name: 'Same as the system' })).toBeChecked();

    await page.getByRole('button', { name: 'Leave the demo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await harness.call('getSettings', {})).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});

test.describe('while the demo company loads', () => {
  // The real load takes well under a second; holding its request keeps the progress on screen long enough to check.
  const openDemoCall = '**/__warden/call/openDemo';

  test('it shows progress and can be cancelled, leaving the user’s store open', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    let release: (reply: unknown) => Promise<void> = async () => undefined;
    await page.route(openDemoCall, (route) => {
      release = (reply) => route.fulfill({ json: reply });
    });
    await openApp();
    await page.getByRole('button', { name: 'Explore the demo domain' }).click();

    const progress = page.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(page.getByText('Loading the demo company… 0 accounts')).toBeVisible();
    await saveScreenshot('demo-loading-light');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Cancelling…')).toBeVisible();

    await release({ ok: false, error: { code: 'CANCELLED', message: 'openDemo was cancelled.' } });
    await expect(page.getByText('Loading the demo company was cancelled. Your own store is unchanged.')).toBeVisible();
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Demo domain' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Explore the demo domain' })).toBeEnabled();
    expect(await harness.call('getAppInfo', {})).toMatchObject({ ok: true, value: { isDemo: false } });
  });

  test('a failed load explains itself, and trying again opens the demo', async ({ page, openApp }) => {
    await page.route(openDemoCall, (route) =>
      route.fulfill({
        json: {
          ok: false,
          error: { code: 'LDIF_UNREADABLE', message: 'The demo company could not be read from the resources folder.' },
        },
      }),
    );
    await openApp();
    await page.getByRole('button', { name: 'Explore the demo domain' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The demo domain could not be opened');
    await expect(alert).toContainText('Error code: LDIF_UNREADABLE');
    await expect(page.getByRole('group', { name: 'Demo domain' })).toHaveCount(0);

    await page.unroute(openDemoCall);
    await page.getByRole('button', { name: 'Explore the demo domain' }).click();
    await expect(page.getByRole('group', { name: 'Demo domain' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Current snapshot' })).toBeVisible();
  });
});
