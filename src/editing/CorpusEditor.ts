import { createHash, randomBytes } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { checkChunkCount, chunkDocument } from '../chunking/chunkDocument.js';
import { extensionOf } from '../corpus/documentFileName.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../corpus/DocumentLimits.js';
import { listCorpusFiles } from '../corpus/loadCorpus.js';
import { documentId, parseDocument } from '../corpus/parseDocument.js';
import type { Document } from '../corpus/types.js';
import { UserError } from '../errors.js';
import type { BuildSummary } from '../index/buildIndex.js';
import type { Actor, ChangeAction, CorpusStore, VersionSource } from '../store/CorpusStore.js';
import { recordChange } from '../store/recordChange.js';
import { type ChangePreview, labelOf, previewChange, type VersionLabel } from './ChangePreview.js';
import { documentKey, safeFileName } from './fileNames.js';
import { placeFile, replaceFile } from './placeFile.js';

/** What the editor needs from the running index: a rebuild from the corpus folder, made live when it succeeds. */
export interface Rebuilder {
  rebuild(): Promise<BuildSummary>;
}

/** The outcome of a corpus change: the document, the rebuild that made it live and the version recorded. */
export interface CorpusChange {
  readonly doc: { readonly id: string; readonly title: string };
  readonly build: BuildSummary;
  readonly version: number;
}

export interface AddDocument {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Shown as the document's title: written as its first line (`# title` in Markdown). */
  readonly title?: string;
  readonly actor: Actor;
}

/** An update or rollback checked and compared, waiting for Apply: the preview and the bytes it would write. */
export interface PreparedChange {
  readonly kind: 'change';
  readonly preview: ChangePreview;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** sha256 of the file the preview compared against (null: no file, a removed document restored); Apply refuses if it changed since. */
  readonly baseSha256: string | null;
  readonly source: VersionSource;
  readonly restores?: number;
}

/** An update or rollback that would change nothing: the document already holds that content or revision. */
export interface NoChange {
  readonly kind: 'unchanged';
  readonly doc: { readonly id: string; readonly title: string };
  readonly at: VersionLabel;
}

/**
 * Adds, updates, rolls back and removes corpus files on behalf of moderators, one change at a
 * time. Each change is one unit with its records in the store: validated before anything is
 * written, its intent and content committed (a change the store cannot record is refused), the
 * file written atomically, the index rebuilt (the old one answers meanwhile), then its version
 * and outcome committed together. A failed rebuild undoes the file change; a change interrupted
 * by a crash is rolled back at start-up (`recoverCorpusChanges`).
 */
export class CorpusEditor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly corpusDir: string,
    private readonly live: Rebuilder,
    private readonly store: CorpusStore,
    private readonly limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
  ) {}

  add(request: AddDocument): Promise<CorpusChange> {
    return this.serialized(() => this.addNow(request));
  }

  remove(docId: string, actor: Actor): Promise<CorpusChange> {
    return this.serialized(() => this.removeNow(docId, actor));
  }

  /**
   * Compares a new version of a document with the current one, changing nothing. The new bytes
   * keep the document's file name; an upload must have the same extension.
   */
  async prepareUpdate(docId: string, replacement: { readonly fileName?: string; readonly bytes: Uint8Array }): Promise<PreparedChange | NoChange> {
    const name = this.fileOf(docId);
    if (replacement.fileName !== undefined && extensionOf(replacement.fileName).toLowerCase() !== extensionOf(name).toLowerCase()) {
      throw new UserError(
        'bad_document',
        `corpus: "${replacement.fileName}" is not a ${extensionOf(name)} file like "${name}"; upload the new version as ${extensionOf(name)}`,
      );
    }
    const current = await readFile(join(this.corpusDir, name));
    const before = parseDocument(name, current, this.limits);
    const after = this.parse(name, replacement.bytes);
    const latest = await this.latestVersion(docId);
    const sameRevision = before.source !== undefined && after.source?.url === before.source.url && after.source.revisionId === before.source.revisionId;
    if (sha256(current) === sha256(replacement.bytes) || sameRevision) {
      return { kind: 'unchanged', doc: { id: docId, title: before.title }, at: labelOf(before, latest) };
    }
    return {
      kind: 'change',
      preview: previewChange('update', before, after, { from: labelOf(before, latest), to: labelOf(after) }),
      fileName: name,
      bytes: replacement.bytes,
      baseSha256: sha256(current),
      source: sourceOf(name, after),
    };
  }

  /** The URL of the article a document was imported from; undefined for any other document. */
  async articleUrl(docId: string): Promise<string | undefined> {
    const name = this.fileOf(docId);
    return parseDocument(name, await readFile(join(this.corpusDir, name)), this.limits).source?.url;
  }

  /** Compares a stored version with the current document (or with nothing, for a removed one), changing nothing. */
  async prepareRollback(docId: string, version: number): Promise<PreparedChange | NoChange> {
    const target = await this.store.version(docId, version);
    const bytes = target && (await this.store.versionBytes(docId, version));
    if (target === undefined || bytes === undefined) {
      throw new UserError('unknown_version', `corpus: "${docId}" has no version ${version}; see /corpus history doc:${docId}`);
    }
    const name = listCorpusFiles(this.corpusDir).find((f) => documentId(f) === docId) ?? target.source.fileName;
    const current = await readFile(join(this.corpusDir, name)).catch(() => null);
    const after = this.parse(name, bytes);
    const before = current === null ? emptyDocument(docId) : parseDocument(name, current, this.limits);
    const latest = await this.latestVersion(docId);
    if (current !== null && sha256(current) === target.sha256)
      return { kind: 'unchanged', doc: { id: docId, title: before.title }, at: labelOf(before, latest) };
    return {
      kind: 'change',
      preview: previewChange('rollback', before, after, { from: labelOf(before, current === null ? undefined : latest), to: labelOf(after, version) }),
      fileName: name,
      bytes,
      baseSha256: current === null ? null : sha256(current),
      source: { ...target.source, fileName: name },
      restores: version,
    };
  }

  /** Makes a prepared update or rollback live, unless the document changed since the preview (`stale_preview`). */
  apply(prepared: PreparedChange, actor: Actor): Promise<CorpusChange> {
    return this.serialized(async () => {
      const { fileName, bytes, preview } = prepared;
      const current = await readFile(join(this.corpusDir, fileName)).catch(() => null);
      if ((current === null ? null : sha256(current)) !== prepared.baseSha256) {
        throw new UserError('stale_preview', `corpus: "${preview.doc.id}" changed since this preview; ask for a new one`);
      }
      const write = current === null ? () => placeFile(this.corpusDir, fileName, bytes) : () => replaceFile(this.corpusDir, fileName, bytes);
      const restore = current === null ? () => unlink(join(this.corpusDir, fileName)) : () => replaceFile(this.corpusDir, fileName, current);
      const intent = {
        ...this.intent(preview.action, preview.doc.id, prepared.source, bytes, actor),
        ...(prepared.restores === undefined ? {} : { restores: prepared.restores }),
      };
      return this.transact(intent, preview.doc, write, restore);
    });
  }

  private async addNow({ fileName, bytes, title, actor }: AddDocument): Promise<CorpusChange> {
    const name = safeFileName(fileName);
    let content = bytes;
    let doc = this.parse(name, content);
    if (title !== undefined && title.trim() !== '') {
      content = withTitle(name, content, title);
      doc = this.parse(name, content);
    }
    const id = documentId(name);
    const existing = listCorpusFiles(this.corpusDir)
      .map(documentId)
      .find((other) => documentKey(other) === documentKey(id));
    if (existing !== undefined) {
      const as = existing === id ? '' : ` as "${existing}" (ids are compared ignoring case and look-alike characters)`;
      throw new UserError('duplicate_document', `corpus: "${id}" is already in the corpus${as}; to replace it, use /corpus update, or rename the file`);
    }
    return this.transact(
      this.intent('add', id, sourceOf(name, doc), content, actor),
      { id, title: doc.title },
      () => placeFile(this.corpusDir, name, content),
      () => unlink(join(this.corpusDir, name)),
    );
  }

  private async removeNow(docId: string, actor: Actor): Promise<CorpusChange> {
    const name = this.fileOf(docId);
    if (listCorpusFiles(this.corpusDir).length <= 1)
      throw new UserError('last_document', `corpus: "${docId}" is the only document; add another before removing it`);
    const path = join(this.corpusDir, name);
    const content = await readFile(path);
    const title = titleOf(name, content, this.limits) ?? docId;
    return this.transact(
      this.intent('remove', docId, { fileName: name }, content, actor),
      { id: docId, title },
      () => unlink(path),
      () => placeFile(this.corpusDir, name, content),
    );
  }

  /**
   * Records the intent, changes the file, rebuilds, and commits the version with the outcome.
   * When the rebuild fails, `restore` puts the folder back; when the outcome cannot be committed,
   * the change is undone and the index rebuilt again, so nothing is live that the store does not show as done.
   */
  private async transact(
    intent: Parameters<CorpusStore['beginChange']>[0],
    doc: CorpusChange['doc'],
    write: () => Promise<void>,
    restore: () => Promise<void>,
  ): Promise<CorpusChange> {
    const { result: build, change } = await recordChange(this.store, intent, {
      apply: async () => {
        await write();
        try {
          return await this.live.rebuild();
        } catch (err) {
          await restore();
          throw err;
        }
      },
      undo: async () => {
        await restore();
        await this.live.rebuild();
      },
    });
    return { doc, build, version: change.version! };
  }

  private intent(action: ChangeAction, doc: string, source: VersionSource, content: Uint8Array, actor: Actor) {
    return { id: randomBytes(8).toString('hex'), action, doc, source, content, actor };
  }

  private parse(name: string, bytes: Uint8Array): Document {
    const doc = parseDocument(name, bytes, this.limits);
    checkChunkCount(name, chunkDocument(doc), this.limits);
    return doc;
  }

  private fileOf(docId: string): string {
    const name = listCorpusFiles(this.corpusDir).find((f) => documentId(f) === docId);
    if (name === undefined) throw new UserError('unknown_document', `corpus: no document "${docId}"; see /corpus list`);
    return name;
  }

  private async latestVersion(docId: string): Promise<number | undefined> {
    return (await this.store.history(docId, { limit: 1 })).versions[0]?.version;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** sha256 of `bytes`, hex: how the store identifies content. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file name, and for an imported article its URL and revision. */
export function sourceOf(fileName: string, doc: Pick<Document, 'source'>): VersionSource {
  return doc.source === undefined ? { fileName } : { fileName, url: doc.source.url, revisionId: String(doc.source.revisionId) };
}

/** A document's title, or undefined when the file no longer parses. */
function titleOf(name: string, bytes: Uint8Array, limits: DocumentLimits): string | undefined {
  try {
    return parseDocument(name, bytes, limits).title;
  } catch {
    return undefined;
  }
}

/** What a removed document is compared with when a rollback restores it: nothing. */
function emptyDocument(id: string): Document {
  return { id, title: id, text: '', sections: [], references: [], format: 'markdown' };
}

function withTitle(name: string, bytes: Uint8Array, title: string): Uint8Array {
  const line = title.replace(/\s+/g, ' ').trim().slice(0, 200);
  const head = name.toLowerCase().endsWith('.md') ? `# ${line}\n\n` : `${line}\n\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), bytes]);
}
