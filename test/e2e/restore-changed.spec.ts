import type { Locator } from '@playwright/test';
import { Client } from 'ldapts';
import { DISABLED_OU, GROUPS_OU } from '../dc/company/layout';
import { UAC, hasFlag } from '../dc/company/uac';
import { directoryWriter, type DirectoryWriter, type WritableDc } from '../dc/directory-writer';
import { expect, test, type E2eDc } from './dc-fixture';
import { unnamedControls } from './harness/unnamed-controls';
import { openAccount, scannedProfile } from './seeded-profile';

/** Changed on the DC after its disable, restored from its detail. */
const CHANGED = 'svc-legacy-erp';
/** Left alone after its disable: its restore asks nothing more. */
const UNCHANGED = 'svc-iis-intranet';
/** Disabled together from the Actions page; only the first is changed afterwards. */
const BULK_CHANGED = 'svc-old-migration';
const BULK_UNCHANGED = 'bot-sharepoint-sync';
const VPN_USERS = `CN=VPN-Users,${GROUPS_OU}`;
const EDITED = 'Repointed to the new ERP by hand';
const REASON = 'INC-5120: ERP connector credentials exposed';

/** What a restore puts back, as the DC has it. */
interface DcAccount {
  dn: string;
  enabled: boolean;
  groups: string[];
  description: string | null;
}

function values(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

const adminOverLdaps = (dc: E2eDc): WritableDc => ({
  ldapsUrl: `ldaps://${dc.ip}:636`,
  caPem: dc.caPem,
  adminUpn: dc.adminUpn,
  adminPassword: dc.adminPassword,
});

/** Read straight from the DC over LDAPS, apart from Warden's own directory code. */
async function readOnDc(dc: E2eDc, samAccountName: string): Promise<DcAccount> {
  const admin = adminOverLdaps(dc);
  const client = new Client({ url: admin.ldapsUrl, tlsOptions: { ca: admin.caPem }, timeout: 10_000 });
  try {
    await client.bind(admin.adminUpn, admin.adminPassword);
    const { searchEntries } = await client.search(dc.baseDn, {
      scope: 'sub',
      filter: `(sAMAccountName=${samAccountName})`,
      attributes: ['userAccountControl', 'memberOf', 'description'],
    });
    const [entry] = searchEntries;
    if (entry === undefined || searchEntries.length !== 1) throw new Error(`${samAccountName} is not on the DC once`);
    const description = values(entry['description'])[0];
    return {
      dn: entry.dn,
      enabled: !hasFlag(Number(values(entry['userAccountControl'])[0]), UAC.ACCOUNTDISABLE),
      groups: values(entry['memberOf']).sort(),
      description: description ?? null,
    };
  } finally {
    await client.unbind();
  }
}

/** What an administrator does by hand after the disable: a new description and a group the account was never in. */
async function changeByHand(writer: DirectoryWriter, dn: string): Promise<void> {
  await writer.replace(dn, 'description', [EDITED]);
  await writer.addValues(VPN_USERS, 'member', [dn]);
}

/** One row of the differences table: account, field, what the containment left, what is there now. */
async function expectDifference(table: Locator, cells: [string, string, string, string]): Promise<void> {
  await expect(table.getByRole('row').filter({ hasText: cells[1] }).getByRole('cell')).toHaveText(cells);
}

const CONTAINED_STEPS = { disable: true, removeGroups: true, quarantineOu: DISABLED_OU };

test.describe('restoring over changes made on the DC since the disable', () => {
  let writer: DirectoryWriter;
  test.beforeEach(async ({ dc }) => {
    writer = await directoryWriter(adminOverLdaps(dc));
  });
  test.afterEach(async () => {
    await writer.close();
  });

  test('from the account detail: the differences first, nothing written until confirmed, then the recorded state', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(240_000);
    const profile = await scannedProfile(harness, dc);
    const original = await readOnDc(dc, CHANGED);
    expect(original.enabled).toBe(true);
    expect(original.groups).not.toEqual([]);
    expect(original.description).not.toBeNull();
    await openApp();

    // Disabled from its detail, out of every group and into the quarantine OU.
    let detail = await openAccount(page, CHANGED);
    await detail.getByRole('button', { name: `Disable ${CHANGED}…` }).click();
    const disable = page.getByRole('alertdialog', { name: `Disable ${CHANGED}` });
    await disable.getByRole('checkbox', { name: 'Remove from all groups' }).check();
    await disable.getByRole('checkbox', { name: 'Move to a quarantine OU' }).check();
    await disable.getByLabel('Quarantine OU (DN)').fill(DISABLED_OU);
    await disable.getByLabel('Reason').fill(REASON);
    await disable.getByLabel('Your password').fill(dc.adminPassword);
    await disable.getByRole('button', { name: 'Preview the plan' }).click();
    await disable.getByRole('button', { name: 'Confirm' }).click();
    await expect(
      disable
        .getByRole('table', { name: `Results of containing ${CHANGED}` })
        .getByRole('row')
        .filter({ hasText: CHANGED }),
    ).toContainText('done', { timeout: 30_000 });
    await disable.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(disable).toBeHidden();
    const contained = await readOnDc(dc, CHANGED);
    expect(contained).toMatchObject({ enabled: false, groups: [], description: original.description });
    expect(contained.dn.endsWith(`,${DISABLED_OU}`)).toBe(true);

    // Then someone changes it on the DC.
    await changeByHand(writer, contained.dn);
    const changed = await readOnDc(dc, CHANGED);
    expect(changed).toEqual({ ...contained, groups: [VPN_USERS], description: EDITED });

    await detail.getByRole('button', { name: `Restore ${CHANGED}…` }).click();
    let restore = page.getByRole('alertdialog', { name: `Restore ${CHANGED}` });
    const prior = restore.getByLabel(`Recorded prior state of ${CHANGED}`);
    await expect(prior).toContainText(original.dn);
    for (const group of original.groups) await expect(prior).toContainText(group);
    await restore.getByLabel('Your password').fill(dc.adminPassword);
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();

    // Asked first: each difference in words, what the containment left against what is there now.
    const differences = restore.getByRole('table', { name: 'Changes since the containment' });
    await expect(differences).toBeVisible({ timeout: 30_000 });
    await expect(restore).toContainText(`${CHANGED} was changed after Warden contained it, so it was left as it is.`);
    await expect(restore).not.toContainText('force');
    await expect(differences.getByRole('row')).toHaveCount(3);
    await expectDifference(differences, [CHANGED, 'Groups', '(none)', VPN_USERS]);
    await expectDifference(differences, [CHANGED, 'Description', original.description ?? '', EDITED]);
    // And what restoring over them puts back.
    await expect(prior).toContainText(original.dn);
    await expect(restore.getByRole('button', { name: 'Restore anyway' })).toBeVisible();
    expect(await unnamedControls(restore)).toEqual([]);
    await saveScreenshot('restore-changed-differences');
    expect(await readOnDc(dc, CHANGED), 'nothing is written before the confirmation').toEqual(changed);

    // Cancelled: the account stays as it is.
    await restore.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(restore).toBeHidden();
    expect(await readOnDc(dc, CHANGED), 'a cancelled restore writes nothing').toEqual(changed);

    // Again, and this time confirmed.
    await detail.getByRole('button', { name: `Restore ${CHANGED}…` }).click();
    restore = page.getByRole('alertdialog', { name: `Restore ${CHANGED}` });
    await restore.getByLabel('Your password').fill(dc.adminPassword);
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(restore.getByRole('table', { name: 'Changes since the containment' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(restore.getByRole('button', { name: 'Restore anyway' })).toBeDisabled();
    await restore.getByLabel('Your password').fill(dc.adminPassword);
    await restore.getByRole('button', { name: 'Restore anyway' }).click();
    const restored = restore.getByRole('table', { name: `Results of restoring ${CHANGED}` });
    await expect(restored.getByRole('row').filter({ hasText: CHANGED })).toContainText('done', { timeout: 30_000 });
    await expect(restored).toContainText('Move back: applied');
    await expect(restored).toContainText('Groups back: applied');
    await expect(restored).toContainText('Description and info back: applied');
    await expect(restored).toContainText('Enable: applied');
    await expect(restored).toContainText('Restored over changes made since the containment (groups, description).');
    await expect(restore.getByRole('table', { name: 'Changes since the containment' })).toBeHidden();
    expect(await unnamedControls(restore)).toEqual([]);
    await saveScreenshot('restore-changed-done');
    expect(await readOnDc(dc, CHANGED), 'the recorded prior state, on the DC').toEqual(original);
    await restore.getByRole('button', { name: 'Close', exact: true }).last().click();
    await detail.getByRole('button', { name: 'Close' }).first().click();
    await expect(detail).toBeHidden();

    // Nothing changed since this one's disable: the restore asks nothing more.
    const untouched = await readOnDc(dc, UNCHANGED);
    const contain = await harness.call('containAccounts', {
      profileId: profile.id,
      password: dc.adminPassword,
      reason: REASON,
      steps: CONTAINED_STEPS,
      filter: `samAccountName=${UNCHANGED}`,
    });
    if (!contain.ok) throw new Error(contain.error.message);
    expect(await readOnDc(dc, UNCHANGED)).toMatchObject({ enabled: false, groups: [] });
    detail = await openAccount(page, UNCHANGED);
    await detail.getByRole('button', { name: `Restore ${UNCHANGED}…` }).click();
    const plain = page.getByRole('alertdialog', { name: `Restore ${UNCHANGED}` });
    await plain.getByLabel('Your password').fill(dc.adminPassword);
    await plain.getByRole('button', { name: 'Restore', exact: true }).click();
    const plainResults = plain.getByRole('table', { name: `Results of restoring ${UNCHANGED}` });
    await expect(plainResults.getByRole('row').filter({ hasText: UNCHANGED })).toContainText('done', {
      timeout: 30_000,
    });
    await expect(plain.getByRole('table', { name: 'Changes since the containment' })).toHaveCount(0);
    await expect(plain.getByRole('button', { name: 'Restore anyway' })).toHaveCount(0);
    await expect(plainResults).not.toContainText('Restored over changes');
    expect(await unnamedControls(plain)).toEqual([]);
    await saveScreenshot('restore-unchanged-done');
    expect(await readOnDc(dc, UNCHANGED)).toEqual(untouched);
    await plain.getByRole('button', { name: 'Close', exact: true }).last().click();
    await detail.getByRole('button', { name: 'Close' }).first().click();

    // The audit log: two restores refused over the changes, then the one confirmed.
    await page.getByRole('navigation').getByRole('button', { name: 'Audit log' }).click();
    const entries = page.getByRole('table', { name: 'Audit log entries' });
    await page.getByLabel('Action').selectOption('kill-switch.restore');
    await page.getByLabel('Target').fill(CHANGED);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = entries.getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('refused');
    await expect(rows.nth(2)).toContainText('refused');
    await expect(rows.nth(3)).toContainText('done');
    await page.getByLabel('Target').fill(UNCHANGED);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('done');
    expect(await unnamedControls(page.getByRole('main'))).toEqual([]);
    await saveScreenshot('restore-changed-audit-log');
  });

  test('from the Actions page: the unchanged account is restored, the changed one waits for its confirmation', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(240_000);
    await scannedProfile(harness, dc);
    const originals = {
      changed: await readOnDc(dc, BULK_CHANGED),
      unchanged: await readOnDc(dc, BULK_UNCHANGED),
    };
    expect(originals.changed.groups).not.toEqual([]);
    await openApp();

    await page.getByRole('navigation').getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('textbox', { name: 'Filter' }).fill(`samAccountName=${BULK_CHANGED}|${BULK_UNCHANGED}`);
    await page.getByRole('button', { name: 'Show matching accounts' }).click();
    await page.getByRole('button', { name: 'Disable 2 accounts…' }).click();
    const bulk = page.getByRole('region', { name: 'Disable 2 accounts' });
    await bulk.getByRole('checkbox', { name: 'Remove from all groups' }).check();
    await bulk.getByRole('checkbox', { name: 'Move to a quarantine OU' }).check();
    await bulk.getByLabel('Quarantine OU (DN)').fill(DISABLED_OU);
    await bulk.getByLabel('Reason').fill(REASON);
    await bulk.getByLabel('Your password').fill(dc.adminPassword);
    await bulk.getByRole('button', { name: 'Preview the plan' }).click();
    await bulk.getByLabel('Type 2 to confirm the number of accounts').fill('2');
    await bulk.getByRole('button', { name: 'Confirm' }).click();
    await expect(bulk.getByText('2 accounts: 2 done.')).toBeVisible({ timeout: 60_000 });

    const contained = await readOnDc(dc, BULK_CHANGED);
    await changeByHand(writer, contained.dn);
    const changed = await readOnDc(dc, BULK_CHANGED);
    expect(changed).toMatchObject({ enabled: false, groups: [VPN_USERS], description: EDITED });

    await page.getByRole('button', { name: 'Restore these 2 accounts…' }).click();
    const form = page.getByRole('form', { name: 'Restore 2 accounts' });
    await form.getByLabel('Your password').fill(dc.adminPassword);
    await form.getByRole('button', { name: 'Restore', exact: true }).click();
    const results = page.getByRole('region', { name: 'Results of restoring 2 accounts' });
    await expect(results.getByText('2 accounts: 1 done, 1 refused.')).toBeVisible({ timeout: 60_000 });
    await expect(results.getByRole('row').filter({ hasText: BULK_CHANGED })).toContainText(
      'Guardrail: changed since its containment',
    );
    const differences = page.getByRole('table', { name: 'Changes since the containment' });
    await expect(differences.getByRole('row')).toHaveCount(3);
    await expectDifference(differences, [BULK_CHANGED, 'Groups', '(none)', VPN_USERS]);
    await expectDifference(differences, [BULK_CHANGED, 'Description', originals.changed.description ?? '', EDITED]);
    await expect(page.getByRole('main')).toContainText(
      `${BULK_CHANGED} was changed after Warden contained it, so it was left as it is.`,
    );
    expect(await unnamedControls(page.getByRole('main'))).toEqual([]);
    await saveScreenshot('restore-changed-bulk-differences');
    expect(await readOnDc(dc, BULK_UNCHANGED)).toEqual(originals.unchanged);
    expect(await readOnDc(dc, BULK_CHANGED), 'nothing is written before the confirmation').toEqual(changed);

    await form.getByLabel('Your password').fill(dc.adminPassword);
    await form.getByRole('button', { name: 'Restore anyway' }).click();
    await expect(
      page.getByRole('region', { name: 'Results of restoring 2 accounts' }).getByText('1 account: 1 done.'),
    ).toBeVisible({ timeout: 60_000 });
    await expect(differences).toHaveCount(0);
    await saveScreenshot('restore-changed-bulk-done');
    expect(await readOnDc(dc, BULK_CHANGED), 'the recorded prior state, on the DC').toEqual(originals.changed);
  });
});
