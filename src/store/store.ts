/**
 * Warden's encrypted local store.
 *
 * Everything Warden learns about a domain (accounts, groups, memberships, HR
 * lists, decisions, the audit log) is sensitive, so it lives only in one
 * SQLCipher 4 database file (SQLite3MultipleCiphers, AES-256 with an
 * HMAC-SHA512 per page); the WAL and shared-memory files beside it are
 * encrypted too. Nothing is ever written in clear.
 *
 * Where the key lives:
 * - Normally the key is 32 random bytes (generateDataKey). The desktop app
 *   wraps them with the operating system's keystore (Electron safeStorage:
 *   DPAPI on Windows) and keeps only the wrapped form on disk; this module only
 *   ever sees the unwrapped bytes, in memory, while opening or re-keying.
 * - Where the keystore offers no real protection, the user chooses a
 *   passphrase. It is stretched with scrypt over the random salt SQLCipher
 *   keeps at the start of the file, and the scrypt cost is recorded in that salt
 *   too (see passphrase-kdf.ts). No sidecar file: the .db alone can be reopened.
 * - Either way SQLCipher receives a raw 256-bit key, so its own PBKDF2 does not
 *   run a second time, and derived keys are wiped from memory once applied.
 *
 * Opening either yields a store that is known to be Warden's, at the schema
 * this build expects, or fails with a StoreError saying what is wrong with the
 * file (see errors.ts). Opening never creates a file unless asked to.
 */
import { Kysely } from 'kysely';
import { systemClock, type Clock } from './clock';
import { WardenSqliteDialect } from './dialect';
import { isStoreError, storeClosed } from './errors';
import { guardedDatabase } from './guarded-database';
import type { StoreKey, StoreKeyInfo } from './keys';
import { LATEST_SCHEMA_VERSION, migrateSchema } from './migrations';
import { checkIntegrity, openDatabase, type OpenedDatabase } from './open-database';
import { auditRepository, type AuditRepository } from './repositories/audit';
import { hrRepository, type HrRepository } from './repositories/hr';
import { matchDecisionsRepository, type MatchDecisionsRepository } from './repositories/match-decisions';
import { profilesRepository, type ProfilesRepository } from './repositories/profiles';
import { reconciliationsRepository, type ReconciliationsRepository } from './repositories/reconciliations';
import { settingsRepository, type SettingsRepository } from './repositories/settings';
import { accountMetadataRepository, type AccountMetadataRepository } from './repositories/account-metadata';
import { assessmentReadsRepository, type AssessmentReadsRepository } from './repositories/assessment-reads';
import { policyRepository, type PolicyRepository } from './repositories/policy';
import { riskSummariesRepository, type RiskSummariesRepository } from './repositories/risk-summaries';
import { snapshotsRepository, type SnapshotsRepository } from './repositories/snapshots';
import { viewsRepository, type ViewsRepository } from './repositories/views';
import type { WardenDatabase } from './schema';
import { translateSqliteError } from './sqlite-errors';
import { registerStoreHandle, type StoreHandle } from './store-handles';

export interface OpenStoreOptions {
  /** The database file. Its -wal and -shm companions live beside it. */
  path: string;
  key: StoreKey;
  /** Create the store when the file does not exist. Without it, a missing file is NOT_FOUND. */
  create?: boolean;
  /** Path to a better-sqlite3 .node build for another ABI (the Electron app's). */
  nativeBinding?: string;
  /** How long to wait for another connection's lock before reporting LOCKED. */
  busyTimeoutMs?: number;
  /**
   * Read every page at open (PRAGMA quick_check), so damage anywhere is
   * reported now rather than by whichever query first meets it. Off by
   * default: it costs about 1 s per 100k stored accounts and grows with every
   * snapshot kept, while opening without it takes milliseconds. Truncation is
   * checked at every open regardless, and any query that meets a damaged page
   * fails with DAMAGED. See also Store.checkIntegrity.
   */
  integrityCheck?: boolean;
  clock?: Clock;
}

export interface Store {
  readonly path: string;
  /** True when this call created the file. */
  readonly created: boolean;
  /** The schema version the file had before it was opened; 0 for a new store. */
  readonly openedAtVersion: number;
  /** The schema version the store is at now. */
  readonly schemaVersion: number;
  /** How the key is protected (never the key itself). Changes after rekeyStore. */
  readonly keyInfo: StoreKeyInfo;
  /** For repositories; only src/store speaks SQL. */
  readonly db: Kysely<WardenDatabase>;
  readonly profiles: ProfilesRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditRepository;
  /** Scans of a domain: each writes one snapshot, which readers see only once it is complete. */
  readonly snapshots: SnapshotsRepository;
  /** Imported HR employee lists; the current one is what reconciliation reads. */
  readonly hr: HrRepository;
  /** Decisions about who is behind an account (confirm, reject, human, NHI), with their audit entries. */
  readonly matchDecisions: MatchDecisionsRepository;
  /** Each snapshot's reconciliation with the HR list: outcomes per account and headline figures. */
  readonly reconciliations: ReconciliationsRepository;
  /** Warden's own facts about accounts (type, owner, tags), which win over the directory's and survive rescans. */
  readonly accountMetadata: AccountMetadataRepository;
  /** Whole-snapshot reads for classification and risk. */
  readonly assessment: AssessmentReadsRepository;
  /** The risk policy saved over the bundled defaults. */
  readonly policy: PolicyRepository;
  /** Each assessed snapshot's risk figures, for their trend. */
  readonly riskSummaries: RiskSummariesRepository;
  /** The Inventory's saved views: criteria, order and columns under a name. */
  readonly views: ViewsRepository;
  /**
   * Reads every page and fails with DAMAGED if any is unreadable or
   * inconsistent: for a "verify store" action or before a backup. Blocks the
   * thread for about 1 s per 100k stored accounts.
   */
  checkIntegrity(): Promise<void>;
  /** Closes the file. Safe to call more than once. */
  close(): Promise<void>;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const opened = await openDatabase({
    path: options.path,
    key: options.key,
    create: options.create ?? false,
    nativeBinding: options.nativeBinding,
    busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    integrityCheck: options.integrityCheck ?? false,
  });
  const db = kyselyFor(opened, options.path);
  if (opened.schemaVersion < LATEST_SCHEMA_VERSION) {
    try {
      await migrateSchema(db, options.path);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return assembleStore(db, opened, options.path, options.clock ?? systemClock);
}

export function kyselyFor(opened: Pick<OpenedDatabase, 'database'>, path: string): Kysely<WardenDatabase> {
  return new Kysely<WardenDatabase>({
    dialect: new WardenSqliteDialect({ database: guardedDatabase(opened.database, path) }),
  });
}

function assembleStore(db: Kysely<WardenDatabase>, opened: OpenedDatabase, path: string, clock: Clock): Store {
  const handle: StoreHandle = { database: opened.database, path, keyInfo: opened.keyInfo };
  let closing: Promise<void> | undefined;

  /** Runs `work` on the native handle while no Kysely query or transaction of this store is under way. */
  function exclusively(work: () => unknown): Promise<void> {
    return db.connection().execute(async () => {
      if (!opened.database.open) throw storeClosed(path);
      try {
        work();
      } catch (error) {
        throw translateSqliteError(error, path);
      }
    });
  }

  // The same connection as Kysely's, for the few writes that bind rows by the hundred thousand.
  const native = guardedDatabase(opened.database, path);
  const store: Store = {
    path,
    created: opened.created,
    openedAtVersion: opened.schemaVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    get keyInfo() {
      return handle.keyInfo;
    },
    db,
    profiles: profilesRepository(db, clock),
    settings: settingsRepository(db),
    audit: auditRepository(db, clock),
    snapshots: snapshotsRepository(db, native, clock),
    hr: hrRepository(db, native, clock),
    matchDecisions: matchDecisionsRepository(db, clock),
    reconciliations: reconciliationsRepository(db, native, clock),
    accountMetadata: accountMetadataRepository(db, clock),
    assessment: assessmentReadsRepository(db),
    policy: policyRepository(db, clock),
    riskSummaries: riskSummariesRepository(db, clock),
    views: viewsRepository(db, clock),
    checkIntegrity() {
      return exclusively(() => checkIntegrity(opened.database, path));
    },
    close() {
      // Waits for a transaction in progress to finish; later calls fail with CLOSED rather than Kysely's own error.
      closing ??= exclusively(() => opened.database.close()).catch((error: unknown) => {
        if (!isStoreError(error, 'CLOSED')) throw error;
      });
      return closing;
    },
  };
  registerStoreHandle(store, handle);
  return store;
}
