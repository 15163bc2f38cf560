import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWikipedia } from '../../src/corpus/parseWikipedia.js';
import type { Document } from '../../src/corpus/types.js';

const TINY = [
  'Tiny article',
  '',
  'From Wikipedia, the free encyclopedia',
  'Jump to: navigation, search',
  'Tiny article',
  'Map indicating locations of Alpha and Beta',
  'Beta',
  '',
  'Alpha is small. Beta is big.[1] Gamma is green.[citation needed] Delta is red. Epsilon is blue.[4]',
  '',
  'Zeta is old.[1][2]',
  '',
  'History[edit]',
  '',
  'Eta was founded in 1900.[3]',
  '',
  'See also[edit]',
  '',
  '',
  '  1. ^ a b "Alpha", Beta Press',
  '  2. ^ Second source',
  '  3. ^ Third source',
  '  4. ^ Fourth source',
  '',
].join('\n');

const ARTICLE_FILE = new URL('../../corpus/france-north-korea-relations.txt', import.meta.url);
const article = parseWikipedia('france-north-korea-relations', readFileSync(ARTICLE_FILE, 'utf8'));

/** Every sentence of a document as `[section, text, footnotes, supportedBy, citationNeeded]`. */
function sentences(doc: Document) {
  return doc.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) =>
      p.sentences.map((x) => ({ section: s.heading, text: doc.text.slice(x.start, x.end), footnotes: x.footnotes, supportedBy: x.supportedBy, citationNeeded: x.citationNeeded })),
    ),
  );
}

function bodyText(doc: Document): string {
  return sentences(doc)
    .map((s) => s.text)
    .join('\n');
}

describe('parseWikipedia on a tiny literal article', () => {
  const doc = parseWikipedia('tiny', TINY);

  it('takes the title from the first line', () => {
    expect(doc.title).toBe('Tiny article');
    expect(doc.format).toBe('wikipedia');
  });

  it('drops boilerplate, the repeated title and infobox / map-caption lines', () => {
    const body = bodyText(doc);
    expect(body).not.toContain('From Wikipedia');
    expect(body).not.toContain('Jump to');
    expect(body).not.toContain('Map indicating');
    expect(sentences(doc)[0]?.text).toBe('Alpha is small.');
  });

  it('makes sections from Heading[edit]; the empty "See also" yields no section', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['Introduction', 'History']);
  });

  it('parses the reference list with backlinks; it is not body text', () => {
    expect(doc.references).toEqual([
      { n: 1, text: '"Alpha", Beta Press', backlinks: 2 },
      { n: 2, text: 'Second source', backlinks: 1 },
      { n: 3, text: 'Third source', backlinks: 1 },
      { n: 4, text: 'Fourth source', backlinks: 1 },
    ]);
    expect(bodyText(doc)).not.toContain('Second source');
  });

  it('reads [1], [1][2] and [citation needed] markers, and the supportedBy convention', () => {
    expect(sentences(doc).map(({ text, footnotes, supportedBy, citationNeeded }) => ({ text, footnotes, supportedBy, citationNeeded }))).toEqual([
      // An uncited sentence is supported by the next citation of its paragraph…
      { text: 'Alpha is small.', footnotes: [], supportedBy: [1], citationNeeded: false },
      { text: 'Beta is big.[1]', footnotes: [1], supportedBy: [1], citationNeeded: false },
      { text: 'Gamma is green.[citation needed]', footnotes: [], supportedBy: [], citationNeeded: true },
      // …and a paragraph-final [4] reaches back only to the [citation needed] sentence.
      { text: 'Delta is red.', footnotes: [], supportedBy: [4], citationNeeded: false },
      { text: 'Epsilon is blue.[4]', footnotes: [4], supportedBy: [4], citationNeeded: false },
      { text: 'Zeta is old.[1][2]', footnotes: [1, 2], supportedBy: [1, 2], citationNeeded: false },
      { text: 'Eta was founded in 1900.[3]', footnotes: [3], supportedBy: [3], citationNeeded: false },
    ]);
  });

  it('does not carry a citation across paragraphs', () => {
    const first = parseWikipedia('x', 'T\n\nOne is here. Two is here.\n\nThree is here.[5]\n\n  5. ^ Five\n');
    expect(sentences(first).map((s) => s.supportedBy)).toEqual([[], [], [5]]);
  });
});

describe('parseWikipedia on corpus/france-north-korea-relations.txt', () => {
  it('has the title and exactly the body sections', () => {
    expect(article.title).toBe('France–North Korea relations');
    expect(article.sections.map((s) => s.heading)).toEqual(['Introduction', 'Economic relations', 'Pro-North Korean lobby in France']);
  });

  it('starts the lead at the first prose line: boilerplate, infobox and map caption dropped', () => {
    expect(sentences(article)[0]?.text).toBe('Relations between France and North Korea are very limited.');
    const body = bodyText(article);
    for (const dropped of ['From Wikipedia, the free encyclopedia', 'Jump to: navigation, search', 'Map indicating locations of France and North Korea', 'See also']) {
      expect(body).not.toContain(dropped);
    }
  });

  it('parses the 10 references; "^ a b" means two backlinks and is not part of the text', () => {
    expect(article.references.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(article.references[0]).toEqual({ n: 1, text: '"DPRK Diplomatic Relations", National Committee on North Korea', backlinks: 2 });
    expect(article.references[5]).toEqual({ n: 6, text: '"La France et la Corée du Nord", French Ministry of Foreign Affairs, December 2012', backlinks: 2 });
    expect(article.references[3]).toEqual({
      n: 4,
      text: 'Charlton, Angela (3 November 2009). "France wades into bog of North Korean diplomacy". Associated Press.',
      backlinks: 1,
    });
    expect(article.references.filter((r) => r.backlinks !== 1).map((r) => r.n)).toEqual([1, 6]);
  });

  it('keeps the reference list out of the body text', () => {
    const body = bodyText(article);
    expect(body).not.toContain('National Committee on North Korea');
    expect(body).not.toContain('Première Urgence');
    expect(body).not.toContain('^');
  });

  it('gives a marker after a full stop to the sentence it follows, not the next one', () => {
    const all = sentences(article);
    const i = all.findIndex((s) => s.text.startsWith('France is one of the only two European Union members not to grant'));
    expect(all[i]?.text.endsWith('the other being Estonia.[1]')).toBe(true);
    expect(all[i]?.footnotes).toEqual([1]);
    expect(all[i + 1]).toEqual({
      section: 'Introduction',
      text: '(This means, de jure, that France considers the Republic of Korea to have sole sovereignty over Korea.)',
      footnotes: [],
      supportedBy: [],
      citationNeeded: false,
    });
    // A naive splitter (Intl.Segmenter on the raw text) hands the marker to the next sentence.
    const raw = `${all[i]?.text} ${all[i + 1]?.text}`;
    const naive = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(raw)].map((s) => s.segment);
    expect(naive[1]?.startsWith('1] (This means')).toBe(true);
  });

  it('flags the [citation needed] claim and supports uncited sentences from the paragraph-final marker', () => {
    const all = sentences(article);
    const flagged = all.filter((s) => s.citationNeeded);
    expect(flagged.map((s) => s.text)).toEqual([
      'President François Mitterrand who toured North Korea in 1981 promised recognition to North Korea before he was elected.[citation needed]',
    ]);
    expect(flagged[0]?.supportedBy).toEqual([]);
    const lang = all.filter((s) => s.text.includes('Lang'));
    expect(lang.map((s) => s.supportedBy)).toEqual([[4], [4], [4], [4]]);
    expect(lang.map((s) => s.footnotes)).toEqual([[], [], [], [4]]);
  });

  it('has every sentence as a verbatim, trimmed slice inside its paragraph', () => {
    for (const section of article.sections) {
      for (const p of section.paragraphs) {
        for (const s of p.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(p.start);
          expect(s.end).toBeLessThanOrEqual(p.end);
          const text = article.text.slice(s.start, s.end);
          expect(text).toBe(text.trim());
          expect(text.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('parseWikipedia lead detection', () => {
  it('keeps a short first sentence of the lead and drops the caption-like lines before it', () => {
    const text = 'Ants\n\nFrom Wikipedia, the free encyclopedia\nAnt colony\nMap of ant range\nAnts carry leaves.[1]\n\n  1. ^ Ant book\n';
    const doc = parseWikipedia('ants', text);
    const paragraphs = doc.sections.flatMap((s) => s.paragraphs).map((p) => text.slice(p.start, p.end));
    expect(paragraphs).toEqual(['Ants carry leaves.[1]']);
  });
});
