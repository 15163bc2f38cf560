import type { Chunk } from '../chunking/chunkDocument.js';
import type { Document, Sentence } from '../corpus/types.js';

/**
 * Chunks as saved: each chunk is four numbers, `[document, section, first sentence, sentence
 * count]`, positions into the saved documents (sentences counted across the section's
 * paragraphs). The chunk's offsets, title, heading and sentences come back from its document,
 * so the build does not store every sentence twice and loading it parses a few numbers per chunk.
 */
export interface ChunkTable {
  readonly version: 2;
  /** Document ids, in the order the rows refer to them. */
  readonly docs: string[];
  /** Four numbers per chunk, in label order. */
  readonly rows: number[];
}

/** Encodes chunks against their documents; throws when a chunk's sentences are not its document's. */
export function toChunkTable(chunks: readonly Chunk[], documents: ReadonlyMap<string, Document>): ChunkTable {
  const docIndex = new Map<string, number>();
  const docs: string[] = [];
  const starts = new Map<string, Map<number, { section: number; sentence: number }>>();
  const rows: number[] = [];
  for (const chunk of chunks) {
    let d = docIndex.get(chunk.docId);
    if (d === undefined) {
      d = docs.length;
      docIndex.set(chunk.docId, d);
      docs.push(chunk.docId);
    }
    let byStart = starts.get(chunk.docId);
    if (!byStart) {
      byStart = new Map();
      documents
        .get(chunk.docId)
        ?.sections.forEach((section, s) => sectionSentences(section).forEach((x, i) => byStart!.set(x.start, { section: s, sentence: i })));
      starts.set(chunk.docId, byStart);
    }
    const at = byStart.get(chunk.sentences[0]?.start ?? -1);
    if (!at) throw new Error(`index: chunk at ${chunk.start} of "${chunk.docId}" does not start at a sentence of the document`);
    rows.push(d, at.section, at.sentence, chunk.sentences.length);
  }
  return { version: 2, docs, rows };
}

/** Rebuilds the chunks of a table from their documents. */
export function fromChunkTable(table: ChunkTable, documents: ReadonlyMap<string, Document>): Chunk[] {
  const docs = table.docs.map((id) => {
    const doc = documents.get(id);
    if (!doc) throw new Error(`chunks refer to document "${id}", which the build does not hold`);
    return { doc, sections: doc.sections.map(sectionSentences) };
  });
  const chunks: Chunk[] = [];
  for (let i = 0; i < table.rows.length; i += 4) {
    const { doc, sections } = docs[table.rows[i]!]!;
    const s = table.rows[i + 1]!;
    const first = table.rows[i + 2]!;
    const sentences = sections[s]!.slice(first, first + table.rows[i + 3]!);
    if (sentences.length === 0) throw new Error(`chunk ${i / 4} has no sentences`);
    chunks.push({
      docId: doc.id,
      title: doc.title,
      section: doc.sections[s]!.heading,
      start: sentences[0]!.start,
      end: sentences[sentences.length - 1]!.end,
      sentences,
    });
  }
  return chunks;
}

function sectionSentences(section: Document['sections'][number]): Sentence[] {
  return section.paragraphs.flatMap((p) => p.sentences);
}
