import type { Database } from 'better-sqlite3';
import { UserError } from '../errors.js';

/** One step of the schema: applied once, in order, recorded by a `schema_migrations` row in the same transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL, or a function for a step SQL alone cannot do (recomputing a column in TypeScript). */
  readonly up: string | ((db: Database) => void);
}

/**
 * The schema, oldest step first. Append new steps; never edit or reorder one that has shipped
 * (a database records each step it applied by number and name).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'document_versions',
    up: `
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        bytes INTEGER NOT NULL,
        content BLOB NOT NULL
      );
      CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        doc TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('baseline', 'add', 'update', 'remove', 'rollback')),
        sha256 TEXT NOT NULL REFERENCES blobs (sha256),
        file TEXT NOT NULL,
        url TEXT,
        revision TEXT,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        guild TEXT,
        time INTEGER NOT NULL,
        change_id TEXT,
        restores INTEGER,
        UNIQUE (doc, version)
      );`,
  },
  {
    version: 2,
    name: 'audit_log',
    up: `
      CREATE TABLE changes (
        id TEXT PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('add', 'update', 'remove', 'rollback')),
        doc TEXT NOT NULL,
        file TEXT NOT NULL,
        url TEXT,
        revision TEXT,
        restores INTEGER,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        guild TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'rolled_back')),
        reason TEXT,
        began INTEGER NOT NULL,
        settled INTEGER,
        version INTEGER
      );
      CREATE INDEX changes_began ON changes (began);
      CREATE INDEX changes_doc ON changes (doc, began);
      CREATE INDEX changes_pending ON changes (status) WHERE status = 'pending';`,
  },
  {
    version: 3,
    name: 'feedback',
    up: `
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        answer TEXT NOT NULL,
        user_id TEXT NOT NULL,
        guild TEXT,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        time INTEGER NOT NULL,
        UNIQUE (answer, user_id)
      );
      CREATE INDEX feedback_guild_time ON feedback (guild, time);
      CREATE INDEX feedback_time ON feedback (time);
      CREATE TABLE feedback_passages (
        feedback INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        doc TEXT NOT NULL,
        section TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        score REAL NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (feedback, position)
      );`,
  },
  {
    version: 4,
    name: 'gaps',
    up: `
      CREATE TABLE gaps (
        id INTEGER PRIMARY KEY,
        guild TEXT,
        question TEXT NOT NULL,
        key TEXT NOT NULL,
        time INTEGER NOT NULL
      );
      CREATE INDEX gaps_guild_time ON gaps (guild, time);
      CREATE INDEX gaps_time ON gaps (time);`,
  },
  {
    version: 5,
    name: 'jsonl_imports',
    up: `
      CREATE TABLE jsonl_imports (
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        records INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        renamed_to TEXT,
        time INTEGER NOT NULL,
        PRIMARY KEY (file, sha256)
      );`,
  },
  {
    version: 6,
    name: 'answer_states',
    up: `
      CREATE TABLE answer_states (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        expires INTEGER NOT NULL
      );
      CREATE INDEX answer_states_expires ON answer_states (expires);`,
  },
];

/**
 * Brings the database to the last of `migrations`, applying the missing steps in order in one
 * transaction: all of them, or (when one fails) none. Refuses a database with tables but no
 * `schema_migrations` (corpus-bot did not make it), one that records a step this code does not
 * know (a newer corpus-bot made it), and one whose step has another name. Returns the steps applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  // IMMEDIATE takes the write lock before reading the version, so two processes opening the
  // store at once (the bot and a command-line tool) migrate one after the other.
  return db.transaction(() => migrateNow(db, migrations)).immediate();
}

function migrateNow(db: Database, migrations: readonly Migration[]): Migration[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new UserError(
      'store_foreign',
      `store: the database holds tables (${tables.slice(0, 3).join(', ')}) but no schema version, so corpus-bot did not make it; move it out of DATA_DIR`,
    );
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)');
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
  const latest = migrations.at(-1)?.version ?? 0;
  const newest = applied.at(-1);
  if (newest !== undefined && newest.version > latest) {
    throw new UserError(
      'store_too_new',
      `store: the database is at schema version ${newest.version} ("${newest.name}"), newer than this version of corpus-bot knows (${latest}); run the newer corpus-bot, or restore a backup of DATA_DIR made by this version`,
    );
  }
  for (const step of applied) {
    const known = migrations.find((m) => m.version === step.version);
    if (known?.name !== step.name) {
      throw new UserError(
        'store_schema_mismatch',
        `store: the database's schema step ${step.version} is "${step.name}", which this version of corpus-bot does not know (it expects "${known?.name ?? 'none'}"); restore a backup of DATA_DIR made by this version`,
      );
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)');
  const missing = migrations.filter((m) => m.version > (newest?.version ?? 0));
  for (const step of missing) {
    if (typeof step.up === 'string') db.exec(step.up);
    else step.up(db);
    record.run(step.version, step.name, Date.now());
  }
  return missing;
}

/** The database's schema version: the last step applied (0 for an empty database). */
export function schemaVersion(db: Database): number {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get() === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null } | undefined;
  return row?.version ?? 0;
}
