import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/chunking/chunkDocument.js';
import { parseWikipedia } from '../../src/corpus/parseWikipedia.js';
import { analyzeQuery, type Vocabulary } from '../../src/retrieval/analyzeQuery.js';
import { focusPassages, MAX_QUOTE_CHARS } from '../../src/retrieval/focusPassage.js';

const text = readFileSync(new URL('../../corpus/france-north-korea-relations.txt', import.meta.url), 'utf8');
const doc = parseWikipedia('fnk', text);
// A chunk holding a whole section (the lead: many sentences, far more than one quote).
function sectionChunk(heading: string): Chunk {
  const section = doc.sections.find((s) => s.heading === heading)!;
  return {
    docId: doc.id,
    title: doc.title,
    section: section.heading,
    start: section.paragraphs[0]!.start,
    end: section.paragraphs[section.paragraphs.length - 1]!.end,
    sentences: section.paragraphs.flatMap((p) => p.sentences),
  };
}
const chunk = sectionChunk(doc.sections[0]!.heading);
// Every word equally rare: ranking then rests on which words a span holds.
const flat: Vocabulary = { hasWord: () => false, stemsExtending: () => [], documentFrequency: () => 1, idf: () => 1 };

describe('focusPassages', () => {
  it('quotes whole sentences, verbatim, within the length limit, best first and never overlapping', () => {
    const query = analyzeQuery('Who was to head the French office in North Korea?', flat);
    const spans = focusPassages(chunk, text, query, 3);
    expect(spans).toHaveLength(3);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(text.slice(s.sentences[0]!.start, s.sentences[s.sentences.length - 1]!.end));
    }
    expect(spans[0]!.relevance).toBeGreaterThanOrEqual(spans[1]!.relevance);
    expect(spans[0]!.end <= spans[1]!.start || spans[1]!.end <= spans[0]!.start).toBe(true);
  });

  it('reads a span under its title: "North Korea" in the title counts for ranking, not for coverage', () => {
    const query = analyzeQuery('Who was to head the French office in North Korea?', flat);
    const [best] = focusPassages(chunk, text, query, 1);
    const quote = text.slice(best!.start, best!.end);
    // The sentence naming the head does not say "North Korea"; the article's title does.
    expect(quote).toContain('headed by French diplomat Olivier Vaysset');
    expect(quote).not.toContain('North Korea');
    expect(best!.relevance).toBeGreaterThan(best!.coverage);
    expect(best!.coverage).toBeCloseTo(3 / 5);
    // Key coverage reads the title too: every word of the question is then present.
    expect(best!.keyCoverage).toBe(1);
    expect(best!.missing).toEqual([]);
  });

  it("keeps a quote inside its paragraph and with the paragraph's opening sentence when they answer as well", () => {
    const query = analyzeQuery('How much did France import from North Korea?', flat);
    const [best] = focusPassages(sectionChunk('Economic relations'), text, query, 1);
    const quote = text.slice(best!.start, best!.end);
    // The next paragraph says "North Korea" and "France" too; a quote across the break reads as two run together.
    expect(quote).toBe(
      'Economic relations are also limited. In 2005, French imports from North Korea were worth 24 million, and French exports to North Korea €6 million.[7]',
    );
  });
});
