import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test } from './dc-fixture';
import type { Page } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';
import { callValue, fillConnectionForm } from './seeded-profile';

/**
 * The console an administrator spends the quarterly audit in, against the
 * seeded domain controller: connect and scan from the app, then the
 * Inventory with its filters, an account's detail, saved views, the CSV
 * export and the keyboard, each screen kept as a screenshot.
 */

const PROFILE = 'Corp audit';
const VIEW = 'Non-human identities';
/** A value Excel would run as a formula if the export let it through (tags are kept in lower case). */
const FORMULA_TAG = '=hyperlink("http://example.invalid/x","open me")';

interface Summary {
  accounts: number;
  nhi: number;
}

const definitionOf = (scope: ReturnType<Page['locator']>, term: string) => scope.locator(`dt:text-is("${term}") + dd`);
const accountsTable = (page: Page) => page.getByRole('table', { name: 'Accounts' });
const dataRows = (page: Page) => accountsTable(page).locator('[role="row"][data-index]');
const status = (page: Page) => page.getByRole('status');
const matches = (count: number) =>
  count === 1 ? '1 account matches' : `${count.toLocaleString('en-US')} accounts match`;

async function waitForScan(page: Page, outcome: 'complete'): Promise<ReturnType<Page['locator']>> {
  const dialog = page.getByRole('alertdialog', { name: new RegExp(`“${PROFILE}”`) });
  await expect(page.getByRole('heading', { name: `Scan of “${PROFILE}” ${outcome}` })).toBeVisible({
    timeout: 90_000,
  });
  return dialog;
}

test.describe('the audit console against the seeded domain', () => {
  test('connect, scan, filter to the non-human identities, open one, export and save the view, by keyboard too', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(300_000);
    const total = dc.facts.counts.totalAccounts;
    const kinds = dc.facts.counts.byKind;
    await openApp();

    // Connect: the connection is tested (certificate verified) and saved with its password.
    await fillConnectionForm(page, dc, PROFILE);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Connected', { exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('checkbox', { name: "Remember the password in Warden's encrypted store" }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText("The password is saved in Warden's encrypted store.")).toBeVisible();
    await saveScreenshot('console-connection');

    // The header says there is nothing yet; a full scan from the dashboard fills it.
    const header = page.getByRole('region', { name: 'Snapshot in use' });
    await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
    await expect(header).toContainText('No snapshot yet');
    await page
      .getByRole('region', { name: 'Nothing scanned yet' })
      .getByRole('button', { name: `Full scan of profile ${PROFILE}` })
      .click();
    await expect(page.getByRole('alertdialog').getByRole('progressbar')).toBeVisible();
    await saveScreenshot('console-scan-progress');
    let dialog = await waitForScan(page, 'complete');
    await expect(definitionOf(dialog, 'Accounts')).toHaveText(total.toLocaleString('en-US'));
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The snapshot and its age stay in view on every page, with the incremental rescan one click away.
    await expect(header).toContainText(`${total.toLocaleString('en-US')} accounts`);
    await expect(header).toContainText('taken just now');
    await expect(header).not.toContainText('Demo');
    await saveScreenshot('console-dashboard');
    await header.getByRole('button', { name: `Scan changes from profile ${PROFILE}` }).click();
    dialog = await waitForScan(page, 'complete');
    await expect(definitionOf(dialog, 'Kind')).toHaveText('Changes since the last snapshot');
    await expect(definitionOf(dialog, 'Accounts')).toHaveText(total.toLocaleString('en-US'));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(header).toContainText('taken just now');

    // The Inventory: every account of the domain in one table, drawn as it scrolls.
    const summary = (await callValue<{ summary: Summary }>(harness, 'getRiskOverview', {})).summary;
    expect(summary.accounts).toBe(total);
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    await expect(status(page)).toHaveText(matches(total));
    await expect(accountsTable(page)).toHaveAttribute('aria-rowcount', String(total + 1));
    // Far fewer rows in the page than accounts: the table is virtualized.
    expect(await dataRows(page).count()).toBeLessThan(60);
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the inventory').toEqual([]);
    await saveScreenshot('console-inventory');

    // Keyboard: the arrows move the row focus, End reaches the last account (read when it comes into view).
    const firstRow = dataRows(page).first();
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await expect(accountsTable(page).locator('[data-index="1"]')).toBeFocused();
    await page.keyboard.press('End');
    const lastRow = accountsTable(page).locator(`[data-index="${total - 1}"]`);
    await expect(lastRow).toBeFocused();
    await expect(lastRow).toHaveAttribute('aria-rowindex', String(total + 1));
    await expect(lastRow).not.toHaveAttribute('aria-busy', 'true');
    await page.keyboard.press('Home');
    await expect(accountsTable(page).locator('[data-index="0"]')).toBeFocused();

    // The non-human identities: the core's count, at least every NHI the seed created, each row non-human.
    await page.getByRole('combobox', { name: 'Identity' }).selectOption({ label: 'Non-human' });
    await expect(status(page)).toHaveText(matches(summary.nhi));
    expect(summary.nhi).toBeGreaterThanOrEqual(kinds.service + kinds.bot + kinds['ai-agent'] + kinds.gmsa + kinds.smsa);
    for (const text of await dataRows(page).allInnerTexts()) expect(text).toContain('non-human');
    await page.getByRole('textbox', { name: 'Filter expression' }).fill('type=gmsa|smsa');
    await page.getByRole('button', { name: 'Apply filter expression' }).click();
    await expect(status(page)).toHaveText(matches(kinds.gmsa + kinds.smsa));
    await page
      .getByRole('toolbar', { name: 'Filters in force' })
      .getByRole('button', { name: 'Remove the filter Expression: type=gmsa|smsa' })
      .click();
    await expect(status(page)).toHaveText(matches(summary.nhi));
    await saveScreenshot('console-inventory-nhi');

    // Ctrl+F goes to the search box; svc-sqlreport opens with Enter and shows its way to Domain Admins; Esc closes.
    await page.keyboard.press('Control+f');
    const search = page.getByRole('search').getByRole('textbox', { name: 'Search' });
    await expect(search).toBeFocused();
    await page.keyboard.type('svc-sqlreport');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(matches(1));
    const sqlreport = dataRows(page).filter({ hasText: 'svc-sqlreport' });
    await sqlreport.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Account svc-sqlreport' });
    await expect(drawer.getByRole('list', { name: 'Privileged group paths' })).toContainText(
      'svc-sqlreport → App-Admins → Tier0-Admins → Domain Admins',
    );
    expect(await unnamedControls(drawer), 'unnamed controls in the account detail').toEqual([]);
    await saveScreenshot('console-account-detail');
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
    await expect(sqlreport).toBeFocused();

    // The group filter takes any group, members through nested groups included.
    await page.getByRole('button', { name: 'Remove the filter Text: “svc-sqlreport”' }).click();
    const group = page.getByRole('combobox', { name: 'Group' });
    await group.fill('Domain Admins');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('toolbar', { name: 'Filters in force' })).toContainText('Group: Domain Admins');
    await expect(dataRows(page).filter({ hasText: 'svc-sqlreport' })).toHaveCount(1);
    await saveScreenshot('console-inventory-group');
    await page.getByRole('button', { name: 'Remove the filter Group: Domain Admins' }).click();
    await expect(status(page)).toHaveText(matches(summary.nhi));

    // Columns: the DN and the tags join the table; the choice outlives a reload.
    await page.getByRole('button', { name: 'Columns' }).click();
    const columnsMenu = page.getByRole('menu');
    await columnsMenu.getByRole('menuitemcheckbox', { name: 'Distinguished name' }).click();
    await columnsMenu.getByRole('menuitemcheckbox', { name: 'Tags' }).click();
    expect(await unnamedControls(page.locator('body')), 'unnamed controls with the columns menu open').toEqual([]);
    await saveScreenshot('console-columns');
    await page.keyboard.press('Escape');
    const headers = accountsTable(page).getByRole('columnheader');
    await expect(headers).toContainText(['Account', 'Type', 'Risk', 'Usage', 'Owner', 'HR', 'Distinguished name']);
    await expect(headers.last()).toHaveText('Tags');

    // A formula in a value set by hand must reach Excel as text.
    const { rows } = await callValue<{ rows: { objectGuid: string }[] }>(harness, 'listAssessedAccounts', {
      search: 'svc-sqlreport',
    });
    await callValue(harness, 'setAccountMetadata', {
      objectGuid: rows[0]?.objectGuid,
      kind: 'tags',
      value: [FORMULA_TAG, 'reporting'],
      reason: 'Tag written as a spreadsheet formula, to check the export',
    });

    // Save the view in the encrypted store, then export it.
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save view…' }).click();
    const save = page.getByRole('dialog', { name: 'Save the view' });
    await save.getByRole('textbox', { name: 'View name' }).fill(VIEW);
    await saveScreenshot('console-save-view');
    await save.getByRole('button', { name: 'Save view' }).click();
    await expect(save).toHaveCount(0);
    await expect(page.getByRole('button', { name: `View: ${VIEW}` })).toBeVisible();
    const views = await callValue<{ name: string; criteria: unknown; columns: string[] }[]>(harness, 'listViews', {});
    expect(views).toMatchObject([{ name: VIEW, criteria: { isNhi: true } }]);
    expect(views[0]?.columns).toEqual(expect.arrayContaining(['dn', 'tags']));

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^warden-non-human-identities-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'sAMAccountName,Type,Risk,Score,Usage,Owner status,HR outcome,Distinguished name,Top finding,Evidence,Tags',
    );
    expect(lines.at(-1), 'the last record ends with CRLF').toBe('');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(summary.nhi);
    const exported = parsed.data.find((row) => row['sAMAccountName'] === 'svc-sqlreport');
    expect(exported).toMatchObject({ Type: 'service', Risk: 'high' });
    expect(exported?.['Tags']).toBe(`'${FORMULA_TAG}; reporting`);
    // On the wire: quoted (it holds quotes and a comma), quotes doubled, the apostrophe first.
    expect(lines.find((line) => line.startsWith('svc-sqlreport,'))).toContain(
      `"'=hyperlink(""http://example.invalid/x"",""open me"")`,
    );
    // A DN holds commas: it is quoted whole.
    const special = parsed.data.find((row) => row['Distinguished name']?.startsWith('CN=Build*)(Agent,'));
    expect(special?.['Distinguished name']).toBe(dc.facts.notable.specialCharacterAccount);
    await expect(page.getByText(`Exported ${summary.nhi.toLocaleString('en-US')} accounts to`)).toBeVisible();

    // After a reload: the columns are as chosen, and the saved view brings the filters back.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    await expect(status(page)).toHaveText(matches(total));
    await expect(accountsTable(page).getByRole('columnheader').last()).toHaveText('Tags');
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitemradio', { name: VIEW }).click();
    await expect(status(page)).toHaveText(matches(summary.nhi));
    await expect(page.getByRole('toolbar', { name: 'Filters in force' })).toContainText('Non-human identities');
    await saveScreenshot('console-saved-view');
    await page.getByRole('button', { name: `View: ${VIEW}` }).click();
    await page.getByRole('menuitem', { name: `Delete view “${VIEW}”…` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete view' }).click();
    await expect(page.getByRole('button', { name: 'Views' })).toBeVisible();
    expect(await callValue(harness, 'listViews', {})).toEqual([]);

    // Settings: the profile, with its scans, edit and delete; the header is there too.
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('table', { name: 'Connection profiles' })).toContainText(PROFILE);
    await expect(header).toContainText(`${total.toLocaleString('en-US')} accounts`);
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the settings').toEqual([]);
    await saveScreenshot('console-settings');
  });
});
