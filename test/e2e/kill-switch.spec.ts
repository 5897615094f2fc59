import { expect, test } from './dc-fixture';
import { unnamedControls } from './harness/unnamed-controls';
import { openAccount, scannedProfile } from './seeded-profile';

const SERVICE_ACCOUNT = 'svc-invoice-sync';
const BULK_FILTER = 'samAccountName=svc-backup01|svc-monitoring';
const REASON = 'INC-4711: token leaked';

test.describe('the kill switch screens, against the seeded domain controller', () => {
  test('disables and restores an account, refuses krbtgt, disables a filter in bulk and verifies the audit log', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(240_000);
    await scannedProfile(harness, dc);
    await openApp();

    // One account, from its detail.
    let detail = await openAccount(page, SERVICE_ACCOUNT);
    await detail.getByRole('button', { name: `Disable ${SERVICE_ACCOUNT}…` }).click();
    const disable = page.getByRole('alertdialog', { name: `Disable ${SERVICE_ACCOUNT}` });
    await expect(disable).toBeVisible();
    await expect(disable).toContainText(
      'Kerberos tickets issued before the disable stay valid until they expire (up to 10 hours by default)',
    );
    await expect(disable.getByRole('checkbox', { name: 'Disable the account' })).toBeChecked();
    // The profile is LDAPS: a random password is offered.
    await expect(disable.getByRole('checkbox', { name: /Set a random password/ })).not.toBeChecked();
    await disable.getByLabel('Reason').fill(REASON);
    await disable.getByLabel('Your password').fill(dc.adminPassword);
    expect(await unnamedControls(disable)).toEqual([]);
    await saveScreenshot('kill-switch-disable-dialog');
    await disable.getByRole('button', { name: 'Preview the plan' }).click();
    const planned = disable.getByRole('table', { name: 'Planned accounts' });
    await expect(planned).toBeVisible({ timeout: 30_000 });
    await expect(planned.getByRole('row').filter({ hasText: SERVICE_ACCOUNT })).toContainText('will change');
    await saveScreenshot('kill-switch-disable-plan');
    await disable.getByRole('button', { name: 'Confirm' }).click();
    const results = disable.getByRole('table', { name: `Results of containing ${SERVICE_ACCOUNT}` });
    await expect(results).toBeVisible({ timeout: 30_000 });
    await expect(results.getByRole('row').filter({ hasText: SERVICE_ACCOUNT })).toContainText('done');
    // The snapshot is what the last scan read: the dialog says how to see the account disabled.
    await expect(disable).toContainText('use Scan changes on the Dashboard to see these accounts as they are now');
    await expect(results).toContainText('Disable: applied');
    await expect(disable).toContainText('Kerberos tickets issued before the disable stay valid');
    expect(await unnamedControls(disable)).toEqual([]);
    await saveScreenshot('kill-switch-disable-done');
    await disable.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(disable).toBeHidden();

    // The audit log now holds its containment: restore.
    await detail.getByRole('button', { name: `Restore ${SERVICE_ACCOUNT}…` }).click();
    const restore = page.getByRole('alertdialog', { name: `Restore ${SERVICE_ACCOUNT}` });
    const prior = restore.getByLabel(`Recorded prior state of ${SERVICE_ACCOUNT}`);
    await expect(prior).toContainText('Enabled');
    await expect(prior).toContainText('Yes');
    await restore.getByLabel('Your password').fill(dc.adminPassword);
    await saveScreenshot('kill-switch-restore-dialog');
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    const restored = restore.getByRole('table', { name: `Results of restoring ${SERVICE_ACCOUNT}` });
    await expect(restored.getByRole('row').filter({ hasText: SERVICE_ACCOUNT })).toContainText('done', {
      timeout: 30_000,
    });
    await expect(restored).toContainText('Enable: applied');
    await saveScreenshot('kill-switch-restore-done');
    await restore.getByRole('button', { name: 'Close', exact: true }).last().click();
    await detail.getByRole('button', { name: 'Close' }).first().click();
    await expect(detail).toBeHidden();

    // A guardrail: krbtgt is refused, and the result names it.
    detail = await openAccount(page, 'krbtgt');
    await detail.getByRole('button', { name: 'Disable krbtgt…' }).click();
    const refuse = page.getByRole('alertdialog', { name: 'Disable krbtgt' });
    await refuse.getByLabel('Reason').fill('guardrail check');
    await refuse.getByLabel('Your password').fill(dc.adminPassword);
    await refuse.getByRole('button', { name: 'Preview the plan' }).click();
    await expect(refuse.getByRole('table', { name: 'Planned accounts' })).toContainText('refused: krbtgt account', {
      timeout: 30_000,
    });
    await refuse.getByRole('button', { name: 'Confirm' }).click();
    const refusedRow = refuse
      .getByRole('table', { name: 'Results of containing krbtgt' })
      .getByRole('row')
      .filter({ hasText: 'krbtgt' });
    await expect(refusedRow).toContainText('refused', { timeout: 30_000 });
    await expect(refusedRow).toContainText('Guardrail: krbtgt account');
    await saveScreenshot('kill-switch-refused');
    await refuse.getByRole('button', { name: 'Close', exact: true }).last().click();
    await detail.getByRole('button', { name: 'Close' }).first().click();

    // In bulk, from the Actions page: the count is typed to confirm.
    await page.getByRole('navigation').getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('textbox', { name: 'Filter' }).fill(BULK_FILTER);
    await page.getByRole('button', { name: 'Show matching accounts' }).click();
    await expect(page.getByText('2 accounts match', { exact: false })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Matching accounts' }).getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: 'Disable 2 accounts…' }).click();
    const bulk = page.getByRole('region', { name: 'Disable 2 accounts' });
    await bulk.getByLabel('Reason').fill('leaver review');
    await bulk.getByLabel('Your password').fill(dc.adminPassword);
    await bulk.getByRole('button', { name: 'Preview the plan' }).click();
    const count = bulk.getByLabel('Type 2 to confirm the number of accounts');
    await expect(count).toBeVisible({ timeout: 30_000 });
    await expect(bulk.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await count.fill('2');
    await bulk.getByRole('button', { name: 'Confirm' }).click();
    await expect(bulk.getByText('2 accounts: 2 done.')).toBeVisible({ timeout: 60_000 });
    const bulkResults = bulk.getByRole('table', { name: 'Results of containing 2 accounts' });
    await expect(bulkResults.getByRole('row')).toHaveCount(3);
    await bulk.getByRole('combobox', { name: 'Show' }).selectOption('refused');
    await expect(bulkResults.getByRole('row')).toHaveCount(1);
    await bulk.getByRole('combobox', { name: 'Show' }).selectOption('all');
    expect(await unnamedControls(page.getByRole('main'))).toEqual([]);
    await saveScreenshot('kill-switch-bulk-done');

    await page.getByRole('button', { name: 'Restore these 2 accounts…' }).click();
    await page.getByLabel('Your password').fill(dc.adminPassword);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(
      page.getByRole('region', { name: 'Results of restoring 2 accounts' }).getByText('2 accounts: 2 done.'),
    ).toBeVisible({ timeout: 60_000 });
    await saveScreenshot('kill-switch-bulk-restored');

    // The audit log: every account of every action, and the chain holds.
    await page.getByRole('navigation').getByRole('button', { name: 'Audit log' }).click();
    const entries = page.getByRole('table', { name: 'Audit log entries' });
    await expect(entries).toBeVisible();
    await expect(entries.getByRole('row').filter({ hasText: 'kill-switch.contain' })).toHaveCount(4);
    await expect(entries.getByRole('row').filter({ hasText: 'kill-switch.restore' })).toHaveCount(3);
    await page.getByLabel('Action').selectOption('kill-switch.contain');
    await page.getByLabel('Target').fill(SERVICE_ACCOUNT);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(entries.getByRole('row')).toHaveCount(2);
    await expect(entries.getByRole('row').nth(1)).toContainText(REASON);
    await entries.getByRole('button', { name: /^Show the state before and after of entry/ }).click();
    await expect(entries.getByRole('region', { name: /^State before, entry/ })).toContainText('Yes');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Chain OK' })).toContainText('every hash checks out');
    expect(await unnamedControls(page.getByRole('main'))).toEqual([]);
    await saveScreenshot('kill-switch-audit-log');
  });
});
