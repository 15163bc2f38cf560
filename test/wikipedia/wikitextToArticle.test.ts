import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatWikipedia } from '../../src/corpus/formatWikipedia.js';
import { parseWikipedia } from '../../src/corpus/parseWikipedia.js';
import { wikitextToArticle } from '../../src/wikipedia/wikitextToArticle.js';
import { WIKITEXT_FILES } from '../support/FakeMediaWiki.js';

const read = (stem: string): string => readFileSync(new URL(`../fixtures/wikitext/${stem}.wikitext`, import.meta.url), 'utf8');
const SOURCE = { url: 'https://en.wikipedia.org/wiki/X', revisionId: 42, timestamp: '2017-06-01T10:20:30Z' };
// Markup that must never reach body text.
const LEAK = /\{\{|\}\}|\{\||<ref|<\/ref|\||\[\[|\]\]|\u2045|\u2046/i;

/** Citations counted the simple way: each distinct name defined in a (non-group) ref, plus each unnamed ref with text, in the body. */
function expectedReferenceCount(wikitext: string): number {
  const body = wikitext.replace(/<!--[\s\S]*?-->/g, '');
  const end = body.search(/\{\{\s*(?:reflist|references)\b|<references\b/i);
  const tags = [...body.matchAll(/<ref\b([^>]*?)(\/>|>([\s\S]*?)<\/ref\s*>)/gi)];
  const defined = new Set(
    tags
      .filter((t) => t[3]?.trim() && !t[1]!.includes('group'))
      .map((t) => /name\s*=\s*["']?([^"'/>]+?)["']?\s*$/.exec(t[1]!.trim())?.[1])
      .filter(Boolean),
  );
  const used = new Set<string>();
  let unnamed = 0;
  for (const t of tags) {
    if ((end !== -1 && t.index >= end) || t[1]!.includes('group')) continue;
    const name = /name\s*=\s*["']?([^"'/>]+?)["']?\s*$/.exec(t[1]!.trim())?.[1];
    if (name === undefined) unnamed += t[3]?.trim() ? 1 : 0;
    else if (defined.has(name)) used.add(name);
  }
  return used.size + unnamed;
}

describe.each(Object.keys(WIKITEXT_FILES))('wikitextToArticle on %s', (stem) => {
  const wikitext = read(stem);
  const article = wikitextToArticle(wikitext);
  const text = formatWikipedia({ title: stem, sections: article.sections, references: article.references, source: SOURCE });
  const doc = parseWikipedia(stem, text);
  const sentences = doc.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));

  it('leaks no template, table, ref or link markup into body text', () => {
    const paragraphs = article.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.filter((p) => LEAK.test(p))).toEqual([]);
    expect(sentences.map((s) => doc.text.slice(s.start, s.end)).filter((s) => LEAK.test(s))).toEqual([]);
  });

  // Reference text may hold "|" (page titles do: "Coal | Mines & quarries"), never template fields.
  it('gives every footnote marker a reference, numbered 1…N with one number per named reference', () => {
    const numbers = doc.references.map((r) => r.n);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const known = new Set(numbers);
    expect(sentences.flatMap((s) => s.footnotes).filter((n) => !known.has(n))).toEqual([]);
    expect(doc.references).toHaveLength(expectedReferenceCount(wikitext));
    expect(doc.references.filter((r) => r.text === '' || r.text.includes('\n') || /\{\{|\}\}|\[\[|\]\]|\[(https?:)?\/\/|\|\s*[\w-]+\s*=/.test(r.text))).toEqual(
      [],
    );
  });

  it('round-trips through the corpus format: the same sentences, markers, references and source', () => {
    expect(doc.references).toEqual(article.references);
    expect(doc.source).toEqual(SOURCE);
    const again = parseWikipedia(stem, formatWikipedia({ title: stem, sections: article.sections, references: doc.references, source: SOURCE }));
    expect(again).toEqual(doc);
    for (const s of sentences) {
      const quote = doc.text.slice(s.start, s.end);
      expect(quote).toBe(quote.trim());
      expect(quote.length).toBeGreaterThan(0);
    }
    const written = article.sections.flatMap((s) => s.paragraphs);
    const parsed = doc.sections.flatMap((s) => s.paragraphs.map((p) => doc.text.slice(p.start, p.end)));
    // Every parsed paragraph is a written one (the lead's non-prose lines such as "This is a list of …:" are dropped by the loader).
    expect(parsed.filter((p) => !written.includes(p))).toEqual([]);
  });
});

describe('wikitextToArticle', () => {
  it('decodes numeric entities but never makes a footnote marker of encoded brackets', () => {
    const article = wikitextToArticle('It ran 8.7&#8211;9.2 in 1900. It is cited as &#91;12&#93; in print. The #1 rank is old.');
    expect(article.sections).toEqual([{ heading: 'Introduction', paragraphs: ['It ran 8.7–9.2 in 1900. The #1 rank is old.'] }]);
  });

  it('keeps references cited only in an infobox or a table in the list, numbered as Wikipedia shows them', () => {
    const article = wikitextToArticle(
      '{{Infobox country|name=X<ref>Infobox source</ref>}}\n\'\'\'X\'\'\' is a place.<ref name="a">{{cite web|title=A|url=https://a.example/}}</ref> It is old.<ref name="a"/>\n{| class="wikitable"\n| cell<ref>Table source</ref>\n|}\n\n== History ==\nIt was founded in 1900.<ref>Plain source</ref>\n* A list item.\n[[Category:Places]]\n[[File:X.jpg|thumb|A caption.]]\n\n== See also ==\nSee also prose that is not body text.\n\n== References ==\n{{reflist}}',
    );
    expect(article.sections).toEqual([
      { heading: 'Introduction', paragraphs: ['X is a place.[2] It is old.[2]'] },
      { heading: 'History', paragraphs: ['It was founded in 1900.[4]'] },
    ]);
    expect(article.references).toEqual([
      { n: 1, text: 'Infobox source', backlinks: 1 },
      { n: 2, text: '"A".', backlinks: 2, url: 'https://a.example/' },
      { n: 3, text: 'Table source', backlinks: 1 },
      { n: 4, text: 'Plain source', backlinks: 1 },
    ]);
  });
});
