import { expect, test } from './dc-fixture';
import { unnamedControls } from './harness/unnamed-controls';
import { callValue, openAccount, scannedProfile } from './seeded-profile';

const ACCOUNT = 'op-warden';

test.describe('the exact last logon, from an account’s detail', () => {
  test('asks for the bind password the profile does not keep, then shows each DC’s lastLogon', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    const profile = await scannedProfile(harness, dc);
    // A second snapshot of the same source: the detail shows the account's usage in each.
    await callValue(harness, 'scanProfile', { profileId: profile.id, password: dc.adminPassword, incremental: true });

    await openApp();
    const detail = await openAccount(page, ACCOUNT);
    const usage = detail.getByRole('table', { name: `Usage of ${ACCOUNT} across snapshots` });
    await expect(usage.getByRole('row')).toHaveCount(3);
    await expect(usage.getByRole('row').nth(2)).toContainText(/Yes/);

    await detail.getByRole('button', { name: `Ask each domain controller for the last logon of ${ACCOUNT}` }).click();
    // The snapshot names its profile, so no profile is asked for; the profile keeps no password, so that is.
    await expect(detail.getByText(/Connection profile: Corp test domain/)).toBeVisible();
    await detail.getByLabel('Bind password').fill('not the password');
    await detail.getByRole('button', { name: 'Ask', exact: true }).click();
    const refused = detail.getByRole('alert').filter({ hasText: 'The domain controllers refused the password' });
    await expect(refused).toBeVisible({ timeout: 30_000 });
    await expect(refused).toContainText('the user name or password is wrong');

    await detail.getByLabel('Bind password').fill(dc.adminPassword);
    await detail.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(detail.getByText(/1 of 1 domain controller answered/)).toBeVisible({ timeout: 30_000 });
    const perDc = detail.getByRole('table', { name: `lastLogon of ${ACCOUNT} on each domain controller` });
    await expect(perDc.getByRole('row')).toHaveCount(2);
    await expect(perDc.getByRole('row').nth(1)).toContainText(`${dc.ip}:636`);
    await expect(perDc.getByRole('row').nth(1)).not.toContainText('No answer');
    await expect(detail.getByText(/^Verdict (holds|changed)$/)).toBeVisible();
    expect(await unnamedControls(detail)).toEqual([]);
    await saveScreenshot('account-exact-last-logon');
    expect(harness.progressEvents.filter((event) => event.operation === 'queryExactLastLogon').length).toBeGreaterThan(
      0,
    );
  });
});
