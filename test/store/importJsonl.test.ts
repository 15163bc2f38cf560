import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/store/SqliteStore.js';
import { GUILD, tempDataDirs } from './storeFixtures.js';

const temp = tempDataDirs();
const SHA = (c: string) => c.repeat(64);
const alice = { id: '100000000000000001', name: 'alice' };
const passage = { doc: 'france', section: 'Introduction', start: 0, end: 38, score: 0.61, text: 'France does not recognise North Korea.' };

/** audit.jsonl as the bot wrote it over time: before servers were recorded, before the journal, then the journal; and a torn last line. */
const AUDIT = [
  { time: '2026-11-20T10:00:00.000Z', actor: alice, action: 'add', doc: 'notes', file: 'notes.md', sha256: SHA('a'), bytes: 120 },
  { time: '2026-11-21T10:00:00.000Z', actor: { ...alice, guild: GUILD }, action: 'remove', doc: 'notes', file: 'notes.md', sha256: SHA('a'), bytes: 120 },
  {
    time: '2026-11-22T10:00:00.000Z',
    status: 'pending',
    change: 'c1',
    action: 'add',
    doc: 'korea',
    file: 'korea.txt',
    sha256: SHA('b'),
    bytes: 9,
    actor: { ...alice, guild: GUILD },
  },
  {
    time: '2026-11-22T10:00:05.000Z',
    status: 'done',
    change: 'c1',
    action: 'add',
    doc: 'korea',
    file: 'korea.txt',
    sha256: SHA('b'),
    bytes: 9,
    actor: { ...alice, guild: GUILD },
  },
  {
    time: '2026-11-23T10:00:00.000Z',
    status: 'pending',
    change: 'c2',
    action: 'add',
    doc: 'bad',
    file: 'bad.txt',
    sha256: SHA('c'),
    bytes: 3,
    actor: { ...alice, guild: GUILD },
  },
  {
    time: '2026-11-23T10:00:01.000Z',
    status: 'failed',
    change: 'c2',
    action: 'add',
    doc: 'bad',
    file: 'bad.txt',
    sha256: SHA('c'),
    bytes: 3,
    actor: { ...alice, guild: GUILD },
    reason: 'index: rebuild failed',
  },
  {
    time: '2026-11-24T10:00:00.000Z',
    status: 'pending',
    change: 'c3',
    action: 'remove',
    doc: 'korea',
    file: 'korea.txt',
    sha256: SHA('b'),
    bytes: 9,
    actor: { ...alice, guild: GUILD },
  },
]
  .map((l) => JSON.stringify(l))
  .join('\n')
  .concat('\n\n{"time":"2026-11-24T10:0');

/** feedback.jsonl: the oldest line has no answer id; a later vote replaces the user's earlier one; no line has a server. */
const FEEDBACK = [
  { time: '2026-11-20T11:00:00.000Z', user: 'u1', vote: 'down', question: 'Who is Jack Lang?', passages: [passage] },
  { time: '2026-11-22T11:00:00.000Z', answer: 'ans1', user: 'u1', vote: 'down', question: 'Q1', passages: [passage] },
  { time: '2026-11-22T11:00:09.000Z', answer: 'ans1', user: 'u1', vote: 'up', replaces: 'down', question: 'Q1', passages: [passage] },
  {
    time: '2026-11-22T12:00:00.000Z',
    answer: 'ans1',
    user: 'u2',
    vote: 'down',
    question: 'Q1',
    passages: [passage, { ...passage, start: 50, end: 60, text: 'Later text' }],
  },
]
  .map((l) => JSON.stringify(l))
  .join('\n')
  .concat('\nnot json at all\n');

function dataDirWithLogs(): string {
  const dataDir = temp.dataDir();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'audit.jsonl'), AUDIT);
  writeFileSync(join(dataDir, 'feedback.jsonl'), FEEDBACK);
  return dataDir;
}

function feedbackRows(dataDir: string): unknown[] {
  const db = new Sqlite(join(dataDir, STORE_FILE), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT f.answer, f.user_id AS user, f.guild, f.vote, f.question, f.time, COUNT(p.position) AS passages
         FROM feedback f LEFT JOIN feedback_passages p ON p.feedback = f.id GROUP BY f.id ORDER BY f.time`,
      )
      .all();
  } finally {
    db.close();
  }
}

describe('importing audit.jsonl and feedback.jsonl on first open', () => {
  it('imports every era of audit line as one entry per change, with its outcome', async () => {
    const dataDir = dataDirWithLogs();
    const store = await temp.open(dataDir);
    expect(store.imported).toEqual([
      { file: 'audit.jsonl', records: 7, skipped: 1, renamedTo: 'audit.jsonl.migrated' },
      { file: 'feedback.jsonl', records: 4, skipped: 1, renamedTo: 'feedback.jsonl.migrated' },
    ]);
    const log = await store.auditLog();
    expect(log.map((c) => [c.action, c.doc, c.status, c.actor.guild, c.reason])).toEqual([
      ['remove', 'korea', 'pending', GUILD, undefined],
      ['add', 'bad', 'failed', GUILD, 'index: rebuild failed'],
      ['add', 'korea', 'done', GUILD, undefined],
      ['remove', 'notes', 'done', GUILD, undefined],
      ['add', 'notes', 'done', null, undefined],
    ]);
    expect(log[2]).toEqual({
      id: 'c1',
      action: 'add',
      doc: 'korea',
      source: { fileName: 'korea.txt' },
      sha256: SHA('b'),
      bytes: 9,
      actor: { ...alice, guild: GUILD },
      status: 'done',
      began: new Date('2026-11-22T10:00:00.000Z'),
      settled: new Date('2026-11-22T10:00:05.000Z'),
    });
    expect(log[4]!.id).toMatch(/^legacy-[0-9a-f]{16}$/);
    expect((await store.pendingChanges()).map((c) => c.id)).toEqual(['c3']);
    // The old log held no bytes, so no versions come from it, and a pending change can only be undone.
    expect(await store.latestVersions({ includeRemoved: true })).toEqual([]);
    await expect(store.completeChange('c3', { status: 'done' })).rejects.toThrow(
      'store: change "c3" has no stored content (it came from audit.jsonl), so it can only be settled failed or rolled_back',
    );
    expect(await store.completeChange('c3', { status: 'rolled_back', reason: 'the bot stopped' })).toMatchObject({ status: 'rolled_back' });
  });

  it('imports votes keeping each user’s last vote per answer; lines without an answer id are answers of their own, none has a server', async () => {
    const dataDir = dataDirWithLogs();
    await (await temp.open(dataDir)).close();
    const rows = feedbackRows(dataDir) as { answer: string }[];
    expect(rows).toMatchObject([
      { user: 'u1', guild: null, vote: 'down', question: 'Who is Jack Lang?', passages: 1 },
      { answer: 'ans1', user: 'u1', guild: null, vote: 'up', passages: 1, time: Date.parse('2026-11-22T11:00:09.000Z') },
      { answer: 'ans1', user: 'u2', guild: null, vote: 'down', passages: 2 },
    ]);
    expect(rows[0]!.answer).toMatch(/^legacy-[0-9a-f]{16}$/);
  });

  it('renames the files it imported, and a second open imports nothing', async () => {
    const dataDir = dataDirWithLogs();
    await (await temp.open(dataDir)).close();
    expect(existsSync(join(dataDir, 'audit.jsonl'))).toBe(false);
    expect(readFileSync(join(dataDir, 'audit.jsonl.migrated'), 'utf8')).toBe(AUDIT);
    expect(readFileSync(join(dataDir, 'feedback.jsonl.migrated'), 'utf8')).toBe(FEEDBACK);
    const again = await temp.open(dataDir);
    expect(again.imported).toEqual([]);
    expect(await again.auditLog()).toHaveLength(5);
    expect(feedbackRows(dataDir)).toHaveLength(3);
  });

  it('adds nothing twice when a log turns up again, and only what is new when it grew', async () => {
    const dataDir = dataDirWithLogs();
    await (await temp.open(dataDir)).close();
    // The same file again (restored from a backup, or a stop between the import and the rename).
    writeFileSync(join(dataDir, 'audit.jsonl'), AUDIT);
    const same = await temp.open(dataDir);
    expect(same.imported).toEqual([{ file: 'audit.jsonl', records: 0, skipped: 0, renamedTo: 'audit.jsonl.migrated.2' }]);
    expect(await same.auditLog()).toHaveLength(5);
    await same.close();
    // The old code ran once more and settled c3, and logged a vote.
    const settled = {
      time: '2026-11-25T10:00:00.000Z',
      status: 'rolled_back',
      change: 'c3',
      action: 'remove',
      doc: 'korea',
      file: 'korea.txt',
      sha256: SHA('b'),
      bytes: 9,
      actor: { ...alice, guild: GUILD },
      reason: 'the bot stopped',
    };
    writeFileSync(join(dataDir, 'audit.jsonl'), `${AUDIT}\n${JSON.stringify(settled)}\n`);
    writeFileSync(
      join(dataDir, 'feedback.jsonl'),
      `${FEEDBACK}${JSON.stringify({ time: '2026-11-25T11:00:00.000Z', answer: 'ans9', user: 'u3', vote: 'down', question: 'Q9', passages: [] })}\n`,
    );
    const grown = await temp.open(dataDir);
    expect(grown.imported.map((i) => i.renamedTo)).toEqual(['audit.jsonl.migrated.3', 'feedback.jsonl.migrated.2']);
    expect(await grown.auditLog()).toHaveLength(5);
    expect(await grown.pendingChanges()).toEqual([]);
    expect(feedbackRows(dataDir)).toHaveLength(4);
  });
});
