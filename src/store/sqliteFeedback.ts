import type { Database } from 'better-sqlite3';
import type { DownvotedPassage, FeedbackVote, GapGroup, NewGap } from './CorpusStore.js';
import { gapKey } from './gapKey.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records a vote, replacing the user's earlier vote on the same answer (and its passages) unless
 * that one is newer; call inside a transaction. Returns whether this vote is now recorded.
 */
export function upsertVote(db: Database, v: FeedbackVote & { time: Date }): boolean {
  const time = v.time.getTime();
  const earlier = db.prepare('SELECT id, time FROM feedback WHERE answer = ? AND user_id = ?').get(v.answer, v.user) as
    { id: number; time: number } | undefined;
  if (earlier !== undefined && earlier.time > time) return false;
  if (earlier !== undefined) db.prepare('DELETE FROM feedback WHERE id = ?').run(earlier.id);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO feedback (answer, user_id, guild, vote, question, time) VALUES (?, ?, ?, ?, ?, ?)')
    .run(v.answer, v.user, v.guild, v.vote, v.question, time);
  const passage = db.prepare(
    'INSERT INTO feedback_passages (feedback, position, doc, section, start_offset, end_offset, score, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  v.passages.forEach((p, i) => passage.run(lastInsertRowid, i, p.doc, p.section, p.start, p.end, p.score, p.text));
  return true;
}

/** A time window in ms since the epoch, both ends included. */
export interface Window {
  readonly since: number;
  readonly until: number;
}

/** The window of `days` days (of 24 hours) ending at `now`. */
export function windowOf(now: Date, days: number): Window {
  return { since: now.getTime() - days * DAY_MS, until: now.getTime() };
}

export function downvotedPassages(db: Database, guild: string, window: Window, limit: number): DownvotedPassage[] {
  // SQLite fills the bare columns (section, offsets) from the row holding MAX(f.time): the latest showing.
  const rows = db
    .prepare(
      `SELECT p.doc, p.text, p.section, p.start_offset AS start, p.end_offset AS end, COUNT(DISTINCT f.id) AS count, MAX(f.time) AS last
       FROM feedback f JOIN feedback_passages p ON p.feedback = f.id
       WHERE f.guild = ? AND f.vote = 'down' AND f.time BETWEEN ? AND ?
       GROUP BY p.doc, p.text ORDER BY count DESC, last DESC, p.doc, p.text LIMIT ?`,
    )
    .all(guild, window.since, window.until, limit) as (Omit<DownvotedPassage, 'lastVoted'> & { last: number })[];
  return rows.map(({ last, ...row }) => ({ ...row, lastVoted: new Date(last) }));
}

export function insertGap(db: Database, gap: NewGap & { time: Date }): void {
  db.prepare('INSERT INTO gaps (guild, question, key, time) VALUES (?, ?, ?, ?)').run(gap.guild, gap.question, gapKey(gap.question), gap.time.getTime());
}

export function topGaps(db: Database, guild: string, window: Window, limit: number): GapGroup[] {
  // The bare column `question` comes from the row holding MAX(time): the latest wording.
  const rows = db
    .prepare(
      `SELECT key, question, COUNT(*) AS count, MAX(time) AS last FROM gaps
       WHERE guild = ? AND time BETWEEN ? AND ? GROUP BY key ORDER BY count DESC, last DESC, key LIMIT ?`,
    )
    .all(guild, window.since, window.until, limit) as { key: string; question: string; count: number; last: number }[];
  return rows.map((r) => ({ key: r.key, question: r.question, count: r.count, lastAsked: new Date(r.last) }));
}

/** Deletes feedback (with its passages) and gaps recorded before `before` (ms since the epoch). */
export function pruneBefore(db: Database, before: number): { feedback: number; gaps: number } {
  const feedback = db.prepare('DELETE FROM feedback WHERE time < ?').run(before).changes;
  const gaps = db.prepare('DELETE FROM gaps WHERE time < ?').run(before).changes;
  return { feedback, gaps };
}
