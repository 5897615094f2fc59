import type { ConnectionProfile, SnapshotSummary } from '../../src/api/schemas';
import { expect, test, type E2eDc } from './dc-fixture';
import type { Page } from './harness/fixtures';
import type { Harness } from './harness/harness-server';
import { fillConnectionForm } from './seeded-profile';

const PROFILE = 'Corp test domain';

/** The value a definition list gives for `term` inside `scope`. */
const definitionOf = (scope: ReturnType<Page['locator']>, term: string) => scope.locator(`dt:text-is("${term}") + dd`);

async function latestSnapshot(harness: Harness): Promise<SnapshotSummary | null> {
  const reply = await harness.call('getLatestSnapshot', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as SnapshotSummary | null;
}

/** A profile for the seeded DC, saved straight through the core, with or without its password. */
async function saveProfile(harness: Harness, dc: E2eDc, withPassword: boolean): Promise<ConnectionProfile> {
  const reply = await harness.call('saveProfile', {
    name: PROFILE,
    host: dc.ip,
    caPem: dc.caPem,
    bindName: dc.adminUpn,
    ...(withPassword ? { savePassword: true, password: dc.adminPassword } : {}),
  });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as ConnectionProfile;
}

const scanDialog = (page: Page) => page.getByRole('alertdialog', { name: new RegExp(`“${PROFILE}”`) });

async function waitForScanEnd(page: Page, outcome: 'complete' | 'cancelled'): Promise<void> {
  await expect(page.getByRole('heading', { name: `Scan of “${PROFILE}” ${outcome}` })).toBeVisible({
    timeout: 60_000,
  });
}

test.describe('scanning a saved profile from the app', () => {
  test('a full scan fills the dashboard, then "Scan changes" reads only what changed', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    await fillConnectionForm(page, dc, PROFILE);
    await page.getByRole('checkbox', { name: "Remember the password in Warden's encrypted store" }).check();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText("The password is saved in Warden's encrypted store.")).toBeVisible();

    await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
    const empty = page.getByRole('region', { name: 'Nothing scanned yet' });
    const fullScan = empty.getByRole('button', { name: `Full scan of profile ${PROFILE}` });
    await saveScreenshot('scan-dashboard-before-first-scan');
    await fullScan.click();

    const dialog = scanDialog(page);
    await expect(dialog.getByRole('progressbar')).toBeVisible();
    // Taken while the scan runs, or just after it ended on a fast machine.
    await saveScreenshot('scan-progress');
    await waitForScanEnd(page, 'complete');
    const accounts = dc.facts.counts.totalAccounts.toLocaleString('en-US');
    await expect(definitionOf(dialog, 'Kind')).toHaveText('Full scan');
    await expect(definitionOf(dialog, 'Accounts')).toHaveText(accounts);
    await expect(definitionOf(dialog, 'Duration')).toHaveText(/\d s$/);
    await saveScreenshot('scan-full-summary');

    const first = await latestSnapshot(harness);
    expect(first).toMatchObject({ sourceKind: 'ldap', accountCount: dc.facts.counts.totalAccounts });
    const scanEvents = harness.progressEvents.filter((event) => event.operation === 'scanProfile');
    expect(scanEvents.map((event) => (event.progress as { phase: string }).phase)).toEqual(
      expect.arrayContaining(['connecting', 'accounts', 'groups', 'finishing']),
    );

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    // The dashboard re-read the store behind the dialog: the new snapshot is current.
    const card = page.getByRole('region', { name: 'Current snapshot' });
    await expect(definitionOf(card, 'Accounts')).toHaveText(accounts);
    await expect(definitionOf(card, 'Groups')).toHaveText(first?.groupCount.toLocaleString('en-US') ?? '');
    await expect(definitionOf(card, 'Base DN')).toHaveText(dc.baseDn);

    const scanChanges = card.getByRole('button', { name: `Scan changes of profile ${PROFILE}` });
    await saveScreenshot('scan-dashboard-after-full-scan');
    await scanChanges.click();
    await waitForScanEnd(page, 'complete');
    await expect(definitionOf(dialog, 'Kind')).toHaveText('Changes since the last snapshot');
    await expect(definitionOf(dialog, 'Accounts')).toHaveText(accounts);
    await expect(definitionOf(dialog, 'Changed accounts')).toHaveText(/^\d+$/);
    await expect(definitionOf(dialog, 'Removed objects')).toHaveText(/^\d+$/);
    await expect(dialog.getByText('Everything was read again')).toHaveCount(0);
    await saveScreenshot('scan-changes-summary');

    const second = await latestSnapshot(harness);
    expect(second?.id).not.toBe(first?.id);
    expect(second).toMatchObject({ accountCount: dc.facts.counts.totalAccounts });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(definitionOf(card, 'Accounts')).toHaveText(accounts);
  });

  test('cancelling a scan mid-way keeps the previous snapshot current', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await saveProfile(harness, dc, true);
    await openApp();

    // The first snapshot, from the profile list in Settings.
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const row = page.getByRole('table', { name: 'Connection profiles' }).getByRole('row').filter({ hasText: PROFILE });
    await expect(row).toBeVisible();
    await saveScreenshot('scan-settings-profiles');
    await row.getByRole('button', { name: `Full scan of profile ${PROFILE}` }).click();
    await waitForScanEnd(page, 'complete');
    await scanDialog(page).getByRole('button', { name: 'Close' }).click();
    const before = await latestSnapshot(harness);
    expect(before).not.toBeNull();

    await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
    const card = page.getByRole('region', { name: 'Current snapshot' });
    const finished = await definitionOf(card, 'Finished').textContent();
    // Freeze the DC the moment the scan reports its first accounts, before it asks for the next page: a
    // small domain is read in a moment, so the cancel must not race the scan's end.
    let frozen = false;
    const stopListening = harness.onProgress((event) => {
      if (frozen || event.operation !== 'scanProfile' || (event.progress as { phase: string }).phase !== 'accounts')
        return;
      frozen = true;
      dc.pause();
    });
    const dialog = scanDialog(page);
    try {
      await card.getByRole('button', { name: `Full scan of profile ${PROFILE}` }).click();
      await expect.poll(() => frozen, { timeout: 30_000 }).toBe(true);
      await expect(dialog.getByText('Cancelling keeps the previous snapshot current.')).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel scan' }).click();
      await waitForScanEnd(page, 'cancelled');
    } finally {
      stopListening();
      dc.resume();
    }
    await expect(dialog).toContainText('The previous snapshot stays current.');
    await saveScreenshot('scan-cancelled');

    expect((await latestSnapshot(harness))?.id).toBe(before?.id);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(definitionOf(card, 'Finished')).toHaveText(finished ?? '');
    await expect(definitionOf(card, 'Accounts')).toHaveText(dc.facts.counts.totalAccounts.toLocaleString('en-US'));
  });

  test('a profile without a saved password asks for it, again when it is refused, and never keeps it', async ({
    page,
    dc,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    await saveProfile(harness, dc, false);
    await openApp();
    const empty = page.getByRole('region', { name: 'Nothing scanned yet' });
    const fullScan = empty.getByRole('button', { name: `Full scan of profile ${PROFILE}` });
    const prompt = page.getByRole('dialog', { name: `Bind password for “${PROFILE}”` });
    const password = prompt.getByRole('textbox', { name: 'Password' });

    await fullScan.click();
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('used for this scan only');
    await expect(prompt.getByRole('button', { name: 'Scan' })).toBeDisabled();
    await saveScreenshot('scan-password-prompt');
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await expect(prompt).toBeHidden();
    expect(await latestSnapshot(harness)).toBeNull();

    await fullScan.click();
    await password.fill('not the password');
    await prompt.getByRole('button', { name: 'Scan' }).click();
    // Refused by the DC: the prompt comes back with the core's words and code, not a stack trace.
    const refusal = prompt.getByRole('alert');
    await expect(refusal).toBeVisible({ timeout: 30_000 });
    await expect(refusal).toHaveAttribute('data-error-code', 'INVALID_CREDENTIALS');
    await expect(refusal).not.toContainText(/\bat \S+ \(|\.ts:\d+/);
    await expect(password).toHaveValue('');
    await saveScreenshot('scan-password-refused');

    await password.fill(dc.adminPassword);
    await prompt.getByRole('button', { name: 'Scan' }).click();
    await waitForScanEnd(page, 'complete');
    await scanDialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(definitionOf(page.getByRole('region', { name: 'Current snapshot' }), 'Accounts')).toHaveText(
      dc.facts.counts.totalAccounts.toLocaleString('en-US'),
    );

    const profiles = await harness.call('listProfiles', {});
    expect(profiles).toMatchObject({ ok: true, value: [{ name: PROFILE, hasSavedPassword: false }] });
    expect(JSON.stringify(profiles)).not.toContain(dc.adminPassword);
  });

  test('a plain LDAP profile asks to confirm the clear-text password before every scan', async ({
    page,
    harness,
    openApp,
  }) => {
    // Port 1 on the loopback address: nothing listens, so a confirmed scan fails fast as unreachable.
    const saved = await harness.call('saveProfile', {
      name: PROFILE,
      host: '127.0.0.1',
      port: 1,
      transport: 'ldap',
      allowPlainLdap: true,
      bindName: 'svc-warden@corp.example.com',
    });
    expect(saved).toMatchObject({ ok: true });
    await openApp();
    const fullScan = page
      .getByRole('region', { name: 'Nothing scanned yet' })
      .getByRole('button', { name: `Full scan of profile ${PROFILE}` });
    const confirmation = page.getByRole('alertdialog', { name: 'Send the password in clear text?' });
    const prompt = page.getByRole('dialog', { name: `Bind password for “${PROFILE}”` });

    await fullScan.click();
    await expect(confirmation).toBeVisible();
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmation).toBeHidden();
    await expect(prompt).toBeHidden();

    await fullScan.click();
    await confirmation.getByRole('button', { name: 'Send in clear text' }).click();
    await prompt.getByRole('textbox', { name: 'Password' }).fill('a password');
    await prompt.getByRole('button', { name: 'Scan' }).click();
    const failure = scanDialog(page).getByRole('alert');
    await expect(failure).toBeVisible({ timeout: 20_000 });
    // Confirmed, the bind went to the network (and found nothing there) rather than being refused.
    await expect(failure).not.toHaveAttribute('data-error-code', 'PLAIN_LDAP_NOT_CONFIRMED');
    await expect(failure).toContainText('the previous snapshot stays current');
  });
});
