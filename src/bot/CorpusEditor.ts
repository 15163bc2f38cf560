import { createHash, randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../answer/Engine.js';
import { checkChunkCount, chunkDocument } from '../chunking/chunkDocument.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../corpus/DocumentLimits.js';
import { listCorpusFiles } from '../corpus/loadCorpus.js';
import { documentId, parseDocument } from '../corpus/parseDocument.js';
import { UserError } from '../errors.js';
import type { BuildSummary } from '../index/buildIndex.js';
import type { JsonlFile } from './JsonlFile.js';

/** Who made a change, for the audit log. */
export interface Actor {
  readonly id: string;
  readonly name: string;
}

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
 * Adds and removes corpus files on behalf of moderators, one change at a time: validates before
 * writing, writes atomically, rebuilds the index (the old one answers meanwhile) and undoes the
 * file change when the rebuild fails, so the corpus is never left half-changed. Every change is
 * appended to the audit log with the content's sha256.
 */
export class CorpusEditor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly corpusDir: string,
    private readonly engine: Pick<Engine, 'rebuild' | 'service'>,
    private readonly audit: JsonlFile,
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
    if (this.files().some((f) => documentId(f) === id)) {
      throw new UserError(
        'duplicate_document',
        `corpus: "${id}" is already in the corpus; to replace it, remove it first with /corpus remove, or rename the file`,
      );
    }
    const path = join(this.corpusDir, name);
    const temp = join(this.corpusDir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(temp, content);
    try {
      // link() fails if the name was taken meanwhile, so a file is never overwritten.
      await link(temp, path);
    } finally {
      await unlink(temp);
    }
    const build = await this.rebuildOr(() => unlink(path));
    await this.audit.append({ time: new Date().toISOString(), actor, action: 'add', doc: id, file: name, sha256: sha256(content), bytes: content.length });
    return { doc: { id, title: doc.title }, build };
  }

  private async removeNow(docId: string, actor: Actor): Promise<CorpusChange> {
    const files = this.files();
    const name = files.find((f) => documentId(f) === docId);
    if (!name) throw new UserError('unknown_document', `corpus: no document "${docId}"; see /corpus list`);
    if (files.length <= 1) throw new UserError('last_document', `corpus: "${docId}" is the only document; add another before removing it`);
    const title = this.engine.service.listDocuments().find((d) => d.id === docId)?.title ?? docId;
    const path = join(this.corpusDir, name);
    const content = await readFile(path);
    await unlink(path);
    const build = await this.rebuildOr(() => writeFile(path, content));
    await this.audit.append({ time: new Date().toISOString(), actor, action: 'remove', doc: docId, file: name, sha256: sha256(content), bytes: content.length });
    return { doc: { id: docId, title }, build };
  }

  /** Rebuilds; when that fails, runs `undo` (restoring the corpus folder) and rethrows. */
  private async rebuildOr(undo: () => Promise<void>): Promise<BuildSummary> {
    try {
      return await this.engine.rebuild();
    } catch (err) {
      await undo();
      throw err;
    }
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

/** The base name with anything but letters, digits, `.`, `_` and `-` replaced, so it is a safe file name. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const stem = documentId(cleaned);
  // No leading dot: a hidden file would be skipped by tools and confused with our temp files.
  const id = stem.replace(/^[.-]+/, '');
  if (id === '') throw new UserError('bad_document', `corpus: "${fileName}" is not a usable file name`);
  return id + cleaned.slice(stem.length);
}

function withTitle(name: string, bytes: Uint8Array, title: string): Uint8Array {
  const line = title.replace(/\s+/g, ' ').trim().slice(0, 200);
  const head = name.toLowerCase().endsWith('.md') ? `# ${line}\n\n` : `${line}\n\n`;
  return Buffer.concat([Buffer.from(head, 'utf8'), bytes]);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
