import { type DocumentLimits, tooLarge } from '../corpus/DocumentLimits.js';
import { footnotesSupporting } from '../corpus/attribution.js';
import { stripMarkers } from '../corpus/footnoteMarkers.js';
import type { Document, Sentence } from '../corpus/types.js';

/**
 * A run of whole sentences from one section of one document. `[start, end)` are offsets
 * into the document's text, so `doc.text.slice(start, end)` is the chunk's text.
 */
export interface Chunk {
  readonly docId: string;
  readonly title: string;
  readonly section: string;
  readonly start: number;
  readonly end: number;
  /** The chunk's sentences, in order, with their offsets and footnotes. */
  readonly sentences: readonly Sentence[];
}

export interface ChunkOptions {
  /** Soft size limit in characters; a longer sentence becomes a chunk of its own. Default 700. */
  readonly maxChars?: number;
  /** Sentences repeated at the start of the next chunk of the same section. Default 1. */
  readonly overlapSentences?: number;
}

/**
 * Packs each section's sentences into chunks of at most `maxChars` characters. Chunks never
 * split a sentence and never cross a section; consecutive chunks share `overlapSentences`
 * sentences. Prefers to break at a paragraph boundary once a chunk is half full.
 */
export function chunkDocument(doc: Document, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? 700;
  const overlap = options.overlapSentences ?? 1;
  const chunks: Chunk[] = [];
  for (const section of doc.sections) {
    const sentences = section.paragraphs.flatMap((p, pi) => p.sentences.map((s) => ({ s, pi })));
    let first = 0;
    while (first < sentences.length) {
      let last = first; // inclusive
      while (last + 1 < sentences.length) {
        const next = sentences[last + 1]!;
        const length = next.s.end - sentences[first]!.s.start;
        const half = sentences[last]!.s.end - sentences[first]!.s.start >= maxChars / 2;
        if (length > maxChars || (half && next.pi !== sentences[last]!.pi)) break;
        last++;
      }
      const run = sentences.slice(first, last + 1).map((x) => x.s);
      chunks.push({
        docId: doc.id,
        title: doc.title,
        section: section.heading,
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        sentences: run,
      });
      if (last + 1 >= sentences.length) break;
      // Overlap only inside a paragraph, and always move forward: the overlap must leave room
      // for the next sentence, or the next chunk would hold nothing new (a duplicate).
      let back = Math.min(overlap, last - first);
      while (back > 0 && sentences[last + 1]!.s.end - sentences[last + 1 - back]!.s.start > maxChars) back--;
      first = sentences[last + 1]!.pi === sentences[last]!.pi ? last + 1 - back : last + 1;
    }
  }
  return chunks;
}

/** Footnote numbers a chunk's text carries or is supported by, ascending. */
export function chunkFootnotes(chunk: Chunk): number[] {
  return footnotesSupporting(chunk.sentences);
}

/** The text embedded for a chunk: title and section give the model context; markers are dropped. */
export function embeddingText(chunk: Chunk, docText: string): string {
  return `${chunk.title} — ${chunk.section}: ${stripMarkers(docText.slice(chunk.start, chunk.end))}`;
}

/** Refuses (`document_too_large`) a document of `fileName` cut into more than `limits.chunks` chunks. */
export function checkChunkCount(fileName: string, chunks: readonly Chunk[], limits: DocumentLimits): void {
  if (chunks.length > limits.chunks) throw tooLarge(fileName, `${chunks.length} chunks`, 'chunks', limits);
}
