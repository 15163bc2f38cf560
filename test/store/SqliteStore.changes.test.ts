import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordChange } from '../../src/store/recordChange.js';
import { STORE_FILE } from '../../src/store/SqliteStore.js';
import { ALICE, day, intent, T0, tempDataDirs } from './storeFixtures.js';

const temp = tempDataDirs();

describe('SqliteStore changes (the audit log)', () => {
  it('records the intent as pending, then the outcome; done records the document’s next version with it', async () => {
    const store = await temp.open(temp.dataDir());
    const begun = await store.beginChange(intent('c1', 'a', 'first'));
    expect(begun).toMatchObject({ id: 'c1', action: 'add', doc: 'a', status: 'pending', bytes: 5, actor: ALICE, began: T0 });
    expect(begun.settled).toBeUndefined();
    expect(await store.pendingChanges()).toEqual([begun]);
    expect(await store.history('a')).toEqual({ versions: [], total: 0 });

    const done = await store.completeChange('c1', { status: 'done' }, day(1));
    expect(done).toEqual({ ...begun, status: 'done', settled: day(1), version: 1 });
    expect(await store.pendingChanges()).toEqual([]);
    expect(await store.version('a', 1)).toEqual({
      doc: 'a',
      version: 1,
      action: 'add',
      sha256: begun.sha256,
      bytes: 5,
      source: { fileName: 'a.txt' },
      actor: ALICE,
      time: day(1),
      change: 'c1',
    });
  });

  it('records a failure or a roll-back with its reason and no version, and refuses to settle twice', async () => {
    const store = await temp.open(temp.dataDir());
    await store.beginChange(intent('c1', 'a', 'x'));
    await store.beginChange(intent('c2', 'b', 'y', { action: 'remove' }));
    expect(await store.completeChange('c1', { status: 'failed', reason: 'rebuild failed' })).toMatchObject({ status: 'failed', reason: 'rebuild failed' });
    expect(await store.completeChange('c2', { status: 'rolled_back', reason: 'the bot stopped' })).toMatchObject({ status: 'rolled_back' });
    expect(await store.latestVersions({ includeRemoved: true })).toEqual([]);
    await expect(store.completeChange('c1', { status: 'done' })).rejects.toThrow('store: change "c1" is already settled (failed)');
    await expect(store.completeChange('c9', { status: 'done' })).rejects.toThrow('store: no change "c9"');
    await expect(store.beginChange(intent('c1', 'a', 'x'))).rejects.toThrow('store: change "c1" was already begun');
  });

  it('keeps the content from the intent, so an interrupted removal can be put back', async () => {
    const store = await temp.open(temp.dataDir());
    const begun = await store.beginChange(intent('c1', 'a', 'removed text', { action: 'remove' }));
    expect((await store.content(begun.sha256))?.toString()).toBe('removed text');
  });

  it('records a removal and a rollback as versions, the rollback naming the version it restores', async () => {
    const store = await temp.open(temp.dataDir());
    for (const [id, action, text, restores] of [
      ['c1', 'add', 'v1', undefined],
      ['c2', 'update', 'v2', undefined],
      ['c3', 'rollback', 'v1', 1],
      ['c4', 'remove', 'v1', undefined],
    ] as const) {
      await store.beginChange(intent(id, 'a', text, { action, ...(restores === undefined ? {} : { restores }) }));
      await store.completeChange(id, { status: 'done' });
    }
    const { versions } = await store.history('a');
    expect(versions.map((v) => [v.version, v.action, v.restores, v.change])).toEqual([
      [4, 'remove', undefined, 'c4'],
      [3, 'rollback', 1, 'c3'],
      [2, 'update', undefined, 'c2'],
      [1, 'add', undefined, 'c1'],
    ]);
    expect(versions[1]!.sha256).toBe(versions[3]!.sha256);
  });

  it('lists the audit log newest first, paged and by document', async () => {
    const store = await temp.open(temp.dataDir());
    for (let i = 1; i <= 5; i++) await store.beginChange(intent(`c${i}`, i % 2 === 0 ? 'even' : 'odd', `t${i}`, { time: day(i) }));
    expect((await store.auditLog()).map((c) => c.id)).toEqual(['c5', 'c4', 'c3', 'c2', 'c1']);
    expect((await store.auditLog({ limit: 2, offset: 2 })).map((c) => c.id)).toEqual(['c3', 'c2']);
    expect((await store.auditLog({ doc: 'even' })).map((c) => c.id)).toEqual(['c4', 'c2']);
    expect((await store.pendingChanges()).map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });
});

describe('recordChange: a change, its version and its audit outcome as one unit', () => {
  it('applies the change between the intent and the outcome, and returns both', async () => {
    const store = await temp.open(temp.dataDir());
    const seen: string[] = [];
    const { result, change } = await recordChange(store, intent('c1', 'a', 'text'), {
      apply: async () => {
        seen.push(...(await store.pendingChanges()).map((c) => `${c.id} ${c.status}`));
        return 'built';
      },
      undo: async () => void seen.push('undo'),
    });
    expect(seen).toEqual(['c1 pending']);
    expect(result).toBe('built');
    expect(change).toMatchObject({ status: 'done', version: 1 });
    expect((await store.versionBytes('a', 1))?.toString()).toBe('text');
  });

  it('a failure inside the change leaves no version and an audit entry saying failed, and is rethrown', async () => {
    const store = await temp.open(temp.dataDir());
    const undone: string[] = [];
    await expect(
      recordChange(store, intent('c1', 'a', 'text'), {
        apply: async () => {
          throw new Error('index: rebuild failed');
        },
        undo: async () => void undone.push('undo'),
      }),
    ).rejects.toThrow('index: rebuild failed');
    expect(await store.history('a')).toEqual({ versions: [], total: 0 });
    expect(await store.auditLog()).toMatchObject([{ id: 'c1', status: 'failed', reason: 'index: rebuild failed' }]);
    expect(undone).toEqual([]);
  });

  it('when the outcome cannot be committed, neither the version nor `done` is, and the change is undone', async () => {
    const dataDir = temp.dataDir();
    const store = await temp.open(dataDir);
    // A second connection makes the version insert fail inside completeChange's transaction.
    const db = new Sqlite(join(dataDir, STORE_FILE));
    db.exec("CREATE TRIGGER no_versions BEFORE INSERT ON versions BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    db.close();
    const undone: string[] = [];
    await expect(recordChange(store, intent('c1', 'a', 'text'), { apply: async () => 'built', undo: async () => void undone.push('undo') })).rejects.toThrow(
      'disk on fire',
    );
    expect(undone).toEqual(['undo']);
    expect(await store.history('a')).toEqual({ versions: [], total: 0 });
    expect(await store.auditLog()).toMatchObject([{ id: 'c1', status: 'failed', reason: 'disk on fire' }]);
    expect((await store.auditLog())[0]!.version).toBeUndefined();
  });

  it('refuses the change before applying it when the intent cannot be recorded (disk full)', async () => {
    const store = await temp.open(temp.dataDir());
    // Fault injection: cap the store's own connection at the pages it has, as a full disk would.
    const db = (store as unknown as { db: Sqlite.Database }).db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let applied = false;
    await expect(
      recordChange(store, intent('c1', 'a', 'x'.repeat(100_000)), {
        apply: async () => {
          applied = true;
        },
        undo: async () => undefined,
      }),
    ).rejects.toThrow(
      'store_unwritable: store: the database (corpus.sqlite in DATA_DIR) cannot be written (SQLITE_FULL), so nothing was changed; ask the bot’s operator to check the disk and the file’s permissions',
    );
    expect(applied).toBe(false);
    expect(await store.auditLog()).toEqual([]);
  });
});
