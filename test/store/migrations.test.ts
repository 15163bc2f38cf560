import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/openDatabase.js';
import { STORE_FILE } from '../../src/store/SqliteStore.js';
import { ALICE, GUILD, T0, tempDataDirs } from './storeFixtures.js';

const temp = tempDataDirs();
const LATEST = MIGRATIONS.at(-1)!.version;

function withDb<T>(dataDir: string, work: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(join(dataDir, STORE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… with distinct names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('build an empty database to the latest schema, in WAL mode, recording every step', async () => {
    const dataDir = temp.dataDir();
    await (await temp.open(dataDir)).close();
    withDb(dataDir, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(
        MIGRATIONS.map(({ version, name }) => ({ version, name })),
      );
      expect(schemaVersion(db)).toBe(LATEST);
    });
    await temp.open(dataDir); // a second open applies nothing and refuses nothing
  });

  it('bring a database at an older schema up to date, keeping its data', async () => {
    const dataDir = temp.dataDir();
    mkdirSync(dataDir, { recursive: true });
    const old = openDatabase(join(dataDir, STORE_FILE));
    expect(migrate(old, MIGRATIONS.slice(0, 2)).map((m) => m.name)).toEqual(['document_versions', 'audit_log']);
    const blob = Buffer.from('old text');
    const hash = 'b1f0'.padEnd(64, '0');
    old.prepare('INSERT INTO blobs (sha256, bytes, content) VALUES (?, ?, ?)').run(hash, blob.length, blob);
    old
      .prepare("INSERT INTO versions (doc, version, action, sha256, file, actor_id, actor_name, guild, time) VALUES ('a', 1, 'add', ?, 'a.txt', ?, ?, ?, ?)")
      .run(hash, ALICE.id, ALICE.name, GUILD, T0.getTime());
    expect(schemaVersion(old)).toBe(2);
    old.close();

    const store = await temp.open(dataDir);
    expect(withDb(dataDir, schemaVersion)).toBe(LATEST);
    expect(await store.history('a')).toMatchObject({ total: 1, versions: [{ doc: 'a', version: 1, sha256: hash, bytes: 8, actor: ALICE, time: T0 }] });
    expect((await store.versionBytes('a', 1))?.toString()).toBe('old text');
    await store.recordGap({ question: 'Who is Jack Lang?', guild: GUILD });
    expect(await store.topGaps({ guild: GUILD, days: 1 })).toHaveLength(1);
  });

  it('apply all the missing steps or, when one fails, none; a step may be a function', () => {
    const db = new Sqlite(':memory:');
    const steps = [
      { version: 1, name: 'one', up: 'CREATE TABLE one (a TEXT)' },
      { version: 2, name: 'two', up: (d: Sqlite.Database) => void d.prepare("INSERT INTO one (a) VALUES ('from a function')").run() },
    ];
    expect(() => migrate(db, [...steps, { version: 3, name: 'broken', up: 'CREATE TABLE three (a TEXT); SELECT * FROM nowhere' }])).toThrow(
      'no such table: nowhere',
    );
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('one', 'three')").all()).toEqual([]);
    expect(migrate(db, steps).map((m) => m.name)).toEqual(['one', 'two']);
    expect(db.prepare('SELECT a FROM one').pluck().all()).toEqual(['from a function']);
    expect(migrate(db, steps)).toEqual([]);
    db.close();
  });

  it('refuse a database from a newer version of corpus-bot, saying what to do', async () => {
    const dataDir = temp.dataDir();
    await (await temp.open(dataDir)).close();
    withDb(dataDir, (db) => db.prepare('INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, 0)').run(LATEST + 1, 'future_step'));
    await expect(temp.open(dataDir)).rejects.toThrow(
      `store_too_new: store: the database is at schema version ${LATEST + 1} ("future_step"), newer than this version of corpus-bot knows (${LATEST}); run the newer corpus-bot, or restore a backup of DATA_DIR made by this version`,
    );
  });

  it('refuse a database whose recorded step has another name', async () => {
    const dataDir = temp.dataDir();
    await (await temp.open(dataDir)).close();
    withDb(dataDir, (db) => db.prepare("UPDATE schema_migrations SET name = 'something_else' WHERE version = 2").run());
    await expect(temp.open(dataDir)).rejects.toThrow(
      `store_schema_mismatch: store: the database's schema step 2 is "something_else", which this version of corpus-bot does not know (it expects "audit_log"); restore a backup of DATA_DIR made by this version`,
    );
  });
});

describe('opening a damaged or foreign database', () => {
  it('refuses a file that is not a database', async () => {
    const dataDir = temp.dataDir();
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, STORE_FILE);
    writeFileSync(path, 'these bytes are not a SQLite database, just text that took its name '.repeat(100));
    await expect(temp.open(dataDir)).rejects.toThrow(
      `store_corrupt: store: "${path}" is not a usable SQLite database (file is not a database); restore it from a backup, or move it aside to start an empty store (its versions, audit log and feedback are then no longer used)`,
    );
  });

  it('refuses a database whose pages were overwritten', async () => {
    const dataDir = temp.dataDir();
    const store = await temp.open(dataDir);
    for (let i = 0; i < 50; i++) await store.recordGap({ question: `question number ${i} about something`, guild: GUILD });
    await store.close();
    const path = join(dataDir, STORE_FILE);
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(4096 * 4);
    bytes.fill(0xa5, 4096, bytes.length); // every page after the first
    writeFileSync(path, bytes);
    await expect(temp.open(dataDir)).rejects.toThrow(
      /^store_corrupt: store: ".*corpus\.sqlite" is not a usable SQLite database \(.+\); restore it from a backup/,
    );
  });

  it('refuses a SQLite database corpus-bot did not make', async () => {
    const dataDir = temp.dataDir();
    mkdirSync(dataDir, { recursive: true });
    withDb(dataDir, (db) => db.exec('CREATE TABLE recipes (name TEXT)'));
    await expect(temp.open(dataDir)).rejects.toThrow(
      'store_foreign: store: the database holds tables (recipes) but no schema version, so corpus-bot did not make it; move it out of DATA_DIR',
    );
  });

  it('says when the file cannot be opened at all', async () => {
    const dataDir = temp.dataDir();
    mkdirSync(join(dataDir, STORE_FILE), { recursive: true });
    await expect(temp.open(dataDir)).rejects.toThrow(
      `store_unopenable: store: cannot open the database "${join(dataDir, STORE_FILE)}" (SQLITE_CANTOPEN); check that DATA_DIR is a folder the bot can write to`,
    );
  });
});
