import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';

const PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBszCCAVmgAwIBAgIUWardenTestCertificateOnlyForTheFormAAAAAwCgYIKoZIzj0EAwIw',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

async function openConnectionForm(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: 'Connect to a domain' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connect to a domain' })).toBeVisible();
}

test.describe('connection form', () => {
  test('a host the contract rejects shows its validation message, next to the field too', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await openConnectionForm(page);
    await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill('Corp production');
    await page.getByRole('textbox', { name: 'Host', exact: true }).fill('dc 01.corp.example.com');
    await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill('svc-warden@corp.example.com');
    await page.getByRole('button', { name: 'Save profile' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Profile not saved' });
    await expect(alert).toContainText('host must be a DNS name or IP address');
    await expect(alert).toContainText('Error code: INVALID_INPUT');
    await expect(page.getByRole('textbox', { name: 'Host', exact: true })).toHaveAccessibleDescription(
      /host must be a DNS name or IP address/,
    );
    expect(await harness.call('listProfiles', {})).toEqual({ ok: true, value: [] });
    await saveScreenshot('connection-form-invalid-host');
  });

  test('plain LDAP needs an explicit "send my password unencrypted"', async ({ page, harness, openApp }) => {
    await openApp();
    await openConnectionForm(page);
    const testButton = page.getByRole('button', { name: 'Test connection' });
    const save = page.getByRole('button', { name: 'Save profile' });
    await expect(page.getByRole('spinbutton', { name: 'Port', exact: true })).toHaveAttribute('placeholder', '636');

    await page.getByRole('radio', { name: /Plain LDAP/ }).check();
    await expect(page.getByText('Your password would cross the network unencrypted')).toBeVisible();
    expect(await unnamedControls(page.locator('body'))).toEqual([]);
    await expect(page.getByRole('spinbutton', { name: 'Port', exact: true })).toHaveAttribute('placeholder', '389');
    await expect(testButton).toBeDisabled();
    await expect(save).toBeDisabled();

    await page.getByRole('checkbox', { name: 'Send my password unencrypted' }).check();
    await expect(testButton).toBeEnabled();
    await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill('Lab');
    await page.getByRole('textbox', { name: 'Host', exact: true }).fill('dc1.lab.test');
    await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill('LAB\\reader');
    await save.click();
    await expect(page.getByText('Profile saved', { exact: true })).toBeVisible();
    const profiles = await harness.call('listProfiles', {});
    expect(profiles).toMatchObject({ ok: true, value: [{ name: 'Lab', transport: 'ldap', allowPlainLdap: true }] });
  });

  test('a saved profile is listed in Settings after a reload, can be edited and deleted', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await openConnectionForm(page);
    await page.getByRole('textbox', { name: 'Profile name', exact: true }).fill('Corp production');
    await page.getByRole('textbox', { name: 'Domain', exact: true }).fill('corp.example.com');
    await page.getByRole('textbox', { name: 'Host', exact: true }).fill('dc01.corp.example.com');
    await page.getByRole('radio', { name: /StartTLS/ }).check();
    await page
      .getByLabel('CA certificate file')
      .setInputFiles({ name: 'corp-ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(PEM) });
    await expect(page.getByRole('textbox', { name: 'CA certificate (PEM)', exact: true })).toHaveValue(PEM);
    await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill('svc-warden@corp.example.com');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('never stored');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved', { exact: true })).toBeVisible();
    await saveScreenshot('connection-form-saved');

    const saved = await harness.call('listProfiles', {});
    expect(saved).toMatchObject({
      ok: true,
      value: [{ name: 'Corp production', domain: 'corp.example.com', transport: 'starttls', caPem: PEM }],
    });
    expect(JSON.stringify(saved)).not.toContain('never stored');

    await page.reload();
    await expect(page.getByRole('region', { name: 'Nothing scanned yet' })).toContainText('Corp production');
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const table = page.getByRole('table', { name: 'Connection profiles' });
    const row = table.getByRole('row').filter({ hasText: 'Corp production' });
    await expect(row).toContainText('dc01.corp.example.com');
    await expect(row).toContainText('StartTLS, port 389');
    await saveScreenshot('settings-profiles-light');

    await row.getByRole('button', { name: 'Edit profile Corp production' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Edit connection profile/ })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Host', exact: true })).toHaveValue('dc01.corp.example.com');
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveValue('');
    await page.getByRole('textbox', { name: 'Host', exact: true }).fill('dc02.corp.example.com');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Back to Settings' }).click();
    await expect(row).toContainText('dc02.corp.example.com');
    expect(await harness.call('listProfiles', {})).toMatchObject({
      ok: true,
      value: [{ host: 'dc02.corp.example.com' }],
    });

    await row.getByRole('button', { name: 'Delete profile Corp production' }).click();
    const dialog = page.getByRole('alertdialog', { name: /Delete “Corp production”/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Delete profile Corp production' }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(table).toHaveCount(0);
    await expect(page.getByText('No connection profiles yet.')).toBeVisible();
    expect(await harness.call('listProfiles', {})).toEqual({ ok: true, value: [] });
  });

  test('a file that is not a PEM certificate is refused with an explanation', async ({ page, openApp }) => {
    await openApp();
    await openConnectionForm(page);
    await page.getByLabel('CA certificate file').setInputFiles({
      name: 'corp-ca.cer',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x30, 0x82, 0x01, 0x0a]),
    });
    await expect(page.getByText(/corp-ca\.cer is not a PEM certificate/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'CA certificate (PEM)', exact: true })).toHaveValue('');
  });
});
