import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chunkDocument } from '../src/chunking/chunkDocument.js';
import { parseDocument } from '../src/corpus/parseDocument.js';
import type { SourceDocument } from './textSources.js';

export interface MadeCorpus {
  readonly dir: string;
  readonly documents: number;
  /** Chunks the real chunker makes of the folder (article included). */
  readonly chunks: number;
}

/** Renders a source document as a Markdown corpus file (`# title`, `## heading` per section). */
export function toMarkdown(doc: SourceDocument): string {
  return `# ${doc.title}\n\n${doc.sections.map((s) => `## ${s.heading}\n\n${s.text}\n`).join('\n')}`;
}

/**
 * Writes a corpus folder holding the article and source documents until it has at least
 * `targetChunks` chunks (counted with the real parser and chunker). Documents are taken in
 * order and cycled when the source runs out (a cycled copy gets a new title and file name).
 */
export function makeCorpus(dir: string, article: string, source: readonly SourceDocument[], targetChunks: number): MadeCorpus {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const articleBytes = readFileSync(article);
  writeFileSync(join(dir, basename(article)), articleBytes);
  let chunks = chunkDocument(parseDocument(basename(article), articleBytes)).length;
  let documents = 1;
  for (let i = 0; chunks < targetChunks && source.length > 0; i++) {
    const base = source[i % source.length]!;
    const round = Math.floor(i / source.length);
    const doc = round === 0 ? base : { ...base, title: `${base.title} (copy ${round + 1})` };
    const name = `bench-${String(i).padStart(6, '0')}.md`;
    const text = toMarkdown(doc);
    chunks += chunkDocument(parseDocument(name, Buffer.from(text))).length;
    writeFileSync(join(dir, name), text);
    documents++;
  }
  return { dir, documents, chunks };
}
