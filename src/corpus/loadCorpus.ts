import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, isUserError } from '../errors.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './DocumentLimits.js';
import { isDocumentFileName } from './documentFileName.js';
import { parseDocument } from './parseDocument.js';
import type { Document } from './types.js';

export interface LoadedCorpus {
  /** Parsed documents, sorted by id. */
  readonly documents: Document[];
  /** One line per file that could not be used, naming the file; the others are still loaded. */
  readonly problems: string[];
  /** sha256 over every file name and its bytes: changes whenever any corpus file changes. */
  readonly contentHash: string;
}

export interface CorpusSources {
  /** sha256 (hex) of each corpus file's bytes, by file name. */
  readonly files: Readonly<Record<string, string>>;
  /** Same value as `hashCorpus(dir)`: changes whenever any corpus file changes. */
  readonly contentHash: string;
}

/**
 * Lists the corpus files (`.txt`, `.md`) of a folder, sorted by name. Folders and other non-files
 * are left out; an entry that cannot be inspected (a dangling symlink) is listed, so that reading
 * it reports it by name and skips it.
 */
export function listCorpusFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UserError('corpus_missing', `corpus: folder "${dir}" cannot be read; set CORPUS_DIR to a folder of .txt or .md files`);
  }
  return names
    .filter(isDocumentFileName)
    .filter((n) => isFileOrUnreadable(join(dir, n)))
    .sort();
}

function isFileOrUnreadable(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return true;
  }
}

/** Hashes every corpus file once: per file (to find what changed) and for the whole folder. */
export function hashCorpusFiles(dir: string): CorpusSources {
  const whole = createHash('sha256');
  const files: Record<string, string> = {};
  for (const name of listCorpusFiles(dir)) {
    whole.update(name).update('\0');
    try {
      const bytes = readFileSync(join(dir, name));
      whole.update(bytes);
      files[name] = createHash('sha256').update(bytes).digest('hex');
    } catch {
      whole.update('<unreadable>');
      files[name] = '<unreadable>';
    }
    whole.update('\0');
  }
  return { files, contentHash: whole.digest('hex') };
}

/** Hash of the corpus files as they are on disk (cheap: no parsing). */
export function hashCorpus(dir: string): string {
  return hashCorpusFiles(dir).contentHash;
}

/**
 * Parses the named corpus files, sorted by id; a bad file, or one over `limits`, is reported in
 * `problems` and skipped.
 */
export function loadCorpusFiles(dir: string, names: readonly string[], limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS): { documents: Document[]; problems: string[] } {
  const documents: Document[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      documents.push(parseDocument(name, readFileSync(join(dir, name)), limits));
    } catch (err) {
      problems.push(isUserError(err) ? err.message : `bad_document: corpus: "${name}" cannot be read (${(err as Error).message})`);
    }
  }
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { documents, problems };
}

/** Reads and parses every corpus file; a bad file is reported in `problems` and skipped. */
export function loadCorpus(dir: string): LoadedCorpus {
  return { ...loadCorpusFiles(dir, listCorpusFiles(dir)), contentHash: hashCorpus(dir) };
}
