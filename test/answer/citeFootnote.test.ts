import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citeFootnote } from '../../src/answer/citeFootnote.js';
import { footnotesSupporting } from '../../src/corpus/attribution.js';
import { parseDocument } from '../../src/corpus/parseDocument.js';

const FILE = 'france-north-korea-relations.txt';
const doc = parseDocument(FILE, readFileSync(new URL(`../../corpus/${FILE}`, import.meta.url)));
const documents = new Map([[doc.id, doc]]);

describe('citeFootnote', () => {
  it('lists the "listening mission" sentence that answers show with [4]', () => {
    const texts = citeFootnote(documents, 4)[0]!.passages.map((p) => p.text);
    expect(texts.some((t) => t.includes('self-described "listening mission"'))).toBe(true);
  });

  it('covers every sentence an answer attributes to footnote n, each once, in quotes that are verbatim slices', () => {
    for (const { n } of doc.references) {
      const passages = citeFootnote(documents, n)[0]!.passages;
      const sentences = doc.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
      const supported = sentences.filter((s) => footnotesSupporting([s]).includes(n));
      const covered = sentences.filter((s) => passages.some((p) => s.start >= p.start && s.end <= p.end));
      expect(covered, `footnote ${n}`).toEqual(supported);
      for (const p of passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
      const ends = passages.map((p) => [p.start, p.end]).flat();
      expect(ends, `footnote ${n}: passages overlap`).toEqual([...ends].sort((a, b) => a - b));
    }
  });
});
