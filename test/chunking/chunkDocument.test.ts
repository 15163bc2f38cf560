import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Chunk, type ChunkOptions, chunkDocument, chunkFootnotes, embeddingText } from '../../src/chunking/chunkDocument.js';
import { parseWikipedia } from '../../src/corpus/parseWikipedia.js';
import type { Document, Sentence } from '../../src/corpus/types.js';

const article = parseWikipedia('france-north-korea-relations', readFileSync(new URL('../../corpus/france-north-korea-relations.txt', import.meta.url), 'utf8'));

// A long section: 3 paragraphs of 12 numbered sentences each, one of them far longer than maxChars.
const LONG_SENTENCE = `Sentence long ${'word '.repeat(80).trim()}.`;
const paragraphs = [0, 1, 2].map((p) =>
  Array.from({ length: 12 }, (_, i) => (p === 1 && i === 5 ? LONG_SENTENCE : `Sentence ${p}-${i} says something plain.[${(i % 3) + 1}]`)).join(' '),
);
const synthetic = parseWikipedia(
  'long',
  [
    'Long',
    '',
    'Lead sentence of the article is here.',
    '',
    'Body[edit]',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    '  1. ^ One',
    '  2. ^ Two',
    '  3. ^ Three',
  ].join('\n'),
);

function allSentences(doc: Document): { section: string; s: Sentence }[] {
  return doc.sections.flatMap((sec) => sec.paragraphs.flatMap((p) => p.sentences.map((s) => ({ section: sec.heading, s }))));
}

function checkInvariants(doc: Document, options: ChunkOptions & { maxChars: number; overlapSentences: number }): Chunk[] {
  const chunks = chunkDocument(doc, options);
  const sentences = allSentences(doc);
  const key = (s: Sentence): string => `${s.start}:${s.end}`;
  const sectionOf = new Map(sentences.map((x) => [key(x.s), x.section]));
  for (const [i, chunk] of chunks.entries()) {
    // Whole sentences only, all from the chunk's own section, in document order.
    expect(chunk.sentences.length).toBeGreaterThan(0);
    for (const s of chunk.sentences) expect(sectionOf.get(key(s))).toBe(chunk.section);
    expect(chunk.start).toBe(chunk.sentences[0]!.start);
    expect(chunk.end).toBe(chunk.sentences[chunk.sentences.length - 1]!.end);
    // Offsets map back: the chunk's text starts and ends with its sentences' text.
    const text = doc.text.slice(chunk.start, chunk.end);
    expect(text.startsWith(doc.text.slice(chunk.sentences[0]!.start, chunk.sentences[0]!.end))).toBe(true);
    expect(text.endsWith(doc.text.slice(chunk.sentences.at(-1)!.start, chunk.sentences.at(-1)!.end))).toBe(true);
    expect(chunk.docId).toBe(doc.id);
    expect(chunk.title).toBe(doc.title);
    // Size: within maxChars unless the chunk is one sentence that is longer on its own.
    if (chunk.sentences.length > 1) expect(chunk.end - chunk.start).toBeLessThanOrEqual(options.maxChars);
    // Overlap with the previous chunk is at most the configured number of sentences.
    const prev = chunks[i - 1];
    if (prev) {
      const shared = chunk.sentences.filter((s) => prev.sentences.some((p) => key(p) === key(s)));
      expect(shared.length).toBeLessThanOrEqual(options.overlapSentences);
      // Always moves forward: a chunk never lies inside the previous one.
      expect(chunk.end).toBeGreaterThan(prev.end);
    }
  }
  // Nothing dropped: every sentence is in at least one chunk.
  const covered = new Set(chunks.flatMap((c) => c.sentences.map(key)));
  for (const { s } of sentences) expect(covered.has(key(s))).toBe(true);
  return chunks;
}

describe('chunkDocument invariants', () => {
  it('holds on the real article with the defaults', () => {
    const chunks = checkInvariants(article, { maxChars: 700, overlapSentences: 1 });
    expect(chunkDocument(article)).toEqual(chunks);
    expect([...new Set(chunks.map((c) => c.section))]).toEqual(['Introduction', 'Economic relations', 'Pro-North Korean lobby in France']);
  });

  it('holds on the real article with small chunks and more overlap', () => {
    const chunks = checkInvariants(article, { maxChars: 250, overlapSentences: 2 });
    expect(chunks.length).toBeGreaterThan(chunkDocument(article).length);
  });

  it('holds on a synthetic long section, with one sentence longer than maxChars', () => {
    for (const overlapSentences of [0, 1, 2]) {
      const chunks = checkInvariants(synthetic, { maxChars: 200, overlapSentences });
      const long = chunks.filter((c) => c.end - c.start > 200);
      expect(long.map((c) => synthetic.text.slice(c.start, c.end))).toEqual([LONG_SENTENCE]);
    }
  });

  it('with no overlap, chunks partition the sentences: none dropped, none duplicated', () => {
    const chunks = chunkDocument(synthetic, { maxChars: 200, overlapSentences: 0 });
    const keys = chunks.flatMap((c) => c.sentences.map((s) => s.start));
    expect(keys).toEqual(allSentences(synthetic).map((x) => x.s.start));
  });
});

describe('chunkFootnotes and embeddingText', () => {
  it('lists the footnotes a chunk carries or is supported by, ascending', () => {
    const chunks = chunkDocument(article);
    const lang = chunks.find((c) => article.text.slice(c.start, c.end).startsWith('In late 2009'))!;
    expect(chunkFootnotes(lang)).toEqual([4]);
    const recognition = chunks.find((c) => article.text.slice(c.start, c.end).startsWith('Relations between France and North Korea are very limited.'))!;
    expect(chunkFootnotes(recognition)).toEqual([1, 2]);
  });

  it('embeds title and section with the markers dropped', () => {
    const chunk = chunkDocument(article)[0]!;
    const text = embeddingText(chunk, article.text);
    expect(text.startsWith('France–North Korea relations — Introduction: Relations between France and North Korea are very limited.')).toBe(true);
    expect(text).not.toMatch(/\[\d+\]/);
  });
});
