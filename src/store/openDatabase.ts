import Sqlite, { type Database } from 'better-sqlite3';
import { UserError } from '../errors.js';

/**
 * Opens (or creates) a SQLite database file for the store: WAL (readers never block the writer),
 * `synchronous = FULL` (a committed change survives a power cut, as the audit log's intent must),
 * foreign keys on. Runs SQLite's `quick_check` (reads every page once) and refuses a file that is
 * not a database or is damaged, saying how to recover.
 */
export function openDatabase(path: string): Database {
  let db: Database | undefined;
  try {
    db = new Sqlite(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damaged(path, String(check).split('\n')[0]!);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof UserError) throw err;
    const code = (err as { code?: string }).code ?? 'error';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw damaged(path, (err as Error).message);
    throw new UserError('store_unopenable', `store: cannot open the database "${path}" (${code}); check that DATA_DIR is a folder the bot can write to`);
  }
}

function damaged(path: string, detail: string): UserError {
  return new UserError(
    'store_corrupt',
    `store: "${path}" is not a usable SQLite database (${detail}); restore it from a backup, or move it aside to start an empty store (its versions, audit log and feedback are then no longer used)`,
  );
}

/** A write the database refused (disk full, read-only file…), as an error safe to show; `consequence` says what it meant. */
export function storeUnwritable(err: unknown, consequence: string): UserError {
  const code = (err as { code?: string }).code ?? 'error';
  return new UserError(
    'store_unwritable',
    `store: the database (corpus.sqlite in DATA_DIR) cannot be written (${code}), ${consequence}; ask the bot’s operator to check the disk and the file’s permissions`,
  );
}
