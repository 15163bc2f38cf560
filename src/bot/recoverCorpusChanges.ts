import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChangeJournal, type ChangeRecord, sha256 } from './ChangeJournal.js';
import { placeFile, removeStrayTempFiles } from './placeFile.js';

/** A change found pending at start-up and what was done to roll it back. */
export interface RecoveredChange {
  readonly record: ChangeRecord;
  readonly detail: string;
}

/**
 * Rolls back every corpus change left pending (the bot stopped between recording the intent and
 * the outcome), so that the corpus folder, the index built from it next and the audit log agree:
 * an added file is removed again (only if it is the recorded content), a removed file is put back
 * from its staged copy. Each gets a `rolled_back` line. Run before the index is opened.
 */
export async function recoverCorpusChanges(corpusDir: string, journal: ChangeJournal): Promise<RecoveredChange[]> {
  await removeStrayTempFiles(corpusDir);
  const recovered: RecoveredChange[] = [];
  for (const record of await journal.pending()) {
    const detail = record.action === 'add' ? await undoAdd(corpusDir, record) : await undoRemove(corpusDir, record, journal);
    await journal.settle(record, 'rolled_back', `the bot stopped before the change finished; ${detail}`);
    recovered.push({ record, detail });
  }
  await journal.discardAllStaged();
  return recovered;
}

async function undoAdd(corpusDir: string, record: ChangeRecord): Promise<string> {
  const path = join(corpusDir, record.file);
  const bytes = await readFile(path).catch(() => null);
  if (bytes === null) return `"${record.file}" was never written`;
  if (sha256(bytes) !== record.sha256) return `"${record.file}" holds other content, so it was left in place`;
  await unlink(path);
  return `"${record.file}" was removed again`;
}

async function undoRemove(corpusDir: string, record: ChangeRecord, journal: ChangeJournal): Promise<string> {
  const present = await readFile(join(corpusDir, record.file)).then(
    () => true,
    () => false,
  );
  if (present) return `"${record.file}" was still in place`;
  const staged = await journal.staged(record);
  if (staged === null || sha256(staged) !== record.sha256) return `"${record.file}" could not be put back: no complete copy was kept`;
  await placeFile(corpusDir, record.file, staged);
  return `"${record.file}" was put back`;
}
