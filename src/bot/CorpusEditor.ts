import { randomBytes } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { LiveIndex } from '../answer/LiveIndex.js';
import { checkChunkCount, chunkDocument } from '../chunking/chunkDocument.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../corpus/DocumentLimits.js';
import { listCorpusFiles } from '../corpus/loadCorpus.js';
import { documentId, parseDocument } from '../corpus/parseDocument.js';
import { UserError } from '../errors.js';
import type { BuildSummary } from '../index/buildIndex.js';
import { type Actor, auditUnwritable, type ChangeJournal, type ChangeRecord, sha256 } from './ChangeJournal.js';
import { placeFile } from './placeFile.js';

/** The outcome of a corpus change: the document and the rebuild that made it live. */
export interface CorpusChange {
  readonly doc: { readonly id: string; readonly title: string };
  readonly build: BuildSummary;
}

export interface AddDocument {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Shown as the document's title: written as its first line (`# title` in Markdown). */
  readonly title?: string;
  readonly actor: Actor;
}

/**
 * Adds and removes corpus files on behalf of moderators, one change at a time. Each change is one
 * unit with its audit record: validated before anything is written, its intent recorded (a
 * change the log cannot record is refused), the file written atomically, the index rebuilt (the
 * old one answers meanwhile), then the outcome recorded. A failed rebuild undoes the file change;
 * a change interrupted by a crash is rolled back at start-up (`recoverCorpusChanges`).
 */
export class CorpusEditor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly corpusDir: string,
    private readonly liveIndex: Pick<LiveIndex, 'rebuild' | 'answerer'>,
    private readonly journal: ChangeJournal,
    private readonly limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
  ) {}

  add(request: AddDocument): Promise<CorpusChange> {
    return this.serialized(() => this.addNow(request));
  }

  remove(docId: string, actor: Actor): Promise<CorpusChange> {
    return this.serialized(() => this.removeNow(docId, actor));
  }

  private async addNow({ fileName, bytes, title, actor }: AddDocument): Promise<CorpusChange> {
    const name = safeFileName(fileName);
    let content = bytes;
    let doc = parseDocument(name, content, this.limits);
    if (title !== undefined && title.trim() !== '') {
      content = withTitle(name, content, title);
      doc = parseDocument(name, content, this.limits);
    }
    checkChunkCount(name, chunkDocument(doc), this.limits);
    const id = documentId(name);
    const existing = this.files()
      .map(documentId)
      .find((other) => documentKey(other) === documentKey(id));
    if (existing !== undefined) {
      const as = existing === id ? '' : ` as "${existing}" (ids are compared ignoring case and look-alike characters)`;
      throw new UserError(
        'duplicate_document',
        `corpus: "${id}" is already in the corpus${as}; to replace it, remove it first with /corpus remove, or rename the file`,
      );
    }
    const path = join(this.corpusDir, name);
    const build = await this.transact(
      changeRecord('add', id, name, content, actor),
      () => placeFile(this.corpusDir, name, content),
      () => unlink(path),
    );
    return { doc: { id, title: doc.title }, build };
  }

  private async removeNow(docId: string, actor: Actor): Promise<CorpusChange> {
    const files = this.files();
    const name = files.find((f) => documentId(f) === docId);
    if (!name) throw new UserError('unknown_document', `corpus: no document "${docId}"; see /corpus list`);
    if (files.length <= 1) throw new UserError('last_document', `corpus: "${docId}" is the only document; add another before removing it`);
    const title = this.liveIndex.answerer.listDocuments().find((d) => d.id === docId)?.title ?? docId;
    const path = join(this.corpusDir, name);
    const content = await readFile(path);
    const record = changeRecord('remove', docId, name, content, actor);
    const build = await this.transact(
      record,
      async () => {
        await this.journal.stage(record, content);
        await unlink(path);
      },
      () => placeFile(this.corpusDir, name, content),
    );
    return { doc: { id: docId, title }, build };
  }

  /**
   * Records the intent, applies the file change, rebuilds and records the outcome. When the rebuild
   * fails, `undo` restores the corpus folder; when the outcome cannot be recorded, the change is
   * undone and the index rebuilt again, so nothing is live that the log does not show as done.
   */
  private async transact(record: ChangeRecord, apply: () => Promise<void>, undo: () => Promise<void>): Promise<BuildSummary> {
    await this.journal.begin(record);
    let build: BuildSummary;
    try {
      await apply();
    } catch (err) {
      await this.settleFailed(record, err);
      throw err;
    }
    try {
      build = await this.liveIndex.rebuild();
    } catch (err) {
      await undo();
      await this.settleFailed(record, err);
      throw err;
    }
    try {
      await this.journal.settle(record, 'done');
    } catch (err) {
      await undo();
      await this.liveIndex.rebuild();
      throw auditUnwritable(err, 'so the change was undone');
    }
    await this.journal.discardStaged(record);
    return build;
  }

  /** Records a failure; if even that cannot be written, the pending line stays and start-up recovery settles it. */
  private async settleFailed(record: ChangeRecord, err: unknown): Promise<void> {
    await this.journal.settle(record, 'failed', (err as Error).message).catch(() => undefined);
    await this.journal.discardStaged(record);
  }

  private files(): string[] {
    return listCorpusFiles(this.corpusDir);
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Longest document id: Discord's limit for a choice value, so /corpus remove and /cite can offer every document. */
const MAX_ID_CHARS = 100;
/** Longest file name in UTF-8 bytes, well under the 255 of most file systems. */
const MAX_NAME_BYTES = 240;

/**
 * The base name in Unicode NFKC (fullwidth letters become ASCII, a decomposed é composed), with
 * anything but letters, digits, `.`, `_` and `-` replaced, so it is a safe file name. Refuses a
 * name that leaves no id, or an id over 100 characters (240 bytes).
 */
export function safeFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').normalize('NFKC');
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const stem = documentId(cleaned);
  // No leading dot: a hidden file would be skipped by tools and confused with our temp files.
  const id = stem.replace(/^[.-]+/, '');
  const shown = fileName.length > 40 ? `${fileName.slice(0, 40)}…` : fileName;
  if (id === '') throw new UserError('bad_document', `corpus: "${shown}" is not a usable file name`);
  const name = id + cleaned.slice(stem.length);
  if (Array.from(id).length > MAX_ID_CHARS || Buffer.byteLength(name) > MAX_NAME_BYTES) {
    throw new UserError(
      'bad_document',
      `corpus: the file name "${shown}" is too long (${Array.from(id).length} characters); rename the file to at most ${MAX_ID_CHARS} characters before the extension`,
    );
  }
  return name;
}

/**
 * What makes two document ids the same document: equal after Unicode NFKC and case folding, so
 * `France-North-Korea-Relations`, fullwidth letters and NFC / NFD spellings are duplicates.
 * (Upper- then lower-casing folds ß and final sigma as full case folding does.)
 */
export function documentKey(id: string): string {
  return id.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

function changeRecord(action: ChangeRecord['action'], doc: string, file: string, bytes: Uint8Array, actor: Actor): ChangeRecord {
  return { change: randomBytes(8).toString('hex'), action, doc, file, sha256: sha256(bytes), bytes: bytes.length, actor };
}

function withTitle(name: string, bytes: Uint8Array, title: string): Uint8Array {
  const line = title.replace(/\s+/g, ' ').trim().slice(0, 200);
  const head = name.toLowerCase().endsWith('.md') ? `# ${line}\n\n` : `${line}\n\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), bytes]);
}
