import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from './harness/harness-server';
import { expect, test } from './harness/fixtures';

const WARNING =
  'This computer has no OS keystore that protects secrets (Linux "basic_text" backend): ' +
  'the database key cannot be protected for you. Choose a passphrase; you will enter it each time Warden starts.';

test.describe('locked store', () => {
  test.use({ harnessOptions: { keySource: { kind: 'ask-passphrase', warning: WARNING } } });

  test('asks for a passphrase, shows the warning and the length rule, then opens', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    // No store yet: the passphrase is being chosen, so it is asked twice.
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a passphrase' })).toBeVisible();
    await expect(page.getByText(WARNING)).toBeVisible();
    const create = page.getByRole('button', { name: 'Create encrypted store' });

    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('correct horse battery staple');
    await page.getByRole('textbox', { name: 'Confirm passphrase' }).fill('correct horse battery stapler');
    await create.click();
    await expect(page.getByRole('textbox', { name: 'Confirm passphrase' })).toHaveAccessibleDescription(
      /The two passphrases differ/,
    );
    expect(await harness.call('getAppInfo', {})).toMatchObject({ ok: true, value: { store: { state: 'locked' } } });

    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('too short');
    await page.getByRole('textbox', { name: 'Confirm passphrase' }).fill('too short');
    await create.click();
    const alert = page.getByRole('alert').filter({ hasText: 'The store did not open' });
    await expect(alert).toContainText('passphrase must be at least 12 characters');
    await expect(alert).toContainText('Error code: INVALID_INPUT');
    await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toHaveAccessibleDescription(
      /passphrase must be at least 12 characters/,
    );
    await saveScreenshot('unlock-too-short');

    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('correct horse battery staple');
    await page.getByRole('textbox', { name: 'Confirm passphrase' }).fill('correct horse battery staple');
    await create.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    expect(await harness.call('getAppInfo', {})).toMatchObject({
      ok: true,
      value: { store: { state: 'open', exists: true } },
    });

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const store = page.getByRole('region', { name: 'Encrypted store' });
    await expect(store).toContainText('Key derived from your passphrase');
    await expect(store).toContainText(WARNING);
  });

  test('a wrong passphrase for an existing store is refused in plain words', async ({ browser }) => {
    const dir = await mkdtemp(join(tmpdir(), 'warden-e2e-locked-'));
    const storePath = join(dir, 'warden.db');
    try {
      // First start: the passphrase creates the store.
      const first = await startHarness({
        storePath,
        keySource: { kind: 'passphrase', passphrase: 'the right passphrase' },
      });
      await first.close();

      const second = await startHarness({ storePath, keySource: { kind: 'ask-passphrase' } });
      const page = await browser.newPage();
      try {
        await page.addInitScript({ content: second.bridgeScript });
        await page.goto(second.url);
        // The store exists: one field, no confirmation.
        await expect(page.getByRole('heading', { level: 1, name: 'Unlock Warden' })).toBeVisible();
        await expect(page.getByRole('textbox', { name: 'Confirm passphrase' })).toHaveCount(0);
        await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('not the right one');
        await page.getByRole('button', { name: 'Unlock' }).click();
        const alert = page.getByRole('alert').filter({ hasText: 'The store did not open' });
        await expect(alert).toBeVisible();
        await expect(alert).not.toContainText('INTERNAL');
        await expect(page.getByRole('heading', { level: 1, name: 'Unlock Warden' })).toBeVisible();

        await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('the right passphrase');
        await page.getByRole('button', { name: 'Unlock' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      } finally {
        await page.close();
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
