import { expect, test } from './dc-fixture';
import type { Page } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';
import { callValue, scannedProfile } from './seeded-profile';

/**
 * The kill switch from the Inventory: rows ticked by mouse and by keyboard,
 * or every account a filter matches, disabled through the same plan,
 * guardrails, typed count and results as a bulk action, then restored.
 */

const BY_MOUSE = 'svc-legacy-erp';
const BY_KEYBOARD = 'svc-iis-intranet';
const LEFT_ALONE = 'svc-old-migration';
const CONTAINED = 'svc-provisioning';
const REASON = 'INC-5120: SPN credentials found on a file share';

interface AccountsPage {
  total: number;
  rows: { samAccountName: string; enabled: boolean }[];
}

const accountsTable = (page: Page) => page.getByRole('table', { name: 'Accounts' });
const rowOf = (page: Page, name: string) =>
  accountsTable(page).locator('[role="row"][data-index]').filter({ hasText: name });
const boxOf = (page: Page, name: string) => accountsTable(page).getByRole('checkbox', { name: `Select ${name}` });
const matches = (count: number) =>
  count === 1 ? '1 account matches' : `${count.toLocaleString('en-US')} accounts match`;

async function applyExpression(page: Page, expression: string, count: number) {
  await page.getByRole('textbox', { name: 'Filter expression' }).fill(expression);
  await page.getByRole('button', { name: 'Apply filter expression' }).click();
  await expect(page.getByRole('status')).toHaveText(matches(count));
}

test.describe('disabling accounts selected in the Inventory, against the seeded domain controller', () => {
  test('ticks rows by mouse and Space, disables them, selects every match of a filter and refuses krbtgt', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(300_000);
    const profile = await scannedProfile(harness, dc);
    await openApp();
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    const disableSelected = (count: number) =>
      page.getByRole('button', { name: `Disable selected (${count.toLocaleString('en-US')})…` });
    await expect(disableSelected(0)).toHaveAttribute('aria-disabled', 'true');

    // Two service accounts: one ticked with the mouse, one with Space on its focused row.
    await applyExpression(page, `samAccountName=${BY_MOUSE}|${BY_KEYBOARD}|${LEFT_ALONE}`, 3);
    await boxOf(page, BY_MOUSE).click();
    await expect(boxOf(page, BY_MOUSE)).toBeChecked();
    // The click ticks the row without opening it, and the row keeps the keyboard.
    await expect(page.getByRole('dialog', { name: `Account ${BY_MOUSE}` })).toHaveCount(0);
    await expect(rowOf(page, BY_MOUSE)).toBeFocused();
    await rowOf(page, BY_KEYBOARD).focus();
    await page.keyboard.press('Space');
    await expect(boxOf(page, BY_KEYBOARD)).toBeChecked();
    await expect(boxOf(page, LEFT_ALONE)).not.toBeChecked();
    await expect(page.getByText('2 selected', { exact: true })).toBeVisible();
    await expect(page.getByText('Changing the filters clears the selection.')).toBeVisible();
    // Enter still opens the focused row, Esc closes it and gives the row back.
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: `Account ${BY_KEYBOARD}` });
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
    await expect(rowOf(page, BY_KEYBOARD)).toBeFocused();
    expect(await unnamedControls(page.getByRole('main')), 'unnamed controls with rows ticked').toEqual([]);
    await saveScreenshot('inventory-disable-selected');

    await disableSelected(2).click();
    const dialog = page.getByRole('alertdialog', { name: 'Disable 2 accounts' });
    await expect(dialog).toContainText('Kerberos tickets issued before the disable stay valid until they expire');
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByLabel('Your password').fill(dc.adminPassword);
    await dialog.getByRole('button', { name: 'Preview the plan' }).click();
    const planned = dialog.getByRole('table', { name: 'Planned accounts' });
    await expect(planned).toBeVisible({ timeout: 30_000 });
    await expect(planned.getByRole('row')).toHaveCount(3);
    for (const name of [BY_MOUSE, BY_KEYBOARD]) {
      await expect(planned.getByRole('row').filter({ hasText: name })).toContainText('will change');
    }
    const count = dialog.getByLabel('Type 2 to confirm the number of accounts');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await count.fill('2');
    expect(await unnamedControls(dialog), 'unnamed controls in the plan').toEqual([]);
    await saveScreenshot('inventory-disable-plan');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByText('2 accounts: 2 done.')).toBeVisible({ timeout: 60_000 });
    const results = dialog.getByRole('table', { name: 'Results of containing 2 accounts' });
    for (const name of [BY_MOUSE, BY_KEYBOARD]) {
      await expect(results.getByRole('row').filter({ hasText: name })).toContainText('done');
    }
    await saveScreenshot('inventory-disable-done');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(dialog).toBeHidden();
    // What was contained is no longer a selection to act on.
    await expect(disableSelected(0)).toBeVisible();

    // AD has them disabled: a scan of the changes brings that into the snapshot.
    await callValue(harness, 'scanProfile', { profileId: profile.id, password: dc.adminPassword, incremental: true });
    const after = await callValue<AccountsPage>(harness, 'listAssessedAccounts', {
      filter: `samAccountName=${BY_MOUSE}|${BY_KEYBOARD}|${LEFT_ALONE}`,
    });
    expect(Object.fromEntries(after.rows.map((row) => [row.samAccountName, row.enabled]))).toEqual({
      [BY_MOUSE]: false,
      [BY_KEYBOARD]: false,
      [LEFT_ALONE]: true,
    });

    // Undone from the Actions page, as the session's last bulk action.
    await page.getByRole('navigation').getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('button', { name: 'Restore these 2 accounts…' }).click();
    await page.getByLabel('Your password').fill(dc.adminPassword);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(
      page.getByRole('region', { name: 'Results of restoring 2 accounts' }).getByText('2 accounts: 2 done.'),
    ).toBeVisible({ timeout: 60_000 });

    // Every service account of the filter, read or not: the plan names them all.
    const services = await callValue<AccountsPage>(harness, 'listAssessedAccounts', {
      filter: 'type=service',
      limit: 1,
    });
    expect(services.total, 'more service accounts than the table reads at once').toBeGreaterThan(50);
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    await applyExpression(page, 'type=service', services.total);
    // Shift+click spans the rows between, those never drawn too; the ticks outlive the scroll back.
    const first = accountsTable(page).locator('[data-index="0"]');
    await first.getByRole('checkbox').click();
    await page.keyboard.press('End');
    const last = accountsTable(page).locator(`[data-index="${services.total - 1}"]`);
    await expect(last).toBeFocused();
    await expect(last).not.toHaveAttribute('aria-busy', 'true');
    await last.getByRole('checkbox').click({ modifiers: ['Shift'] });
    await expect(page.getByText(`${services.total.toLocaleString('en-US')} selected`, { exact: true })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(first).toBeFocused();
    await expect(first.getByRole('checkbox')).toBeChecked();
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await expect(disableSelected(0)).toBeVisible();
    await accountsTable(page)
      .getByRole('checkbox', { name: `Select all ${services.total.toLocaleString('en-US')} matching accounts` })
      .click();
    await expect(
      page.getByText(`${services.total.toLocaleString('en-US')} selected, every matching account`),
    ).toBeVisible();
    await saveScreenshot('inventory-disable-all-matching');
    await disableSelected(services.total).click();
    const all = page.getByRole('alertdialog', { name: `Disable ${services.total.toLocaleString('en-US')} accounts` });
    await all.getByLabel('Reason').fill('count check');
    await all.getByLabel('Your password').fill(dc.adminPassword);
    await all.getByRole('button', { name: 'Preview the plan' }).click();
    await expect(all.getByLabel(`Type ${services.total} to confirm the number of accounts`)).toBeVisible({
      timeout: 60_000,
    });
    await expect(all.getByRole('table', { name: 'Planned accounts' }).getByRole('row')).toHaveCount(services.total + 1);
    await all.getByRole('button', { name: 'Back' }).click();
    await all.getByRole('button', { name: 'Cancel' }).click();
    await expect(all).toBeHidden();

    // Another filter clears the selection; every match less one unticked, krbtgt among them, is refused by name.
    await applyExpression(page, `samAccountName=krbtgt|${CONTAINED}|${LEFT_ALONE}`, 3);
    await expect(disableSelected(0)).toBeVisible();
    await accountsTable(page).getByRole('checkbox', { name: 'Select all 3 matching accounts' }).click();
    await expect(boxOf(page, 'krbtgt')).toBeChecked();
    await boxOf(page, LEFT_ALONE).click();
    await expect(page.getByText('2 selected', { exact: true })).toBeVisible();
    await disableSelected(2).click();
    const guarded = page.getByRole('alertdialog', { name: 'Disable 2 accounts' });
    await guarded.getByLabel('Reason').fill('guardrail check');
    await guarded.getByLabel('Your password').fill(dc.adminPassword);
    await guarded.getByRole('button', { name: 'Preview the plan' }).click();
    const guardedPlan = guarded.getByRole('table', { name: 'Planned accounts' });
    await expect(guardedPlan.getByRole('row').filter({ hasText: 'krbtgt' })).toContainText('refused: krbtgt account', {
      timeout: 30_000,
    });
    await expect(guardedPlan.getByRole('row').filter({ hasText: CONTAINED })).toContainText('will change');
    await expect(guardedPlan).not.toContainText(LEFT_ALONE);
    await guarded.getByLabel('Type 2 to confirm the number of accounts').fill('2');
    await guarded.getByRole('button', { name: 'Confirm' }).click();
    await expect(guarded.getByText('2 accounts: 1 done, 1 refused.')).toBeVisible({ timeout: 60_000 });
    const refused = guarded
      .getByRole('table', { name: 'Results of containing 2 accounts' })
      .getByRole('row')
      .filter({ hasText: 'krbtgt' });
    await expect(refused).toContainText('refused');
    await expect(refused).toContainText('Guardrail: krbtgt account');
    await saveScreenshot('inventory-disable-refused');
    await guarded.getByRole('button', { name: 'Close', exact: true }).last().click();

    await page.getByRole('navigation').getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('button', { name: 'Restore these 1 account…' }).click();
    await page.getByLabel('Your password').fill(dc.adminPassword);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(
      page.getByRole('region', { name: 'Results of restoring 1 account' }).getByText('1 account: 1 done.'),
    ).toBeVisible({ timeout: 60_000 });
  });
});
