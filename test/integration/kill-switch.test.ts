import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../src/cli/resources-dir';
import { close, type DirectoryConnection } from '../../src/directory';
import {
  containAccounts,
  listAuditLog,
  planContainment,
  restoreAccounts,
  verifyAuditLog,
  type AccountProgress,
  type ContainmentSteps,
} from '../../src/governance';
import { scanDirectory } from '../../src/inventory';
import { currentPolicy, savePolicy } from '../../src/risk';
import { openStore, type Store } from '../../src/store';
import { HELPDESK_OU, PEOPLE_OU } from '../dc/company/layout';
import { directoryWriter, type DirectoryWriter } from '../dc/directory-writer';
import { adminLdapsTarget, BIND_ACCOUNTS, startTestDc, type TestDc } from '../dc/test-dc';
import { runCli } from '../unit/cli/cli-harness';
import {
  adminConnection,
  bindFailure,
  createGroup,
  createOu,
  createUser,
  exists,
  KS_OU,
  QUARANTINE_OU,
  readAttribute,
  targetAs,
  type CreatedUser,
} from './kill-switch-fixtures';

const PASSPHRASE = 'kill switch passphrase';
const BULK_INSIDE = 195;
const BULK_OUTSIDE = 5;

let dc: TestDc;
let dir: string;
let store: Store;
let writer: DirectoryWriter;
let admin: DirectoryConnection;
let groups: { readers: string; writers: string; extra: string };
let users: Record<'victim' | 'idem' | 'changed' | 'breakGlass' | 'password' | 'cli' | 'plan', CreatedUser>;
let bulkInside: CreatedUser[];
let bulkOutside: string[];

const steps = (overrides: Partial<ContainmentSteps> = {}): ContainmentSteps => ({
  disable: true,
  resetPassword: false,
  removeGroups: false,
  quarantineOu: null,
  stamp: false,
  ...overrides,
});

function contain(
  bindAs: { bindName: string; password: string },
  references: string[],
  options: {
    steps?: ContainmentSteps;
    confirmCount?: number;
    reason?: string;
    onProgress?: (p: AccountProgress) => void;
  } = {},
) {
  return containAccounts({
    store,
    resourcesDir: RESOURCES_DIR,
    target: targetAs(dc, bindAs.bindName),
    password: bindAs.password,
    actor: 'kill-switch-test',
    reason: options.reason ?? 'suspected compromise (test)',
    steps: options.steps ?? steps(),
    selection: { references },
    ...(options.confirmCount === undefined ? {} : { confirmCount: options.confirmCount }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
}

function restore(references: string[], force = false) {
  return restoreAccounts({
    store,
    target: adminLdapsTarget(dc),
    password: dc.adminPassword,
    actor: 'kill-switch-test',
    references,
    force,
  });
}

const asAdmin = (): { bindName: string; password: string } => ({ bindName: dc.adminUpn, password: dc.adminPassword });
const asHelpdesk = { bindName: BIND_ACCOUNTS.helpdesk.userPrincipalName, password: BIND_ACCOUNTS.helpdesk.password };
const asOperator = { bindName: BIND_ACCOUNTS.operator.userPrincipalName, password: BIND_ACCOUNTS.operator.password };

beforeAll(async () => {
  // Samba accepts the previous password for 60 minutes after a reset by default; the reset test needs it refused.
  dc = await startTestDc({ smbOptions: { 'old password allowed period': '0' } });
  dir = await mkdtemp(join(tmpdir(), 'warden-kill-switch-'));
  store = await openStore({
    path: join(dir, 'warden.db'),
    key: { kind: 'passphrase', passphrase: PASSPHRASE, scrypt: { logN: 10, r: 8, p: 1 } },
    create: true,
  });
  writer = await directoryWriter(dc);
  admin = await adminConnection(dc);

  await createOu(writer, KS_OU);
  await createOu(writer, QUARANTINE_OU);
  groups = {
    readers: await createGroup(writer, KS_OU, 'KS-App-Readers'),
    writers: await createGroup(writer, KS_OU, 'KS-App-Writers'),
    extra: await createGroup(writer, KS_OU, 'KS-Extra'),
  };
  const make = (sam: string, extra: { password?: string; groups?: string[]; description?: string } = {}) =>
    createUser(writer, admin, { parent: KS_OU, sam, ...extra });
  users = {
    victim: await make('ks-victim', {
      password: 'Victim!Known-2024',
      groups: [groups.readers, groups.writers],
      description: 'Batch job account',
    }),
    idem: await make('ks-idem', { groups: [groups.readers] }),
    changed: await make('ks-changed', { groups: [groups.readers] }),
    breakGlass: await make('ks-breakglass'),
    password: await make('ks-password', { password: 'Password!Known-2024' }),
    cli: await make('ks-cli', { groups: [groups.writers] }),
    plan: await make('ks-plan', { groups: [groups.readers] }),
  };
  bulkInside = [];
  for (let i = 1; i <= BULK_INSIDE; i++) {
    bulkInside.push(
      await createUser(writer, admin, { parent: HELPDESK_OU, sam: `ks-bulk-${String(i).padStart(3, '0')}` }),
    );
  }

  await scanDirectory({ target: adminLdapsTarget(dc), password: dc.adminPassword, store });
  const { policy } = await currentPolicy(store, RESOURCES_DIR);
  await savePolicy(store, { ...policy, breakGlass: [users.breakGlass.sam] }, 'kill-switch-test');
  // Seeded people outside the helpdesk's OU, enabled: what the helpdesk must be denied.
  const people = await store.assessment.accounts((await store.snapshots.latestComplete())?.id ?? '');
  bulkOutside = people
    .filter((account) => account.dn.endsWith(PEOPLE_OU) && ((account.userAccountControl ?? 2) & 2) === 0)
    .slice(0, BULK_OUTSIDE + 1)
    .map((account) => account.samAccountName);
}, 300_000);

afterAll(async () => {
  if (admin) await close(admin);
  await writer?.close();
  await store?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('containment and undo', () => {
  it('disables, strips groups, quarantines and stamps; the account can no longer bind (data 533)', async () => {
    const victim = users.victim;
    expect(await bindFailure(dc, victim.upn, victim.password ?? '')).toBeUndefined();

    const report = await contain(asAdmin(), [victim.sam], {
      steps: steps({ removeGroups: true, quarantineOu: QUARANTINE_OU, stamp: true }),
    });
    const [result] = report.results;
    expect(result).toMatchObject({ result: 'done', samAccountName: victim.sam });
    expect(result?.steps.map((step) => [step.step, step.status])).toEqual([
      ['disable', 'applied'],
      ['remove-groups', 'applied'],
      ['quarantine', 'applied'],
      ['stamp', 'applied'],
    ]);
    expect(result?.before).toMatchObject({ enabled: true, ou: KS_OU, description: 'Batch job account' });
    expect(result?.before?.groups).toHaveLength(2);
    expect(result?.after).toMatchObject({ enabled: false, ou: QUARANTINE_OU, groups: [] });
    expect(result?.after?.description).toContain('suspected compromise (test)');
    expect(result?.notes.join(' ')).toMatch(/primary group CN=Domain Users/);
    expect(report.notes.join(' ')).toMatch(/Kerberos tickets .* stay valid/);

    const failure = await bindFailure(dc, victim.upn, victim.password ?? '');
    expect(failure?.code).toBe('INVALID_CREDENTIALS');
    expect(failure?.details?.['adReasonCode']).toBe('533');
    expect(await exists(admin, `CN=${victim.sam},${QUARANTINE_OU}`)).toBe(true);
    expect(await readAttribute(admin, groups.readers, 'member')).not.toContain(`CN=${victim.sam},${QUARANTINE_OU}`);

    const [entry] = (await listAuditLog(store, { target: victim.sam, action: 'kill-switch.contain' })).entries;
    expect(entry).toMatchObject({
      actor: `kill-switch-test as ${dc.adminUpn}`,
      action: 'kill-switch.contain',
      target: victim.dn,
      reason: 'suspected compromise (test)',
      result: 'done',
      seq: result?.auditSeq,
    });
    expect(entry?.before).toMatchObject({ objectGuid: result?.objectGuid, groups: result?.before?.groups });
  });

  it('restores the recorded state: bind works again, groups, OU and description are back', async () => {
    const victim = users.victim;
    const report = await restore([victim.sam]);
    const [result] = report.results;
    expect(result?.result).toBe('done');
    expect(result?.steps.every((step) => step.status === 'applied')).toBe(true);
    expect(result?.after).toMatchObject({ enabled: true, dn: victim.dn, description: 'Batch job account', info: null });
    expect(result?.after?.groups.map((g) => g.toLowerCase()).sort()).toEqual(
      [groups.readers, groups.writers].map((g) => g.toLowerCase()).sort(),
    );
    expect(await bindFailure(dc, victim.upn, victim.password ?? '')).toBeUndefined();
    expect(await readAttribute(admin, groups.writers, 'member')).toContain(victim.dn);

    // Restoring again has nothing left to do.
    const again = await restore([victim.sam]);
    expect(again.results[0]).toMatchObject({ result: 'done', auditSeq: null });
    expect(again.results[0]?.message).toMatch(/already undone/);
  });

  it('a second disable is a no-op, reported as such, and still recorded', async () => {
    const first = await contain(asAdmin(), [users.idem.sam], { steps: steps({ removeGroups: true }) });
    expect(first.results[0]?.steps.map((step) => step.status)).toEqual(['applied', 'applied']);
    const second = await contain(asAdmin(), [users.idem.sam], { steps: steps({ removeGroups: true }) });
    const [result] = second.results;
    expect(result).toMatchObject({ result: 'done', message: 'Already contained: nothing to change.' });
    expect(result?.steps.map((step) => [step.step, step.status])).toEqual([
      ['disable', 'no-op'],
      ['remove-groups', 'no-op'],
    ]);
    expect(result?.auditSeq).toBeGreaterThan(first.results[0]?.auditSeq ?? 0);

    // The undo goes back to the state before the first containment, not the no-op's.
    const restored = await restore([users.idem.sam]);
    expect(restored.results[0]?.after).toMatchObject({ enabled: true, groups: [groups.readers] });
  });

  it('an undo over changes made since the containment lists them and needs force', async () => {
    const changed = users.changed;
    await contain(asAdmin(), [changed.sam], { steps: steps({ removeGroups: true }) });
    await writer.addValues(groups.extra, 'member', [changed.dn]);
    await writer.replace(changed.dn, 'description', ['edited by hand']);

    const refused = await restore([changed.sam]);
    const [result] = refused.results;
    expect(result?.result).toBe('refused');
    expect(result?.refusal?.guardrail).toBe('changed-since-containment');
    expect(result?.message).toBe(
      'Refused: The account changed since its containment (groups, description): restoring would overwrite that.',
    );
    expect(result?.refusal?.differences?.map((d) => d.field)).toEqual(['groups', 'description']);
    expect(result?.refusal?.differences?.[1]).toEqual({
      field: 'description',
      expected: '(empty)',
      actual: 'edited by hand',
    });
    expect(await readAttribute(admin, changed.dn, 'userAccountControl')).toEqual(['546']);

    const forced = await restore([changed.sam], true);
    expect(forced.results[0]?.result).toBe('done');
    expect(forced.results[0]?.after).toMatchObject({ enabled: true, groups: [groups.readers], description: null });
    expect(forced.results[0]?.notes).toContain(
      'Restored over changes made since the containment (groups, description).',
    );
    const [entry] = (await listAuditLog(store, { action: 'kill-switch.restore', target: changed.sam })).entries.slice(
      -1,
    );
    expect(entry?.after).toMatchObject({ forced: true });
  });

  it('a random password cuts off the old one, and is refused over plain LDAP', async () => {
    const account = users.password;
    const report = await contain(asAdmin(), [account.sam], { steps: steps({ disable: false, resetPassword: true }) });
    expect(report.results[0]?.steps).toEqual([
      { step: 'reset-password', status: 'applied', detail: 'set a random password nobody knows' },
    ]);
    const failure = await bindFailure(dc, account.upn, account.password ?? '');
    expect(failure?.details?.['adReasonCode']).toBe('52e');

    await expect(
      containAccounts({
        store,
        resourcesDir: RESOURCES_DIR,
        target: { ...adminLdapsTarget(dc), transport: 'ldap', allowPlainLdap: true, confirmPlainTextBind: true },
        password: dc.adminPassword,
        actor: 'kill-switch-test',
        reason: 'plain',
        steps: steps({ resetPassword: true }),
        selection: { references: [account.sam] },
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_NEEDS_ENCRYPTION' });
  });

  it('a dry run reads the plan from AD and changes and records nothing', async () => {
    const before = (await listAuditLog(store)).entries.length;
    const plan = await planContainment({
      store,
      resourcesDir: RESOURCES_DIR,
      target: adminLdapsTarget(dc),
      password: dc.adminPassword,
      actor: 'kill-switch-test',
      reason: 'dry run',
      steps: steps({ removeGroups: true, quarantineOu: QUARANTINE_OU }),
      selection: { references: [users.plan.sam, 'krbtgt'] },
    });
    expect(plan.confirmCount).toBe(2);
    expect(plan.accounts[0]?.state).toMatchObject({ enabled: true, groups: [groups.readers] });
    expect(plan.accounts[0]?.steps.map((step) => [step.step, step.noOp])).toEqual([
      ['disable', false],
      ['remove-groups', false],
      ['quarantine', false],
    ]);
    expect(plan.accounts[1]?.refusal?.guardrail).toBe('krbtgt');
    expect(await readAttribute(admin, users.plan.dn, 'userAccountControl')).toEqual(['544']);
    expect((await listAuditLog(store)).entries.length).toBe(before);
  });
});

describe('guardrails', () => {
  it('refuses krbtgt, the built-in Administrator and a break-glass account, and records the refusals', async () => {
    const report = await contain(asAdmin(), ['krbtgt', 'Administrator', users.breakGlass.sam], { confirmCount: 3 });
    expect(report.results.map((result) => [result.samAccountName, result.result, result.refusal?.guardrail])).toEqual([
      ['krbtgt', 'refused', 'krbtgt'],
      ['Administrator', 'refused', 'built-in-administrator'],
      [users.breakGlass.sam, 'refused', 'break-glass'],
    ]);
    expect(report.results.every((result) => result.steps.length === 0 && result.auditSeq !== null)).toBe(true);
    expect(await bindFailure(dc, dc.adminUpn, dc.adminPassword)).toBeUndefined();
    expect(await readAttribute(admin, users.breakGlass.dn, 'userAccountControl')).toEqual(['544']);
  });

  it("refuses the operator's own account", async () => {
    const report = await contain(asOperator, [BIND_ACCOUNTS.operator.sAMAccountName]);
    expect(report.results[0]).toMatchObject({ result: 'refused', refusal: { guardrail: 'operator-account' } });
    expect(await bindFailure(dc, asOperator.bindName, asOperator.password)).toBeUndefined();
  });

  it('refuses a bulk action without the exact count, before touching anything', async () => {
    const refs = [users.plan.sam, users.cli.sam];
    await expect(contain(asAdmin(), refs)).rejects.toMatchObject({ code: 'CONFIRM_COUNT_REQUIRED' });
    await expect(contain(asAdmin(), refs, { confirmCount: 3 })).rejects.toMatchObject({
      code: 'CONFIRM_COUNT_MISMATCH',
    });
    await expect(contain(asAdmin(), [users.plan.sam], { reason: '  ' })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    expect(await readAttribute(admin, users.plan.dn, 'userAccountControl')).toEqual(['544']);
  });
});

describe('delegated rights', () => {
  it('the helpdesk is denied outside OU=Helpdesk-Managed, in plain words, and the denial is recorded', async () => {
    const outside = bulkOutside[BULK_OUTSIDE] ?? '';
    const report = await contain(asHelpdesk, [outside]);
    const [result] = report.results;
    expect(result?.result).toBe('denied');
    expect(result?.message).toMatch(/insufficient access rights \(LDAP 50/);
    expect(result?.message).toContain(BIND_ACCOUNTS.helpdesk.userPrincipalName);
    expect(result?.steps[0]).toMatchObject({
      step: 'disable',
      status: 'denied',
      error: { code: 'INSUFFICIENT_ACCESS' },
    });
    const [entry] = (await listAuditLog(store, { target: outside })).entries;
    expect(entry).toMatchObject({ result: 'denied', seq: result?.auditSeq });
    expect(result?.after?.enabled).toBe(true);
  });

  it('a bulk action of 200 accounts reports each one: done inside the OU, denied outside', async () => {
    const outside = bulkOutside.slice(0, BULK_OUTSIDE);
    const references = [
      ...bulkInside.slice(0, 100).map((u) => u.sam),
      ...outside,
      ...bulkInside.slice(100).map((u) => u.sam),
    ];
    const progress: AccountProgress[] = [];
    const report = await contain(asHelpdesk, references, {
      confirmCount: BULK_INSIDE + BULK_OUTSIDE,
      onProgress: (event) => progress.push(event),
    });
    expect(report.results).toHaveLength(200);
    expect(progress).toHaveLength(200);
    expect(report.counts).toEqual({ done: BULK_INSIDE, refused: 0, denied: BULK_OUTSIDE, failed: 0 });
    const denied = report.results.filter((result) => result.result === 'denied').map((result) => result.samAccountName);
    expect(denied.sort()).toEqual([...outside].sort());
    expect(report.results.every((result) => result.auditSeq !== null)).toBe(true);
    expect(await readAttribute(admin, bulkInside[150]?.dn ?? '', 'userAccountControl')).toEqual(['546']);
  });
});

describe('the CLI', () => {
  it('disable, restore, audit list and audit verify', async () => {
    const ca = join(dir, 'ca.pem');
    await writeFile(ca, dc.caPem);
    const connection = [
      '--url',
      `ldaps://${dc.host}`,
      '--bind',
      dc.adminUpn,
      '--ca',
      ca,
      '--db',
      join(dir, 'warden.db'),
    ];
    const env = { WARDEN_DB_PASSPHRASE: PASSPHRASE, WARDEN_BIND_PASSWORD: dc.adminPassword };

    const noCount = await runCli(['disable', users.cli.sam, 'krbtgt', '--reason', 'cli', ...connection], env);
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toContain('--confirm-count 2');

    const refused = await runCli(
      ['disable', users.cli.sam, 'krbtgt', '--confirm-count', '2', '--reason', 'cli', ...connection],
      env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/done +ks-cli/);
    expect(refused.stdout).toMatch(/refused +krbtgt/);

    const restored = await runCli(['restore', users.cli.sam, '--json', ...connection], env);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ counts: { done: 1 } });

    const list = await runCli(
      ['audit', 'list', '--db', join(dir, 'warden.db'), '--target', users.cli.sam, '--json'],
      env,
    );
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { action: string }[]).map((entry) => entry.action)).toEqual([
      'kill-switch.contain',
      'kill-switch.restore',
    ]);

    const verify = await runCli(['audit', 'verify', '--db', join(dir, 'warden.db')], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intact/);
  });
});

describe('the audit log', () => {
  it('verify names the one entry changed behind its back', async () => {
    const entries = (await listAuditLog(store)).entries;
    const victim = entries.find((entry) => entry.action === 'kill-switch.contain' && entry.target === users.victim.dn);
    expect(victim).toBeDefined();
    const seq = victim?.seq ?? 0;
    expect(await verifyAuditLog(store)).toMatchObject({ ok: true, entries: entries.length });

    // The store refuses the change itself; someone with the key and the file can drop that guard.
    await expect(
      store.db.updateTable('audit_log').set({ reason: 'nothing to see here' }).where('seq', '=', seq).execute(),
    ).rejects.toMatchObject({ code: 'AUDIT_APPEND_ONLY' });
    await sql`DROP TRIGGER audit_log_no_update`.execute(store.db);
    await store.db.updateTable('audit_log').set({ reason: 'nothing to see here' }).where('seq', '=', seq).execute();
    const broken = await verifyAuditLog(store);
    expect(broken).toMatchObject({ ok: false, seq, problem: 'its content does not match its hash' });
    expect(broken.message).toContain(`#${seq}`);
    const cli = await runCli(['audit', 'verify', '--db', join(dir, 'warden.db'), '--json'], {
      WARDEN_DB_PASSPHRASE: PASSPHRASE,
    });
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, seq });

    await store.db
      .updateTable('audit_log')
      .set({ reason: victim?.reason ?? null })
      .where('seq', '=', seq)
      .execute();
    expect((await verifyAuditLog(store)).ok).toBe(true);
  });
});
