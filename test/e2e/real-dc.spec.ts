import type { ConnectionProfile } from '../../src/api/schemas';
import { expect, test } from './dc-fixture';
import { fillConnectionForm } from './seeded-profile';

test.describe('against the seeded domain controller', () => {
  test('connects over LDAPS with the CA verified, counts every account, and saves the profile', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await fillConnectionForm(page, dc, 'Corp test domain');
    await page.getByRole('button', { name: 'Test connection' }).click();

    await expect(page.getByText('Connected', { exact: true })).toBeVisible({ timeout: 30_000 });
    const value = (term: string) => page.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
    await expect(value('Naming context')).toHaveText(dc.baseDn);
    await expect(value('Certificate verified')).toHaveText('Yes');
    await expect(value('Accounts counted')).toHaveText(dc.facts.counts.totalAccounts.toLocaleString('en-US'));
    await expect(value('Address')).toHaveText(`ldaps://${dc.ip}:636`);
    await saveScreenshot('real-dc-connected');

    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(async () => {
        const reply = await harness.call('listProfiles', {});
        return reply.ok
          ? (reply.value as ConnectionProfile[]).map((profile) => [profile.name, profile.host, profile.transport])
          : reply.error;
      })
      .toEqual([['Corp test domain', dc.ip, 'ldaps']]);
    const stored = await harness.call('listProfiles', {});
    // The password is used for the test and never stored.
    expect(JSON.stringify(stored)).not.toContain(dc.adminPassword);
  });

  test('a wrong password is refused by the DC in plain words', async ({ page, dc, openApp }) => {
    await openApp();
    await page.getByRole('main').getByRole('button', { name: 'Connect to a domain' }).click();
    await page.getByRole('textbox', { name: 'Host', exact: true }).fill(dc.ip);
    await page.getByRole('textbox', { name: 'CA certificate (PEM)' }).fill(dc.caPem);
    await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill(dc.adminUpn);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText(/password|credentials/i);
    await expect(alert).not.toContainText('INTERNAL');
  });
});
