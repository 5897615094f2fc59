import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { ProfileInputSchema, type ConnectionProfile } from '../../api/schemas';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { localActor } from '../local-actor';
import type { ConnectionProfileRow, WardenDatabase } from '../schema';
import { sqliteCode } from '../sqlite-errors';
import { auditRepository } from './audit';
import { parseOrInvalid } from './validation';

export type ProfileSaveInput = z.input<typeof ProfileInputSchema>;

/** The server and account a saved password may be sent to. */
export interface BindIdentity {
  host: string;
  bindName: string;
}

export interface ProfilesRepository {
  /** All profiles, ordered by name (case-insensitively). */
  list(): Promise<ConnectionProfile[]>;
  get(id: string): Promise<ConnectionProfile | undefined>;
  /**
   * Creates the profile, or updates it when `id` names an existing one; saves,
   * keeps or forgets its bind password as `savePassword` says.
   */
  save(input: ProfileSaveInput): Promise<ConnectionProfile>;
  /** True when a profile was deleted. Its saved password goes with it. */
  delete(id: string): Promise<boolean>;
  /**
   * The bind password saved in a profile, for the core to bind with; only when
   * `target` is the host and account it was saved for, so it never reaches
   * another server or account. Profile reads never carry it.
   */
  savedPassword(id: string, target: BindIdentity): Promise<string | undefined>;
}

type PasswordClearedReason = 'forgotten' | 'host-or-bind-name-changed' | 'profile-deleted';

export function profilesRepository(db: Kysely<WardenDatabase>, clock: Clock): ProfilesRepository {
  const profileQuery = (from: Kysely<WardenDatabase>) =>
    from
      .selectFrom('connection_profiles')
      .leftJoin('profile_saved_passwords as saved', 'saved.profile_id', 'connection_profiles.id')
      .selectAll('connection_profiles')
      .select((eb) => eb('saved.profile_id', 'is not', null).as('has_saved_password'));

  const audit = (trx: Transaction<WardenDatabase>, action: string, profile: ConnectionProfileRow, reason?: string) =>
    // The secret itself is never part of an entry: which profile, server and account are enough to answer for it.
    auditRepository(trx, clock).append({
      actor: localActor(),
      action,
      target: profile.id,
      reason: reason ?? null,
      after: { profile: profile.name, host: profile.host, bindName: profile.bind_name },
      result: 'ok',
    });

  const clearPassword = async (
    trx: Transaction<WardenDatabase>,
    row: ConnectionProfileRow,
    why: PasswordClearedReason,
  ) => {
    const result = await trx.deleteFrom('profile_saved_passwords').where('profile_id', '=', row.id).executeTakeFirst();
    if (result.numDeletedRows > 0n) await audit(trx, 'profile.password.cleared', row, why);
  };

  return {
    async list() {
      const rows = await profileQuery(db)
        .orderBy('connection_profiles.name')
        .orderBy('connection_profiles.id')
        .execute();
      return rows.map((row) => toProfile(row, row.has_saved_password === 1));
    },

    async get(id) {
      const row = await profileQuery(db).where('connection_profiles.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toProfile(row, row.has_saved_password === 1);
    },

    async save(input) {
      const { savePassword, password, ...profile } = parseOrInvalid(ProfileInputSchema, input, 'connection profile');
      const now = clock().toISOString();
      const fields = {
        name: profile.name,
        domain: profile.domain,
        host: profile.host,
        port: profile.port ?? null,
        transport: profile.transport,
        allow_plain_ldap: profile.allowPlainLdap ? 1 : 0,
        ca_pem: profile.caPem ?? null,
        server_name: profile.serverName ?? null,
        bind_name: profile.bindName,
        base_dn: profile.baseDn ?? null,
        updated_at: now,
      } as const;
      try {
        // A deferred transaction whose first statement writes: it holds the write lock before the audit
        // log's last hash is read, so two writers cannot fork the chain.
        return await db.transaction().execute(async (trx) => {
          const row = await writeProfile(trx, profile.id, fields, now);
          const kept = await trx
            .selectFrom('profile_saved_passwords')
            .select(['host', 'bind_name'])
            .where('profile_id', '=', row.id)
            .executeTakeFirst();
          // A password is only ever sent to the server and account it was saved for.
          const stillValid = kept !== undefined && sameIdentity(kept, row);

          if (savePassword === false) {
            await clearPassword(trx, row, 'forgotten');
            return toProfile(row, false);
          }
          if (password !== undefined) {
            await trx
              .insertInto('profile_saved_passwords')
              .values({ profile_id: row.id, host: row.host, bind_name: row.bind_name, password, saved_at: now })
              .onConflict((conflict) =>
                conflict.column('profile_id').doUpdateSet({
                  host: row.host,
                  bind_name: row.bind_name,
                  password,
                  saved_at: now,
                }),
              )
              .execute();
            await audit(trx, 'profile.password.saved', row);
            return toProfile(row, true);
          }
          if (kept !== undefined && !stillValid) {
            if (savePassword === true) throw reenterPassword(row, kept);
            await clearPassword(trx, row, 'host-or-bind-name-changed');
            return toProfile(row, false);
          }
          if (savePassword === true && kept === undefined) throw reenterPassword(row, undefined);
          return toProfile(row, kept !== undefined);
        });
      } catch (error) {
        throw await duplicateNameOr(db, error, profile.name);
      }
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('connection_profiles').selectAll().where('id', '=', id).executeTakeFirst();
        if (row === undefined) return false;
        // Forgetting the password first makes the first statement a write (see save) and audits it.
        await clearPassword(trx, row, 'profile-deleted');
        const result = await trx.deleteFrom('connection_profiles').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },

    async savedPassword(id, target) {
      const row = await db
        .selectFrom('profile_saved_passwords')
        .select(['password', 'host', 'bind_name'])
        .where('profile_id', '=', id)
        .executeTakeFirst();
      if (row === undefined || !sameIdentity(row, { host: target.host, bind_name: target.bindName })) return undefined;
      return row.password;
    },
  };
}

type ProfileFields = Omit<ConnectionProfileRow, 'id' | 'created_at'>;

async function writeProfile(
  trx: Transaction<WardenDatabase>,
  id: string | undefined,
  fields: ProfileFields,
  now: string,
): Promise<ConnectionProfileRow> {
  if (id === undefined) {
    const row = { id: randomUUID(), ...fields, created_at: now };
    await trx.insertInto('connection_profiles').values(row).execute();
    return row;
  }
  const row = await trx
    .updateTable('connection_profiles')
    .set(fields)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) {
    throw new StoreError('PROFILE_NOT_FOUND', 'The connection profile to update no longer exists.', { id });
  }
  return row;
}

/** Host names and account names compare without regard to case, as DNS and Active Directory do. */
function sameIdentity(a: { host: string; bind_name: string }, b: { host: string; bind_name: string }): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.bind_name.toLowerCase() === b.bind_name.toLowerCase();
}

function reenterPassword(row: ConnectionProfileRow, kept: { host: string; bind_name: string } | undefined): StoreError {
  const because =
    kept === undefined
      ? 'no password is saved in it yet'
      : `the saved one was for ${kept.bind_name} on ${kept.host}, and is never sent to another server or account`;
  return new StoreError(
    'BIND_PASSWORD_MISSING',
    `Enter the bind password for ${row.bind_name} on ${row.host} to save it in profile "${row.name}": ${because}.`,
    { profileId: row.id, profile: row.name, host: row.host, bindName: row.bind_name },
  );
}

async function duplicateNameOr(db: Kysely<WardenDatabase>, error: unknown, name: string): Promise<unknown> {
  if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
  const existing = await db
    .selectFrom('connection_profiles')
    .select(['id', 'name'])
    .where('name', '=', name)
    .executeTakeFirst();
  const existingName = existing?.name ?? name;
  return new StoreError(
    'DUPLICATE_PROFILE_NAME',
    `A connection profile named "${existingName}" already exists; choose another name.`,
    { name: existingName, existingId: existing?.id ?? null },
    { cause: error },
  );
}

function toProfile(row: ConnectionProfileRow, hasSavedPassword: boolean): ConnectionProfile {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    host: row.host,
    ...(row.port === null ? {} : { port: row.port }),
    transport: row.transport,
    allowPlainLdap: row.allow_plain_ldap === 1,
    ...(row.ca_pem === null ? {} : { caPem: row.ca_pem }),
    ...(row.server_name === null ? {} : { serverName: row.server_name }),
    bindName: row.bind_name,
    ...(row.base_dn === null ? {} : { baseDn: row.base_dn }),
    hasSavedPassword,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
