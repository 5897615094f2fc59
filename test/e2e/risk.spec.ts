import { expect, test, type Page } from './harness/fixtures';
import type { Harness } from './harness';
import { unnamedControls } from './harness/unnamed-controls';

type Tier = 'high' | 'medium' | 'low';
const TIER_LABELS: Record<Tier, string> = { high: 'High', medium: 'Medium', low: 'Low' };

interface Overview {
  snapshot: { id: string };
  summary: { byTier: Record<Tier, number>; accounts: number; byOwnerStatus: Record<string, number> };
}

/** What the core itself says, to hold the screen to. */
async function overviewOf(harness: Harness): Promise<Overview> {
  const reply = await harness.call('getRiskOverview', {});
  if (!reply.ok) throw new Error(`getRiskOverview failed: ${JSON.stringify(reply.error)}`);
  return reply.value as Overview;
}

const chart = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** The Risk tiers chart shows the core's counts, in its legend and in its accessible name. */
async function expectTiers(page: Page, byTier: Record<Tier, number>): Promise<void> {
  const tiers = chart(page, 'Risk tiers');
  for (const tier of ['high', 'medium', 'low'] as const) {
    const count = byTier[tier].toLocaleString('en-US');
    await expect(tiers.getByRole('button', { name: `${TIER_LABELS[tier]}: ${count}`, exact: true })).toBeVisible();
  }
  await expect(
    tiers.getByRole('img', {
      name: `Risk tiers: High ${byTier.high}, Medium ${byTier.medium}, Low ${byTier.low}`,
      exact: true,
    }),
  ).toBeVisible();
}

const drawer = (page: Page, account: string) => page.getByRole('dialog', { name: `Account ${account}` });

async function openAccount(page: Page, account: string): Promise<void> {
  await page.getByRole('table', { name: 'Accounts' }).getByRole('row').filter({ hasText: account }).first().click();
  await expect(drawer(page, account)).toBeVisible();
}

async function closeAccount(page: Page, account: string): Promise<void> {
  await drawer(page, account).getByRole('button', { name: 'Close' }).click();
  await expect(drawer(page, account)).toHaveCount(0);
}

test.describe('classification and risk', () => {
  test('dashboard charts, the inventory they open, an account’s detail, a type set by hand and the policy', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000);
    await openApp();
    await page
      .getByRole('region', { name: 'No domain connected yet' })
      .getByRole('button', { name: 'Explore the demo domain' })
      .click();
    await expect(page.getByRole('group', { name: 'Demo domain' })).toBeVisible();

    // The dashboard: the snapshot card as before, and the charts with the core's numbers.
    await expect(page.getByRole('region', { name: 'Current snapshot' })).toBeVisible();
    const before = await overviewOf(harness);
    expect(before.summary.accounts).toBe(604);
    expect(before.summary.byTier.high).toBeGreaterThan(0);
    await expectTiers(page, before.summary.byTier);
    for (const title of ['Account types', 'Last logon', 'Owner coverage', 'Accounts and employees', 'Risk over time']) {
      await expect(chart(page, title).getByRole('img', { name: new RegExp(`^${title}: `) })).toBeVisible();
    }
    const owners = chart(page, 'Owner coverage');
    await expect(
      owners.getByRole('button', { name: `No owner: ${before.summary.byOwnerStatus['missing']}` }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Risk over time, by snapshot' }).getByRole('row')).toHaveCount(2);
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the dashboard').toEqual([]);
    await saveScreenshot('risk-dashboard');

    // A click on the high segment opens the Inventory on the high-risk accounts.
    await chart(page, 'Risk tiers').locator('.recharts-pie-sector').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
    await expect(page.getByRole('toolbar', { name: 'Filters in force' })).toContainText('Risk: High');
    await expect(page.getByRole('status')).toHaveText(`${before.summary.byTier.high} accounts match`);
    const table = page.getByRole('table', { name: 'Accounts' });
    await expect(table.getByRole('row')).toHaveCount(before.summary.byTier.high + 1);
    await expect(table.getByRole('row').filter({ hasText: 'svc-sqlreport' })).toContainText('High · ');
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the inventory').toEqual([]);
    await saveScreenshot('risk-inventory');

    // svc-sqlreport reaches Domain Admins through two nested groups.
    await openAccount(page, 'svc-sqlreport');
    const detail = drawer(page, 'svc-sqlreport');
    await expect(detail.getByRole('list', { name: 'Privileged group paths' })).toContainText(
      'svc-sqlreport → App-Admins → Tier0-Admins → Domain Admins',
    );
    const finding = detail.getByRole('article', { name: 'Member of a domain-controlling group' });
    await expect(finding).toContainText('rule privileged-critical');
    await expect(finding).toContainText('Why it matters:');
    await expect(finding).toContainText('What to do:');
    await expect(detail.getByRole('definition').filter({ hasText: 'of 5' }).first()).toBeVisible();
    expect(await unnamedControls(detail), 'unnamed controls in the account detail').toEqual([]);
    await saveScreenshot('risk-account-detail');
    await closeAccount(page, 'svc-sqlreport');

    // atlas is an AI agent by the policy's patterns; set it a bot by hand, with a reason.
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.getByRole('search').getByRole('textbox', { name: 'Search' }).fill('atlas');
    await page.getByRole('button', { name: 'Apply search' }).click();
    await expect(page.getByRole('status')).toHaveText('1 account matches');
    await openAccount(page, 'atlas');
    const atlas = drawer(page, 'atlas');
    const type = atlas.getByRole('region', { name: 'Type' });
    await expect(type).toContainText('AI agent (non-human identity), decided by a pattern of the policy');
    await type.getByRole('button', { name: 'Change the type' }).click();
    const form = type.getByRole('form', { name: 'Change the type' });
    await form.getByRole('combobox', { name: 'Type' }).selectOption('bot');
    const saveType = form.getByRole('button', { name: 'Save the type' });
    await expect(saveType).toBeDisabled();
    await form.getByRole('textbox', { name: 'Reason' }).fill('Sends the nightly reports; no model behind it');
    await saveType.click();
    await expect(type).toContainText('Bot (non-human identity), decided by set by hand in Warden');
    await expect(type).toContainText('“Sends the nightly reports; no model behind it”');
    await closeAccount(page, 'atlas');
    await expect(page.getByRole('table', { name: 'Accounts' }).getByRole('row').nth(1)).toContainText('Bot');
    // It persists: read again, from the core and on screen.
    const atlasGuid = await page.evaluate(async () => {
      const reply = await window.warden.listAssessedAccounts({ search: 'atlas' });
      return reply.ok ? (reply.value.rows[0]?.objectGuid ?? '') : '';
    });
    expect(await harness.call('getAccountAssessment', { objectGuid: atlasGuid })).toMatchObject({
      ok: true,
      value: { account: { type: 'bot', typeDecidedBy: 'hand' }, metadata: { type: { value: 'bot' } } },
    });
    await openAccount(page, 'atlas');
    await expect(drawer(page, 'atlas').getByRole('region', { name: 'Type' })).toContainText('Bot (non-human identity)');
    await closeAccount(page, 'atlas');

    // The policy: a bad one is refused with its problems by place; a raised high threshold applies without a rescan.
    const afterType = await overviewOf(harness);
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Risk policy' });
    await expect(section).toContainText('In force: the bundled default policy.');
    const editor = section.getByRole('textbox', { name: 'Policy (JSON)' });
    const policy = JSON.parse(await editor.inputValue()) as { risk: { thresholds: { high: number; medium: number } } };
    const raised = Math.min(15, policy.risk.thresholds.high + 2);
    await editor.fill(JSON.stringify({ ...policy, risk: { ...policy.risk, thresholds: { high: 'ten', medium: 7 } } }));
    await section.getByRole('button', { name: 'Save policy' }).click();
    await expect(section.getByRole('alert')).toContainText('INVALID_POLICY');
    await expect(section.getByRole('list', { name: 'Problems in the policy' })).toContainText('risk.thresholds.high');
    await editor.fill(
      JSON.stringify(
        { ...policy, risk: { ...policy.risk, thresholds: { ...policy.risk.thresholds, high: raised } } },
        null,
        2,
      ),
    );
    await section.getByRole('button', { name: 'Save policy' }).click();
    await expect(section).toContainText('Policy saved: the accounts are scored with it now.');
    await expect(section).toContainText('In force: the policy saved by');
    await expect(section.getByRole('button', { name: 'Reset to defaults' })).toBeEnabled();
    expect(await unnamedControls(page.locator('body')), 'unnamed controls on the settings').toEqual([]);
    await saveScreenshot('risk-policy-editor');

    await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
    const after = await overviewOf(harness);
    expect(after.snapshot.id).toBe(before.snapshot.id);
    expect(after.summary.byTier.high).toBeLessThan(afterType.summary.byTier.high);
    await expectTiers(page, after.summary.byTier);
    await expect(page.getByRole('region', { name: 'Risk overview' })).toContainText('with the policy saved by');
  });

  test('the Inventory explains a bad filter expression and keeps its empty state without a snapshot', async ({
    page,
    openApp,
  }) => {
    await openApp();
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    const empty = page.getByRole('region', { name: 'No accounts inventoried yet' });
    await expect(empty).toBeVisible();
    await empty.getByRole('button', { name: 'Explore the demo domain' }).click();
    await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Filter expression' }).fill('type=robot');
    await page.getByRole('button', { name: 'Apply filter expression' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The filter expression could not be read');
    await expect(alert).toContainText('"robot" is not a value of type');
    await expect(alert).toContainText('Error code: INVALID_FILTER');

    await page.getByRole('textbox', { name: 'Filter expression' }).fill('type=ai-agent');
    await page.getByRole('button', { name: 'Apply filter expression' }).click();
    await expect(alert).toHaveCount(0);
    const rows = page.getByRole('table', { name: 'Accounts' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('AI agent');
    const count = await rows.count();
    for (let index = 1; index < count; index += 1) await expect(rows.nth(index)).toContainText('AI agent');

    // The keyboard opens an account too: Enter on its row.
    const first = rows.nth(1);
    const name = (await first.getByRole('cell').first().innerText()).split('\n')[0]?.trim() ?? '';
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(drawer(page, name)).toContainText('AI agent (non-human identity)');
    await page.keyboard.press('Escape');
    await expect(drawer(page, name)).toHaveCount(0);

    // Removing the chip shows every account again.
    await page
      .getByRole('toolbar', { name: 'Filters in force' })
      .getByRole('button', { name: 'Remove the filter Expression: type=ai-agent' })
      .click();
    await expect(page.getByRole('status')).toHaveText('604 accounts match');
    // The table holds all 604 (drawn as they scroll into view), plus its header row.
    await expect(page.getByRole('table', { name: 'Accounts' })).toHaveAttribute('aria-rowcount', '605');
  });
});
