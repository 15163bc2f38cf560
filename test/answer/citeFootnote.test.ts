import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citeFootnote } from '../../src/answer/citeFootnote.js';
import { footnotesSupporting } from '../../src/corpus/attribution.js';
import { parseDocument } from '../../src/corpus/parseDocument.js';
import { UserError } from '../../src/errors.js';
import { MAX_QUOTE_CHARS } from '../../src/retrieval/focusPassage.js';

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

describe('citeFootnote on small documents', () => {
  const harbour = parseDocument(
    'harbour.md',
    Buffer.from(
      [
        '# Harbour',
        '',
        'The harbour opened in 1850. It was deep.[^1] Ships came.',
        '',
        '## Trade',
        '',
        'Trade grew fast.[^2] Fish were sold.[^1]',
        '',
        '[^1]: Port Authority, 1850 report.',
        '[^2]: Smith, "Trade", 1901.',
        '',
      ].join('\n'),
    ),
  );
  const mill = parseDocument('mill.md', Buffer.from(['# Mill', '', 'The mill ground wheat.[^1]', '', '[^1]: Miller, "Mills", 1880.', ''].join('\n')));
  const both = new Map([
    [harbour.id, harbour],
    [mill.id, mill],
  ]);

  it('gives the reference and every run of sentences it supports, per document, in reading order', () => {
    expect(citeFootnote(both, 1)).toEqual([
      {
        docId: 'harbour',
        title: 'Harbour',
        n: 1,
        text: 'Port Authority, 1850 report.',
        passages: [
          { section: 'Introduction', text: 'The harbour opened in 1850. It was deep.[^1]', start: 11, end: 55 },
          { section: 'Trade', text: 'Fish were sold.[^1]', start: 100, end: 119 },
        ],
      },
      {
        docId: 'mill',
        title: 'Mill',
        n: 1,
        text: 'Miller, "Mills", 1880.',
        passages: [{ section: 'Introduction', text: 'The mill ground wheat.[^1]', start: 8, end: 34 }],
      },
    ]);
  });

  it('keeps to one document when given its id', () => {
    expect(citeFootnote(both, 2, 'harbour')).toEqual([
      {
        docId: 'harbour',
        title: 'Harbour',
        n: 2,
        text: 'Smith, "Trade", 1901.',
        passages: [{ section: 'Trade', text: 'Trade grew fast.[^2]', start: 79, end: 99 }],
      },
    ]);
  });

  it('splits a long run into quotes of at most MAX_QUOTE_CHARS, dropping nothing', () => {
    const sentence = (i: number) => `Sentence ${i} ${'says something about the harbour and its ships '.repeat(2)}here.`;
    const text = ['# Long', '', `${Array.from({ length: 8 }, (_, i) => sentence(i)).join(' ')}[^1]`, '', '[^1]: Source.', ''].join('\n');
    const long = parseDocument('long.md', Buffer.from(text));
    const passages = citeFootnote(new Map([[long.id, long]]), 1)[0]!.passages;
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(passages.map((p) => p.text).join(' ')).toBe(text.split('\n')[2]);
  });

  it('refuses a bad number, an unknown document and a footnote no document has, naming the valid range', () => {
    expect(() => citeFootnote(both, 0)).toThrow(new UserError('bad_footnote', 'cite: "0" is not a footnote number; use a whole number from 1'));
    expect(() => citeFootnote(both, 1, 'ferry')).toThrow(new UserError('unknown_document', 'cite: no document "ferry"; known: harbour, mill'));
    expect(() => citeFootnote(both, 3)).toThrow(new UserError('unknown_footnote', 'cite: no footnote 3; footnotes run from 1 to 2'));
    expect(() => citeFootnote(both, 2, 'mill')).toThrow(new UserError('unknown_footnote', 'cite: no footnote 2 in "mill"; footnotes run from 1 to 1'));
  });
});
