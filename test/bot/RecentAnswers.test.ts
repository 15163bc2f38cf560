import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_READING } from '../../src/answer/readingOf.js';
import type { Passage } from '../../src/answer/types.js';
import { RecentAnswers, type RememberedAnswer } from '../../src/bot/RecentAnswers.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';

const T0 = new Date('2026-11-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

function passage(start: number, text: string): Passage {
  return {
    docId: 'france-north-korea-relations',
    title: 'France–North Korea relations',
    section: 'Introduction',
    text,
    start,
    end: start + text.length,
    score: 0.9,
    footnotes: [{ n: 1, text: '"DPRK Diplomatic Relations", National Committee on North Korea' }],
    citationNeeded: false,
  };
}
const P = [passage(0, 'France does not recognise North Korea.[1]'), passage(100, 'Relations are very limited.'), passage(200, 'Lang went to Pyongyang.')];
const ANSWER: RememberedAnswer = { question: 'Does France recognise North Korea?', shown: P.slice(0, 1), passages: P, reading: PLAIN_READING };

describe('RecentAnswers', () => {
  const dirs: string[] = [];
  const stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  let now = T0;
  const clock = () => now;
  async function open(dataDir: string): Promise<RecentAnswers> {
    const store = await SqliteStore.open({ dataDir, retentionDays: 90, importLogs: false, clock });
    stores.push(store);
    return new RecentAnswers(store, 7, clock);
  }
  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'recent-answers-'));
    dirs.push(dir);
    return join(dir, 'data');
  }

  it('gives back an answer, passages and reading as remembered, from a store opened again', async () => {
    now = T0;
    const dir = dataDir();
    const id = await (await open(dir)).remember(ANSWER);
    await stores[0]!.close();

    const again = await open(dir);

    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(await again.get(id)).toEqual({ ...ANSWER, votes: {} });
  });

  it('forgets an answer ANSWER_STATE_DAYS after its last use; looking at a page keeps it longer', async () => {
    now = T0;
    const answers = await open(dataDir());
    const id = await answers.remember(ANSWER);

    now = new Date(T0.getTime() + 6 * DAY);
    await answers.extend(id, P.slice(1, 2));
    now = new Date(T0.getTime() + 12 * DAY);
    expect((await answers.get(id))?.shown).toEqual(P.slice(0, 2));

    now = new Date(T0.getTime() + 13 * DAY);
    expect(await answers.get(id)).toBeUndefined();
  });

  it('adds each passage looked at once, in order', async () => {
    now = T0;
    const answers = await open(dataDir());
    const id = await answers.remember(ANSWER);

    await answers.extend(id, P.slice(0, 2));
    await answers.extend(id, P.slice(1, 3));

    expect((await answers.get(id))?.shown).toEqual(P);
  });

  it('swaps one vote per user, returning the vote replaced; null for an answer it does not know', async () => {
    now = T0;
    const answers = await open(dataDir());
    const id = await answers.remember(ANSWER);

    // Two clicks at once: the second sees the first.
    const [first, second] = await Promise.all([answers.swapVote(id, 'u1', 'up'), answers.swapVote(id, 'u1', 'up')]);
    expect([first, second]).toEqual([undefined, 'up']);
    expect(await answers.swapVote(id, 'u1', 'down')).toBe('up');
    expect(await answers.swapVote(id, 'u2', 'up')).toBeUndefined();
    expect(await answers.swapVote(id, 'u1', undefined)).toBe('down');
    expect(await answers.swapVote(id, 'u1', 'up')).toBeUndefined();
    expect(await answers.swapVote('000000000000', 'u1', 'up')).toBeNull();
  });
});
