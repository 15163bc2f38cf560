import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CorpusStore } from '../../src/store/CorpusStore.js';
import { SqliteStore, STORE_FILE } from '../../src/store/SqliteStore.js';

/** Opens the store in `dataDir` beside a running bot (WAL lets both use it), runs `read`, closes it. */
export async function readStore<T>(dataDir: string, read: (store: CorpusStore) => Promise<T>): Promise<T> {
  const store = await SqliteStore.open({ dataDir, retentionDays: 90 });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

/** The store's audit log, oldest first. */
export function changesIn(dataDir: string) {
  return readStore(dataDir, async (store) => (await store.auditLog({ limit: 100 })).reverse());
}

/** A vote as the store holds it, read with SQL (the interface has no reader for single votes). */
export interface StoredVote {
  readonly answer: string;
  readonly user: string;
  readonly guild: string | null;
  readonly vote: string;
  readonly question: string;
  readonly passages: { readonly doc: string; readonly text: string }[];
}

/** Every vote in the store, in the order recorded, with its passages in order. */
export function votesIn(dataDir: string): StoredVote[] {
  const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
  try {
    const rows = db.prepare('SELECT id, answer, user_id AS user, guild, vote, question FROM feedback ORDER BY id').all() as (Omit<StoredVote, 'passages'> & {
      id: number;
    })[];
    const passages = db.prepare('SELECT doc, text FROM feedback_passages WHERE feedback = ? ORDER BY position');
    return rows.map(({ id, ...vote }) => ({ ...vote, passages: passages.all(id) as StoredVote['passages'] }));
  } finally {
    db.close();
  }
}
