import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Actor, ChangeIntent } from '../../src/store/CorpusStore.js';
import { SqliteStore, type SqliteStoreOptions } from '../../src/store/SqliteStore.js';

export const T0 = new Date('2026-11-01T12:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;
export const GUILD = '710000000000000001';
export const OTHER_GUILD = '720000000000000002';
export const ALICE: Actor = { id: '100000000000000001', name: 'alice', guild: GUILD };

/** `days` days after T0. */
export function day(days: number): Date {
  return new Date(T0.getTime() + days * DAY);
}

/** A fresh DATA_DIR per test, removed afterwards, and stores opened in it closed afterwards. */
export function tempDataDirs(): { dataDir(): string; open(dataDir: string, options?: Partial<SqliteStoreOptions>): Promise<SqliteStore> } {
  const dirs: string[] = [];
  const stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dataDir() {
      const dir = mkdtempSync(join(tmpdir(), 'store-'));
      dirs.push(dir);
      return join(dir, 'data');
    },
    async open(dataDir, options = {}) {
      const store = await SqliteStore.open({ dataDir, retentionDays: 90, clock: () => T0, ...options });
      stores.push(store);
      return store;
    },
  };
}

/** A change adding (or, with `action`, otherwise changing) `doc` with `text` as its bytes. */
export function intent(id: string, doc: string, text: string, extra: Partial<ChangeIntent> = {}): ChangeIntent {
  return { id, action: 'add', doc, source: { fileName: `${doc}.txt` }, content: Buffer.from(text), actor: ALICE, ...extra };
}
