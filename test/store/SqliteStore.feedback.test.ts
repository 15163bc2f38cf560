import { describe, expect, it } from 'vitest';
import type { FeedbackVote, ShownPassage } from '../../src/store/CorpusStore.js';
import { DAY, day, GUILD, OTHER_GUILD, T0, tempDataDirs } from './storeFixtures.js';

const temp = tempDataDirs();

function passage(doc: string, text: string, start = 0): ShownPassage {
  return { doc, section: 'Introduction', start, end: start + text.length, score: 0.5, text };
}
const P1 = passage('france', 'France does not recognise North Korea.');
const P2 = passage('france', 'Relations began in 1968.', 100);
const P3 = passage('korea', 'Pyongyang is the capital.', 40);

function vote(answer: string, user: string, v: FeedbackVote['vote'], passages: ShownPassage[], extra: Partial<FeedbackVote> = {}): FeedbackVote {
  return { answer, user, guild: GUILD, vote: v, question: 'q?', passages, ...extra };
}

describe('SqliteStore feedback', () => {
  it('keeps one vote per user per answer: a later vote replaces the earlier, an older one is ignored', async () => {
    const store = await temp.open(temp.dataDir());
    expect(await store.recordVote(vote('a1', 'u1', 'down', [P1, P2], { time: day(1) }))).toBe(true);
    expect(await store.recordVote(vote('a1', 'u1', 'up', [P1, P2], { time: day(2) }))).toBe(true);
    expect(await store.downvotedPassages({ guild: GUILD, days: 30, now: day(3) })).toEqual([]);
    expect(await store.recordVote(vote('a1', 'u1', 'down', [P1], { time: day(3) }))).toBe(true);
    expect(await store.recordVote(vote('a1', 'u1', 'up', [P1], { time: day(0) }))).toBe(false);
    expect(await store.downvotedPassages({ guild: GUILD, days: 30, now: day(3) })).toEqual([
      { doc: 'france', section: 'Introduction', text: P1.text, start: 0, end: P1.text.length, count: 1, lastVoted: day(3) },
    ]);
  });

  it('ranks the passages most often voted down in a server over the window, then the most recent', async () => {
    const store = await temp.open(temp.dataDir());
    await store.recordVote(vote('a1', 'u1', 'down', [P1, P2], { time: day(1) }));
    await store.recordVote(vote('a1', 'u2', 'down', [P1], { time: day(2) }));
    await store.recordVote(vote('a2', 'u1', 'down', [{ ...P1, start: 7, end: 7 + P1.text.length }, P3], { time: day(4) }));
    await store.recordVote(vote('a3', 'u3', 'up', [P2], { time: day(5) }));
    await store.recordVote(vote('a4', 'u3', 'down', [P2], { time: day(-40) }));
    await store.recordVote(vote('a5', 'u3', 'down', [P2, P3], { guild: OTHER_GUILD, time: day(5) }));
    await store.recordVote(vote('a6', 'u3', 'down', [P2], { guild: null, time: day(5) }));
    const top = await store.downvotedPassages({ guild: GUILD, days: 30, now: day(6) });
    expect(top.map((p) => [p.doc, p.text, p.count, p.lastVoted, p.start])).toEqual([
      ['france', P1.text, 3, day(4), 7],
      ['korea', P3.text, 1, day(4), 40],
      ['france', P2.text, 1, day(1), 100],
    ]);
    expect(await store.downvotedPassages({ guild: GUILD, days: 30, now: day(6), limit: 1 })).toHaveLength(1);
    expect((await store.downvotedPassages({ guild: OTHER_GUILD, days: 30, now: day(6) })).map((p) => p.count)).toEqual([1, 1]);
  });
});

describe('SqliteStore gaps', () => {
  it('groups a server’s declined questions that differ only in case, punctuation and stop words, most asked first', async () => {
    const store = await temp.open(temp.dataDir());
    await store.recordGap({ question: 'Who is Jack Lang?', guild: GUILD, time: day(1) });
    await store.recordGap({ question: 'who is jack lang', guild: GUILD, time: day(2) });
    await store.recordGap({ question: "who's Jack Lang??", guild: GUILD, time: day(3) });
    await store.recordGap({ question: 'What about the embassy in Paris?', guild: GUILD, time: day(4) });
    await store.recordGap({ question: 'embassy Paris', guild: GUILD, time: day(5) });
    await store.recordGap({ question: 'Kimchi recipes', guild: GUILD, time: day(6) });
    await store.recordGap({ question: 'Who is Jack Lang?', guild: OTHER_GUILD, time: day(6) });
    await store.recordGap({ question: 'Who is Jack Lang?', guild: null, time: day(6) });
    await store.recordGap({ question: 'Who is Jack Lang?', guild: GUILD, time: day(-30) });
    expect(await store.topGaps({ guild: GUILD, days: 30, now: day(7) })).toEqual([
      { key: 'jack lang', question: "who's Jack Lang??", count: 3, lastAsked: day(3) },
      { key: 'embassy paris', question: 'embassy Paris', count: 2, lastAsked: day(5) },
      { key: 'kimchi recipes', question: 'Kimchi recipes', count: 1, lastAsked: day(6) },
    ]);
    expect(await store.topGaps({ guild: GUILD, days: 30, now: day(7), limit: 1 })).toHaveLength(1);
    expect(await store.topGaps({ guild: OTHER_GUILD, days: 30, now: day(7) })).toMatchObject([{ key: 'jack lang', count: 1 }]);
    // A window ending earlier leaves out what was asked after it.
    expect(await store.topGaps({ guild: GUILD, days: 30, now: day(1) })).toMatchObject([{ key: 'jack lang', count: 1 }]);
  });

  it('records a gap at the store’s clock when no time is given', async () => {
    const store = await temp.open(temp.dataDir());
    await store.recordGap({ question: 'Jack Lang?', guild: GUILD });
    expect(await store.topGaps({ guild: GUILD, days: 1 })).toEqual([{ key: 'jack lang', question: 'Jack Lang?', count: 1, lastAsked: T0 }]);
  });
});

describe('SqliteStore.prune', () => {
  it('deletes feedback and gaps older than the retention period, and keeps versions and the audit log', async () => {
    const store = await temp.open(temp.dataDir(), { retentionDays: 30 });
    const now = day(100);
    const justInside = new Date(now.getTime() - 30 * DAY);
    const justOutside = new Date(justInside.getTime() - 1);
    await store.recordGap({ question: 'old', guild: GUILD, time: justOutside });
    await store.recordGap({ question: 'kept', guild: GUILD, time: justInside });
    await store.recordVote(vote('old', 'u1', 'down', [P1], { time: justOutside }));
    await store.recordVote(vote('kept', 'u1', 'down', [P2], { time: justInside }));
    await store.recordVersion({
      doc: 'a',
      action: 'baseline',
      source: { fileName: 'a.txt' },
      content: Buffer.from('a'),
      actor: { id: 'op', name: 'operator', guild: null },
      time: day(-500),
    });
    await store.beginChange({
      id: 'c1',
      action: 'add',
      doc: 'b',
      source: { fileName: 'b.txt' },
      content: Buffer.from('b'),
      actor: { id: 'op', name: 'operator', guild: null },
      time: day(-500),
    });

    expect(await store.prune(now)).toEqual({ feedback: 1, gaps: 1 });
    expect(await store.prune(now)).toEqual({ feedback: 0, gaps: 0 });
    expect((await store.topGaps({ guild: GUILD, days: 365, now })).map((g) => g.question)).toEqual(['kept']);
    expect((await store.downvotedPassages({ guild: GUILD, days: 365, now })).map((p) => p.text)).toEqual([P2.text]);
    expect((await store.history('a')).total).toBe(1);
    expect(await store.auditLog()).toHaveLength(1);
  });
});
