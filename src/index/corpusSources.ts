import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listCorpusFiles } from '../corpus/loadCorpus.js';
import { parseDocument } from '../corpus/parseDocument.js';
import type { Document } from '../corpus/types.js';
import { isUserError } from '../errors.js';

export interface CorpusSources {
  /** sha256 (hex) of each corpus file's bytes, by file name. */
  readonly files: Readonly<Record<string, string>>;
  /** Same value as `hashCorpus(dir)`: changes whenever any corpus file changes. */
  readonly contentHash: string;
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

/** Parses the named corpus files, sorted by id; a bad file is reported in `problems` and skipped. */
export function loadCorpusFiles(dir: string, names: readonly string[]): { documents: Document[]; problems: string[] } {
  const documents: Document[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      documents.push(parseDocument(name, readFileSync(join(dir, name))));
    } catch (err) {
      problems.push(isUserError(err) ? err.message : `bad_document: corpus: "${name}" cannot be read (${(err as Error).message})`);
    }
  }
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { documents, problems };
}
