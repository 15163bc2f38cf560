import { readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeEntry, CorpusStore } from '../store/CorpusStore.js';
import { sha256 } from './CorpusEditor.js';
import { placeFile, removeStrayTempFiles, replaceFile } from './placeFile.js';

/** A change found pending at start-up and what was done to roll it back. */
export interface RecoveredChange {
  readonly change: ChangeEntry;
  readonly detail: string;
}

/**
 * Rolls back every corpus change left pending in the store (the bot stopped between recording
 * the intent and the outcome), so that the corpus folder, the index built from it next and the
 * store agree: an added file is removed again and an updated or rolled-back one restored to its
 * latest recorded version (only if it holds the change's content), a removed file is put back
 * from the stored bytes. Each is settled `rolled_back` with what was done. Run before the index is opened.
 */
export async function recoverCorpusChanges(corpusDir: string, dataDir: string, store: CorpusStore): Promise<RecoveredChange[]> {
  await removeStrayTempFiles(corpusDir);
  const recovered: RecoveredChange[] = [];
  for (const change of await store.pendingChanges()) {
    const detail = await undo(corpusDir, dataDir, change, store);
    await store.completeChange(change.id, { status: 'rolled_back', reason: `the bot stopped before the change finished; ${detail}` });
    recovered.push({ change, detail });
  }
  // Copies of removed files the JSONL journal kept before the store: none is needed once nothing is pending.
  await rm(join(dataDir, LEGACY_STAGING), { recursive: true, force: true });
  return recovered;
}

/** Where the JSONL journal (before the store) kept a copy of a file being removed: `corpus-pending/<change>-<file>`. */
const LEGACY_STAGING = 'corpus-pending';

async function undo(corpusDir: string, dataDir: string, change: ChangeEntry, store: CorpusStore): Promise<string> {
  const file = change.source.fileName;
  const current = await readFile(join(corpusDir, file)).catch(() => null);
  if (change.action === 'remove') {
    if (current !== null) return `"${file}" was still in place`;
    const bytes = (await store.content(change.sha256)) ?? (await readFile(join(dataDir, LEGACY_STAGING, `${change.id}-${file}`)).catch(() => null));
    if (bytes === null || sha256(bytes) !== change.sha256) return `"${file}" could not be put back: no complete copy was kept`;
    await placeFile(corpusDir, file, bytes);
    return `"${file}" was put back`;
  }
  if (current === null) return `"${file}" was never written`;
  if (sha256(current) !== change.sha256) return `"${file}" holds other content, so it was left in place`;
  const previous = (await store.history(change.doc, { limit: 1 })).versions[0];
  if (change.action === 'add' || previous === undefined || previous.action === 'remove') {
    await unlink(join(corpusDir, file));
    return `"${file}" was removed again`;
  }
  const bytes = await store.content(previous.sha256);
  if (bytes === undefined) return `"${file}" could not be restored: version ${previous.version} has no stored content`;
  await replaceFile(corpusDir, file, bytes);
  return `"${file}" was restored to version ${previous.version}`;
}
