import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ChangeStatus, ShownPassage } from './CorpusStore.js';
import { upsertVote } from './sqliteFeedback.js';
import { findChange, insertChange, settleChange, sha256 } from './sqliteVersions.js';

/** What importing one JSONL file did. */
export interface JsonlImport {
  readonly file: string;
  /** Lines imported (0 when this exact file had been imported before and only its rename was left). */
  readonly records: number;
  /** Lines that were not records of the expected shape (a torn last line, hand edits). */
  readonly skipped: number;
  /** Where the file now is. */
  readonly renamedTo: string;
}

type LineImporter = (db: Database, line: Record<string, unknown>, raw: string) => boolean;

const IMPORTERS: Record<string, LineImporter> = { 'audit.jsonl': importAuditLine, 'feedback.jsonl': importFeedbackLine };

/**
 * Imports `audit.jsonl` and `feedback.jsonl` from `dataDir` into the database, each in one
 * transaction recorded in `jsonl_imports` with the file's sha256, then renames the file to
 * `<name>.migrated` (`.migrated.2`… when taken) so the old log is kept but no longer read. A file
 * already imported (a stop between the commit and the rename) is only renamed. Record ids are
 * derived from the lines themselves, so even a file imported twice adds nothing twice.
 */
export function importJsonlFiles(db: Database, dataDir: string, now: Date): JsonlImport[] {
  const done: JsonlImport[] = [];
  for (const [file, importLine] of Object.entries(IMPORTERS)) {
    const path = join(dataDir, file);
    const text = ifPresent(() => readFileSync(path, 'utf8'));
    if (text === ABSENT) continue;
    const hash = sha256(Buffer.from(text, 'utf8'));
    // IMMEDIATE: a second process opening the store at the same moment waits, then sees the import.
    const { records, skipped } = db.transaction(() => importOnce(db, file, hash, text, importLine, now)).immediate();
    const target = freePath(`${path}.migrated`);
    // Gone: another process opening the store at the same moment renamed it.
    if (ifPresent(() => renameSync(path, target)) === ABSENT) continue;
    const renamedTo = basename(target);
    db.prepare('UPDATE jsonl_imports SET renamed_to = ? WHERE file = ? AND sha256 = ?').run(renamedTo, file, hash);
    done.push({ file, records, skipped, renamedTo });
  }
  return done;
}

/** Imports a file's lines unless this exact content was imported before; counts what it did. */
function importOnce(db: Database, file: string, hash: string, text: string, importLine: LineImporter, now: Date): { records: number; skipped: number } {
  if (db.prepare('SELECT 1 FROM jsonl_imports WHERE file = ? AND sha256 = ?').get(file, hash) !== undefined) return { records: 0, skipped: 0 };
  let records = 0;
  let skipped = 0;
  for (const raw of text.split('\n').filter((l) => l.trim() !== '')) {
    const line = parseLine(raw);
    if (line !== undefined && importLine(db, line, raw)) records++;
    else skipped++;
  }
  db.prepare('INSERT INTO jsonl_imports (file, sha256, records, skipped, time) VALUES (?, ?, ?, ?, ?)').run(file, hash, records, skipped, now.getTime());
  return { records, skipped };
}

/**
 * One line of audit.jsonl. Journal lines (`change` id and `status`) are grouped by change: the
 * first gives the intent, a later settled line the outcome. Older lines (no id, no status: written
 * after the change was live; the oldest without a server) become `done` changes with an id derived
 * from the line.
 */
function importAuditLine(db: Database, line: Record<string, unknown>, raw: string): boolean {
  const { time, action, doc, file, sha256: hash, bytes, actor } = line;
  const when = dateOf(time);
  if (when === undefined || !isAction(action) || !isText(doc) || !isText(file) || !isText(hash) || typeof bytes !== 'number') return false;
  if (!isRecord(actor) || !isText(actor.id) || typeof actor.name !== 'string') return false;
  const journal = isText(line.change) && isStatus(line.status);
  const id = journal ? (line.change as string) : `legacy-${sha256(Buffer.from(raw)).slice(0, 16)}`;
  const status: ChangeStatus = journal ? (line.status as ChangeStatus) : 'done';
  const reason = typeof line.reason === 'string' ? line.reason : undefined;
  const existing = findChange(db, id);
  if (existing === undefined) {
    const guild = isText(actor.guild) ? actor.guild : null;
    insertChange(db, {
      id,
      action,
      doc,
      source: { fileName: file },
      sha256: hash,
      bytes,
      actor: { id: actor.id, name: actor.name, guild },
      status: 'pending',
      began: when,
    });
  }
  if (status !== 'pending') settleChange(db, id, status, reason ?? null, when, null);
  return true;
}

/** One line of feedback.jsonl; the oldest lines have no answer id (each becomes its own answer) and none has a server. */
function importFeedbackLine(db: Database, line: Record<string, unknown>, raw: string): boolean {
  const { time, user, vote, question, passages } = line;
  const when = dateOf(time);
  if (when === undefined || !isText(user) || (vote !== 'up' && vote !== 'down') || typeof question !== 'string') return false;
  if (!Array.isArray(passages) || !passages.every(isShownPassage)) return false;
  const answer = isText(line.answer) ? line.answer : `legacy-${sha256(Buffer.from(raw)).slice(0, 16)}`;
  const guild = isText(line.guild) ? line.guild : null;
  upsertVote(db, { answer, user, guild, vote, question, passages, time: when });
  return true;
}

function parseLine(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const ABSENT = Symbol('absent');

/** `work`'s result, or ABSENT when it failed because the file is not there (ENOENT). */
function ifPresent<T>(work: () => T): T | typeof ABSENT {
  try {
    return work();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return ABSENT;
    throw err;
  }
}

function freePath(path: string): string {
  let candidate = path;
  for (let n = 2; existsSync(candidate); n++) candidate = `${path}.${n}`;
  return candidate;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isAction(value: unknown): value is 'add' | 'update' | 'remove' | 'rollback' {
  return value === 'add' || value === 'update' || value === 'remove' || value === 'rollback';
}

function isStatus(value: unknown): value is ChangeStatus {
  return value === 'pending' || value === 'done' || value === 'failed' || value === 'rolled_back';
}

function isShownPassage(value: unknown): value is ShownPassage {
  if (!isRecord(value)) return false;
  const { doc, section, start, end, score, text } = value;
  return (
    isText(doc) && typeof section === 'string' && typeof start === 'number' && typeof end === 'number' && typeof score === 'number' && typeof text === 'string'
  );
}
