import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';

const demoHrList = fileURLToPath(new URL('../../resources/demo/corp-demo-hr.csv', import.meta.url));

interface Figures {
  enabledAccounts: number;
  activeEmployees: number;
  imbalance: number;
  outcomes: Record<string, number>;
}

/** Opens the Reconciliation page, opens the demo from its empty state, and lands on "No HR list yet". */
async function openDemoReconciliation(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Reconciliation' }).click();
  const noSnapshot = page.getByRole('region', { name: 'No snapshot to reconcile yet' });
  await expect(noSnapshot).toBeVisible();
  await noSnapshot.getByRole('button', { name: 'Explore the demo domain' }).click();
  await expect(page.getByRole('region', { name: 'No HR list yet' })).toBeVisible();
}

async function chooseFile(page: Page, path: string): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: 'Import an HR employee list' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('HR employee list file').setInputFiles(path);
}

const tab = (page: Page, label: string) => page.getByRole('tab', { name: new RegExp(`^${label}: `) });

async function countOf(page: Page, label: string): Promise<number> {
  const name = (await tab(page, label).getAttribute('aria-label')) ?? '';
  return Number(name.slice(name.lastIndexOf(':') + 1).replace(/[^0-9]/g, ''));
}

/** Takes one decision about the first account of the table through its menu and dialog; returns the account. */
async function decideFirst(page: Page, table: string, action: string, reason: string): Promise<string> {
  const firstRow = page.getByRole('table', { name: table }).getByRole('row').nth(1);
  const account = (await firstRow.getByRole('cell').first().innerText()).trim();
  await firstRow.getByRole('button', { name: `Decide about ${account}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: `${action}: ${account}` });
  const record = dialog.getByRole('button', { name: 'Record decision' });
  await expect(record).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await record.click();
  await expect(dialog).toHaveCount(0);
  return account;
}

test.describe('HR list and reconciliation', () => {
  test('imports the demo HR list through the wizard, shows the buckets, and records decisions', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await page.getByRole('navigation').getByRole('button', { name: 'Reconciliation' }).click();
    await expect(page.getByRole('region', { name: 'No snapshot to reconcile yet' })).toBeVisible();
    await saveScreenshot('reconciliation-no-snapshot');
    await page.getByRole('button', { name: 'Explore the demo domain' }).click();
    const noList = page.getByRole('region', { name: 'No HR list yet' });
    await expect(noList).toBeVisible();
    await saveScreenshot('reconciliation-no-hr-list');

    await noList.getByRole('button', { name: 'Import an HR list' }).click();
    await chooseFile(page, demoHrList);

    // The preview: the columns detected from the demo's headers, and the first rows under them.
    const preview = page.getByRole('alertdialog', { name: 'Check the columns of corp-demo-hr.csv' });
    const column = (field: string) => preview.getByRole('combobox', { name: field, exact: true });
    await expect(column('Employee ID')).toHaveValue('Employee ID');
    await expect(column('E-mail')).toHaveValue('Work Email');
    await expect(column('First name')).toHaveValue('First Name');
    await expect(column('Last name')).toHaveValue('Last Name');
    await expect(column('Status')).toHaveValue('Status');
    await expect(column('End date')).toHaveValue('Termination Date');
    await expect(column('Display name').locator('option:checked')).toHaveText('Not in this file');
    await expect(preview.getByRole('combobox', { name: 'Dates are written' })).toHaveValue('auto');
    const rows = preview.getByRole('table', { name: 'First rows of the file' });
    await expect(rows).toContainText('E100001');
    await expect(rows).toContainText('cynthia.nowak@corp.example.test');
    // Job Title feeds nothing: it is not shown.
    await expect(rows).not.toContainText('Designer');
    expect(await unnamedControls(preview), 'unnamed controls in the preview').toEqual([]);
    await saveScreenshot('hr-import-preview');

    await preview.getByRole('button', { name: 'Import' }).click();
    const done = page.getByRole('alertdialog', { name: 'corp-demo-hr.csv imported' });
    await expect(done).toContainText('430 employees imported');
    const summary = (term: string) => done.locator(`dl[aria-label="Import summary"] dt:text-is("${term}") + dd`);
    await expect(summary('Rows read')).toHaveText('430');
    await expect(summary('Imported')).toHaveText('430');
    await expect(summary('Skipped')).toHaveText('0');
    await expect(done.getByRole('table', { name: 'Skipped rows' })).toHaveCount(0);
    await saveScreenshot('hr-import-result');
    await done.getByRole('button', { name: 'Done' }).click();

    // The figures are the core's, the buckets carry its counts.
    const reply = (await harness.call('getReconciliation', { limit: 1 })) as { ok: true; value: { figures: Figures } };
    const { figures } = reply.value;
    const figure = (term: string) => page.locator(`dl[aria-label="Headline figures"] dt:text-is("${term}") + dd`);
    await expect(figure('Enabled accounts')).toContainText(figures.enabledAccounts.toLocaleString('en-US'));
    await expect(figure('Active employees')).toContainText(figures.activeEmployees.toLocaleString('en-US'));
    await expect(figure('Imbalance')).toContainText(String(figures.imbalance));
    await expect(figure('NHI per human')).toContainText(': 1');
    for (const label of ['Matched', 'Leavers', 'Matched, disabled', 'No person', 'Employees without an account']) {
      expect(await countOf(page, label), `${label} count`).toBeGreaterThan(0);
    }
    expect(await countOf(page, 'Leavers')).toBe(figures.outcomes['leaver']);

    // Leavers come first: enabled accounts of people HR says have gone.
    const leavers = page.getByRole('table', { name: 'Leavers accounts' });
    await expect(leavers.getByRole('row')).toHaveCount((figures.outcomes['leaver'] ?? 0) + 1);
    await expect(leavers).toContainText('the person has left');
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the reconciliation').toEqual([]);
    await saveScreenshot('reconciliation-leavers');

    // An account with no person behind it, marked NHI: decided, nothing left to decide about it.
    await tab(page, 'No person').click();
    const none = page.getByRole('table', { name: 'No person accounts' });
    await expect(none.getByRole('row')).toHaveCount(51);
    await expect(page.getByRole('navigation', { name: 'Pages of accounts' })).toContainText(
      `1–50 of ${figures.outcomes['none']} accounts`,
    );
    const marked = await decideFirst(
      page,
      'No person accounts',
      'Mark NHI',
      'Batch job account, owned by the ERP team',
    );
    const markedRow = none.getByRole('row').filter({ hasText: marked }).first();
    await expect(markedRow).toContainText('Marked NHI');
    await expect(markedRow).toContainText('marked as a non-human identity');
    await expect(markedRow.getByRole('button', { name: `Decide about ${marked}` })).toHaveCount(0);
    await saveScreenshot('reconciliation-marked-nhi');

    // A probable match marked NHI moves out of Probable into No person.
    const probable = await countOf(page, 'Probable');
    const nhi = await countOf(page, 'No person');
    await tab(page, 'Probable').click();
    const moved = await decideFirst(page, 'Probable accounts', 'Mark NHI', 'Shared mailbox, not this person');
    await expect(tab(page, 'Probable')).toHaveAttribute('aria-label', `Probable: ${probable - 1}`);
    await expect(tab(page, 'No person')).toHaveAttribute('aria-label', `No person: ${nhi + 1}`);
    await expect(page.getByRole('table', { name: 'Probable accounts' })).not.toContainText(moved);
    const after = (await harness.call('getReconciliation', { outcome: 'none', limit: 10_000 })) as {
      ok: true;
      value: { accounts: { items: { samAccountName: string; decided: string | null }[] } };
    };
    expect(
      after.value.accounts.items.filter((item) => item.decided === 'nhi').map((item) => item.samAccountName),
    ).toEqual(expect.arrayContaining([marked, moved]));

    await tab(page, 'Employees without an account').click();
    await expect(page.getByRole('table', { name: 'Employees without an account' }).getByRole('row')).toHaveCount(
      (await countOf(page, 'Employees without an account')) + 1,
    );
  });

  test.describe('files with problems', () => {
    let folder = '';
    test.beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'warden-hr-'));
    });
    test.afterEach(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    test('invalid rows are skipped and listed with their row, column and value', async ({
      page,
      openApp,
      saveScreenshot,
    }) => {
      const file = join(folder, 'people.csv');
      await writeFile(
        file,
        [
          'Employee ID,First Name,Last Name,Work Email,Termination Date',
          'E1,Ada,Lovelace,ada@example.test,',
          'E2,Bob,Stone,bob@,',
          'E3,Cy,Young,cy@example.test,someday',
          'E1,Dup,Licate,dup@example.test,',
          'E5,Eve,Moss,eve@example.test,2024-01-31',
          '',
        ].join('\n'),
      );
      await openApp();
      await openDemoReconciliation(page);
      await page.getByRole('button', { name: 'Import an HR list' }).click();
      await chooseFile(page, file);
      await page
        .getByRole('alertdialog', { name: 'Check the columns of people.csv' })
        .getByRole('button', { name: 'Import' })
        .click();

      const done = page.getByRole('alertdialog', { name: 'people.csv imported' });
      await expect(done).toContainText('3 invalid rows were skipped; the other rows are now the current HR list.');
      const skipped = done.getByRole('table', { name: 'Skipped rows' });
      const rows = skipped.getByRole('row');
      await expect(rows).toHaveCount(4);
      await expect(rows.nth(1).getByRole('cell')).toHaveText(['3', 'Work Email', 'bob@', 'not an e-mail address']);
      await expect(rows.nth(2).getByRole('cell').nth(0)).toHaveText('4');
      await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('Termination Date');
      await expect(rows.nth(2).getByRole('cell').nth(2)).toHaveText('someday');
      await expect(rows.nth(2).getByRole('cell').nth(3)).toContainText('is not a date');
      await expect(rows.nth(3).getByRole('cell').nth(2)).toHaveText('E1');
      await expect(rows.nth(3).getByRole('cell').nth(3)).toContainText('already on row 2');
      await saveScreenshot('hr-import-row-errors');
      await done.getByRole('button', { name: 'Done' }).click();
      // The list with its two valid people is current: the page reconciles against it.
      await expect(page.getByRole('heading', { level: 1, name: 'Reconciliation' })).toBeVisible();
      await expect(page.getByText('against people.csv')).toBeVisible();
    });

    test('columns it cannot recognize are mapped by hand, and a file without one valid row changes nothing', async ({
      page,
      openApp,
      saveScreenshot,
    }) => {
      const renamed = join(folder, 'personal.csv');
      await writeFile(renamed, 'Kennung,Familie,Team\nP1,Lovelace,Research\nP2,Stone,Sales\n');
      const invalid = join(folder, 'broken.csv');
      await writeFile(invalid, 'Employee ID,Work Email,First Name\nE1,x@,Ann\nE2,y@,Ben\n');
      await openApp();
      await openDemoReconciliation(page);
      await page.getByRole('button', { name: 'Import an HR list' }).click();
      await chooseFile(page, renamed);

      const preview = page.getByRole('alertdialog', { name: 'Check the columns of personal.csv' });
      const problem = preview.getByRole('alert');
      await expect(problem).toContainText('These columns are not enough to import the file');
      await expect(problem).toContainText('Error code: MISSING_COLUMNS');
      await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled();
      await saveScreenshot('hr-import-missing-columns');

      await preview.getByRole('combobox', { name: 'Employee ID', exact: true }).selectOption('Kennung');
      await preview.getByRole('combobox', { name: 'Last name', exact: true }).selectOption('Familie');
      await expect(problem).toHaveCount(0);
      await expect(preview.getByRole('table', { name: 'First rows of the file' })).toContainText('Lovelace');
      await preview.getByRole('button', { name: 'Import' }).click();
      const done = page.getByRole('alertdialog', { name: 'personal.csv imported' });
      await expect(done).toContainText('2 employees imported');
      await done.getByRole('button', { name: 'Done' }).click();
      await expect(page.getByText('against personal.csv')).toBeVisible();

      await page.getByRole('button', { name: 'Import a new HR list' }).click();
      await chooseFile(page, invalid);
      await page
        .getByRole('alertdialog', { name: 'Check the columns of broken.csv' })
        .getByRole('button', { name: 'Import' })
        .click();
      const failed = page.getByRole('alertdialog', { name: 'broken.csv was not imported' });
      await expect(failed.getByRole('alert')).toContainText(
        'Nothing was imported; the previous HR list stays current.',
      );
      await expect(failed.getByRole('alert')).toContainText('Error code: NO_VALID_ROWS');
      await expect(failed).not.toContainText('    at ');
      await saveScreenshot('hr-import-failed');
      await failed.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByText('against personal.csv')).toBeVisible();
    });
  });
});
