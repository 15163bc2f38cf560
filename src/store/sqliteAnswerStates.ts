import type { Database } from 'better-sqlite3';

/** Saves an answer's state, replacing any earlier, and deletes the answers expired at `now`; call inside a transaction. */
export function upsertAnswerState(db: Database, id: string, state: string, expires: Date, now: Date): void {
  db.prepare('DELETE FROM answer_states WHERE expires <= ?').run(now.getTime());
  db.prepare(
    'INSERT INTO answer_states (id, state, expires) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires = excluded.expires',
  ).run(id, state, expires.getTime());
}

/** An answer's state while it has not expired at `now`. */
export function selectAnswerState(db: Database, id: string, now: Date): string | undefined {
  return db.prepare('SELECT state FROM answer_states WHERE id = ? AND expires > ?').pluck().get(id, now.getTime()) as string | undefined;
}
