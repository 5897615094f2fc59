import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';

const SECRET = 'remembered-e2e-password';

async function fillProfile(page: Page, name: string, host: string): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: 'Connect to a domain' }).click();
  await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Host', exact: true }).fill(host);
  await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill('svc-warden@corp.example.com');
}

test.describe('remembering the bind password', () => {
  test('is off by default, saves on request, is shown as saved in Settings and can be forgotten', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await fillProfile(page, 'Corp production', 'dc01.corp.example.com');
    const remember = page.getByRole('checkbox', { name: "Remember the password in Warden's encrypted store" });
    await expect(remember).not.toBeChecked();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(SECRET);
    await remember.check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText("The password is saved in Warden's encrypted store.")).toBeVisible();

    const listed = await harness.call('listProfiles', {});
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Corp production', hasSavedPassword: true }] });
    expect(JSON.stringify(listed)).not.toContain(SECRET);

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const row = page.getByRole('table', { name: 'Connection profiles' }).getByRole('row').filter({
      hasText: 'Corp production',
    });
    await expect(row).toContainText('Saved');
    await saveScreenshot('settings-profile-password-saved');

    // Editing shows the box ticked and the saved password offered for an empty field.
    await row.getByRole('button', { name: 'Edit profile Corp production' }).click();
    await expect(remember).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveAccessibleDescription(
      /A password is saved in this profile/,
    );
    await page.getByRole('button', { name: /Back to/ }).click();

    await row.getByRole('button', { name: 'Forget the saved password of profile Corp production' }).click();
    await expect(row).toContainText('Not saved');
    expect(await harness.call('listProfiles', {})).toMatchObject({ ok: true, value: [{ hasSavedPassword: false }] });
  });

  test('a profile saved without ticking the box keeps no password', async ({ page, harness, openApp }) => {
    await openApp();
    await fillProfile(page, 'Lab', 'dc1.lab.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(SECRET);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('The password was not saved.')).toBeVisible();
    expect(await harness.call('listProfiles', {})).toMatchObject({ ok: true, value: [{ hasSavedPassword: false }] });
  });
});

test.describe('plain LDAP', () => {
  test('asks a second time, on every test, before the password crosses the network in clear text', async ({
    page,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    // Port 1 on the loopback address: nothing listens, so a test that goes ahead fails fast as unreachable.
    await fillProfile(page, 'Lab', '127.0.0.1');
    await page.getByRole('spinbutton', { name: 'Port', exact: true }).fill('1');
    await page.getByRole('radio', { name: /Plain LDAP/ }).check();
    await page.getByRole('checkbox', { name: 'Send my password unencrypted' }).check();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a password');

    const testButton = page.getByRole('button', { name: 'Test connection' });
    const dialog = page.getByRole('alertdialog', { name: 'Send the password in clear text?' });
    await testButton.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('svc-warden@corp.example.com will cross the network to 127.0.0.1 in clear text');
    await saveScreenshot('plain-ldap-confirmation');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: 'Connection failed' })).toHaveCount(0);

    await testButton.click();
    await dialog.getByRole('button', { name: 'Send in clear text' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    // Confirmed, the bind went ahead to the network (and found nothing there), rather than being refused.
    await expect(alert).not.toHaveAttribute('data-error-code', 'PLAIN_LDAP_NOT_CONFIRMED');

    // Not remembered: the next test asks again.
    await testButton.click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
