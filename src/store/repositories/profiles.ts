import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { ProfileInputSchema, type ConnectionProfile } from '../../api/schemas';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import type { ConnectionProfileRow, WardenDatabase } from '../schema';
import { sqliteCode } from '../sqlite-errors';
import { parseOrInvalid } from './validation';

export type ProfileSaveInput = z.input<typeof ProfileInputSchema>;

export interface ProfilesRepository {
  /** All profiles, ordered by name (case-insensitively). */
  list(): Promise<ConnectionProfile[]>;
  get(id: string): Promise<ConnectionProfile | undefined>;
  /** Creates the profile, or updates it when `id` names an existing one. */
  save(input: ProfileSaveInput): Promise<ConnectionProfile>;
  /** True when a profile was deleted. */
  delete(id: string): Promise<boolean>;
}

export function profilesRepository(db: Kysely<WardenDatabase>, clock: Clock): ProfilesRepository {
  return {
    async list() {
      const rows = await db.selectFrom('connection_profiles').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toProfile);
    },

    async get(id) {
      const row = await db.selectFrom('connection_profiles').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toProfile(row);
    },

    async save(input) {
      const profile = parseOrInvalid(ProfileInputSchema, input, 'connection profile');
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
        if (profile.id === undefined) {
          const row = { id: randomUUID(), ...fields, created_at: now };
          await db.insertInto('connection_profiles').values(row).execute();
          return toProfile(row);
        }
        const row = await db
          .updateTable('connection_profiles')
          .set(fields)
          .where('id', '=', profile.id)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) {
          throw new StoreError('PROFILE_NOT_FOUND', 'The connection profile to update no longer exists.', {
            id: profile.id,
          });
        }
        return toProfile(row);
      } catch (error) {
        throw await duplicateNameOr(db, error, profile.name);
      }
    },

    async delete(id) {
      const result = await db.deleteFrom('connection_profiles').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
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

function toProfile(row: ConnectionProfileRow): ConnectionProfile {
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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
