import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError, isUserError } from '../errors.js';
import { DOCUMENT_EXTENSIONS, parseDocument } from './parseDocument.js';
import type { Document } from './types.js';

export interface LoadedCorpus {
  /** Parsed documents, sorted by id. */
  readonly documents: Document[];
  /** One line per file that could not be used, naming the file; the others are still loaded. */
  readonly problems: string[];
  /** sha256 over every file name and its bytes: changes whenever any corpus file changes. */
  readonly contentHash: string;
}

/** Lists the corpus files (`.txt`, `.md`) of a folder, sorted by name. */
export function listCorpusFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UserError('corpus_missing', `corpus: folder "${dir}" cannot be read; set CORPUS_DIR to a folder of .txt or .md files`);
  }
  return names
    .filter((n) => (DOCUMENT_EXTENSIONS as readonly string[]).some((ext) => n.toLowerCase().endsWith(ext)))
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort();
}

/** Hash of the corpus files as they are on disk (cheap: no parsing). */
export function hashCorpus(dir: string): string {
  const hash = createHash('sha256');
  for (const name of listCorpusFiles(dir)) {
    hash.update(name).update('\0');
    try {
      hash.update(readFileSync(join(dir, name)));
    } catch {
      hash.update('<unreadable>');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Reads and parses every corpus file; a bad file is reported in `problems` and skipped. */
export function loadCorpus(dir: string): LoadedCorpus {
  const documents: Document[] = [];
  const problems: string[] = [];
  for (const name of listCorpusFiles(dir)) {
    try {
      documents.push(parseDocument(name, readFileSync(join(dir, name))));
    } catch (err) {
      problems.push(isUserError(err) ? err.message : `bad_document: corpus: "${name}" cannot be read (${(err as Error).message})`);
    }
  }
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { documents, problems, contentHash: hashCorpus(dir) };
}
