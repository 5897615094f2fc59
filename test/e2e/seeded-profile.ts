import type { ConnectionProfile } from '../../src/api/schemas';
import { expect, type E2eDc } from './dc-fixture';
import type { Page } from './harness/fixtures';
import type { Harness } from './harness/harness-server';

/** A core operation's value; a failed reply fails the test with the operation's error. */
export async function callValue<T>(harness: Harness, operation: string, input: unknown): Promise<T> {
  const reply = await harness.call(operation, input);
  if (!reply.ok) throw new Error(`${operation} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** A saved LDAPS profile of the seeded DC (no password kept), scanned once so that the app has a snapshot. */
export async function scannedProfile(harness: Harness, dc: E2eDc): Promise<ConnectionProfile> {
  const profile = await callValue<ConnectionProfile>(harness, 'saveProfile', {
    name: 'Corp test domain',
    host: dc.ip,
    caPem: dc.caPem,
    bindName: dc.adminUpn,
  });
  await callValue(harness, 'scanProfile', { profileId: profile.id, password: dc.adminPassword });
  return profile;
}

/** Finds an account by name in the Inventory and opens its detail. */
export async function openAccount(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
  await page.getByRole('textbox', { name: 'Search' }).fill(name);
  await page.getByRole('button', { name: 'Apply search' }).click();
  await page.getByRole('table', { name: 'Accounts' }).getByRole('row').filter({ hasText: name }).first().click();
  const detail = page.getByRole('dialog', { name: `Account ${name}` });
  await expect(detail).toBeVisible();
  return detail;
}

/** Opens the connection form from the empty dashboard and fills it for the seeded DC as its administrator. */
export async function fillConnectionForm(page: Page, dc: E2eDc, profileName: string): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: 'Connect to a domain' }).click();
  await page.getByRole('textbox', { name: 'Profile name' }).fill(profileName);
  await page.getByRole('textbox', { name: 'Host', exact: true }).fill(dc.ip);
  await page.getByRole('textbox', { name: 'CA certificate (PEM)' }).fill(dc.caPem);
  await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill(dc.adminUpn);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(dc.adminPassword);
}
