import { createHash } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/SqliteStore.js';
import { ALICE, day, T0, tempDataDirs } from './storeFixtures.js';

const temp = tempDataDirs();
const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SqliteStore versions', () => {
  it('numbers each document’s versions from 1 and keeps who, when, where from and the source', async () => {
    const store = await temp.open(temp.dataDir());
    const first = await store.recordVersion({ doc: 'a', action: 'baseline', source: { fileName: 'a.txt' }, content: Buffer.from('one'), actor: ALICE });
    const second = await store.recordVersion({
      doc: 'a',
      action: 'update',
      source: { fileName: 'a.txt', url: 'https://en.wikipedia.org/wiki/A', revisionId: '1234' },
      content: Buffer.from('two!'),
      actor: { id: '2', name: 'bob', guild: null },
      time: day(1),
    });
    const other = await store.recordVersion({ doc: 'b', action: 'add', source: { fileName: 'b.md' }, content: Buffer.from('b'), actor: ALICE });
    expect(first).toEqual({ doc: 'a', version: 1, action: 'baseline', sha256: hex('one'), bytes: 3, source: { fileName: 'a.txt' }, actor: ALICE, time: T0 });
    expect(second).toEqual({
      doc: 'a',
      version: 2,
      action: 'update',
      sha256: hex('two!'),
      bytes: 4,
      source: { fileName: 'a.txt', url: 'https://en.wikipedia.org/wiki/A', revisionId: '1234' },
      actor: { id: '2', name: 'bob', guild: null },
      time: day(1),
    });
    expect(other.version).toBe(1);
    expect(await store.version('a', 2)).toEqual(second);
    expect(await store.version('a', 3)).toBeUndefined();
    expect((await store.versionBytes('a', 1))?.toString()).toBe('one');
    expect(await store.versionBytes('a', 9)).toBeUndefined();
    expect((await store.content(hex('two!')))?.toString()).toBe('two!');
    expect(await store.content(hex('never stored'))).toBeUndefined();
  });

  it('stores identical bytes once, whatever the document or version', async () => {
    const dataDir = temp.dataDir();
    const store = await temp.open(dataDir);
    const same = { action: 'add' as const, source: { fileName: 'x.txt' }, content: Buffer.from('same bytes'), actor: ALICE };
    await store.recordVersion({ ...same, doc: 'x' });
    await store.recordVersion({ ...same, doc: 'x' });
    await store.recordVersion({ ...same, doc: 'y' });
    await store.recordVersion({ ...same, doc: 'y', content: Buffer.from('other bytes') });
    const db = new Sqlite(join(dataDir, STORE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT sha256, bytes FROM blobs ORDER BY bytes').all()).toEqual([
        { sha256: hex('same bytes'), bytes: 10 },
        { sha256: hex('other bytes'), bytes: 11 },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM versions').get()).toEqual({ n: 4 });
    } finally {
      db.close();
    }
  });

  it('pages a history newest first, each page continuing where the last stopped', async () => {
    const store = await temp.open(temp.dataDir());
    for (let i = 1; i <= 7; i++) {
      await store.recordVersion({
        doc: 'a',
        action: i === 1 ? 'add' : 'update',
        source: { fileName: 'a.txt' },
        content: Buffer.from(`v${i}`),
        actor: ALICE,
        time: day(i),
      });
    }
    await store.recordVersion({ doc: 'b', action: 'add', source: { fileName: 'b.txt' }, content: Buffer.from('b'), actor: ALICE });
    const first = await store.history('a', { limit: 3 });
    expect(first.versions.map((v) => v.version)).toEqual([7, 6, 5]);
    expect(first).toMatchObject({ total: 7, next: 5 });
    const second = await store.history('a', { limit: 3, before: first.next });
    expect(second.versions.map((v) => v.version)).toEqual([4, 3, 2]);
    const last = await store.history('a', { limit: 3, before: second.next });
    expect(last.versions.map((v) => v.version)).toEqual([1]);
    expect(last.next).toBeUndefined();
    expect((await store.history('a')).versions).toHaveLength(7);
    expect(await store.history('none')).toEqual({ versions: [], total: 0 });
  });

  it('lists the latest version of each document by id, leaving out removed documents unless asked', async () => {
    const store = await temp.open(temp.dataDir());
    const base = { source: { fileName: 'f.txt' }, actor: ALICE };
    await store.recordVersion({ ...base, doc: 'b', action: 'add', content: Buffer.from('b1') });
    await store.recordVersion({ ...base, doc: 'a', action: 'add', content: Buffer.from('a1') });
    await store.recordVersion({ ...base, doc: 'a', action: 'update', content: Buffer.from('a2') });
    await store.recordVersion({ ...base, doc: 'c', action: 'add', content: Buffer.from('c1') });
    await store.recordVersion({ ...base, doc: 'c', action: 'remove', content: Buffer.from('c1') });
    expect((await store.latestVersions()).map((v) => [v.doc, v.version, v.action])).toEqual([
      ['a', 2, 'update'],
      ['b', 1, 'add'],
    ]);
    expect((await store.latestVersions({ includeRemoved: true })).map((v) => [v.doc, v.version])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 2],
    ]);
  });
});
