import Sqlite from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/SqliteStore.js';
import { day, T0, tempDataDirs } from './storeFixtures.js';

const temp = tempDataDirs();

describe('SqliteStore answer states', () => {
  it('keeps an answer’s state until it expires, the latest save replacing the earlier', async () => {
    const store = await temp.open(temp.dataDir());
    await store.saveAnswerState('a1', '{"page":0}', day(7));
    await store.saveAnswerState('a1', '{"page":1}', day(8));

    expect(await store.answerState('a1')).toBe('{"page":1}');
    expect(await store.answerState('a1', day(7))).toBe('{"page":1}');
    expect(await store.answerState('a1', day(8))).toBeUndefined();
    expect(await store.answerState('unknown')).toBeUndefined();
  });

  it('survives closing and opening the store again on the same DATA_DIR', async () => {
    const dataDir = temp.dataDir();
    const first = await temp.open(dataDir);
    await first.saveAnswerState('a1', '{"question":"Does France recognise North Korea?"}', day(7));
    await first.close();

    const second = await temp.open(dataDir);

    expect(await second.answerState('a1')).toBe('{"question":"Does France recognise North Korea?"}');
  });

  it('deletes the answers expired by the time of a save', async () => {
    const dataDir = temp.dataDir();
    const store = await temp.open(dataDir);
    await store.saveAnswerState('old', 'o', day(1));
    await store.saveAnswerState('live', 'l', day(10));

    await store.saveAnswerState('new', 'n', day(12), day(2));

    const db = new Sqlite(join(dataDir, STORE_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT id FROM answer_states ORDER BY id').pluck().all()).toEqual(['live', 'new']);
    } finally {
      db.close();
    }
    expect(await store.answerState('live', T0)).toBe('l');
  });

  it('leaves audit.jsonl and feedback.jsonl alone when opened without importing the logs', async () => {
    const withLog = () => {
      const dataDir = temp.dataDir();
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(
        join(dataDir, 'feedback.jsonl'),
        '{"time":"2026-11-01T12:00:00.000Z","answer":"a1","user":"u1","vote":"up","question":"q","passages":[]}\n',
      );
      return dataDir;
    };
    const importing = withLog();
    expect((await temp.open(importing)).imported.map((i) => i.renamedTo)).toEqual(['feedback.jsonl.migrated']);

    const dataDir = withLog();
    const store = await temp.open(dataDir, { importLogs: false });

    expect(store.imported).toEqual([]);
    expect(existsSync(join(dataDir, 'feedback.jsonl'))).toBe(true);
  });
});
