import { LEAD_SECTION } from '../corpus/parseWikipedia.js';
import { splitSentences } from '../corpus/splitSentences.js';
import type { Reference } from '../corpus/types.js';
import { formatCitation } from './formatCitation.js';
import { hasPlaceholder, numberReferences, placeMarkers } from './numberReferences.js';
import { parseWikitext, readCitation } from './parseWikitext.js';

/** An article's prose and reference list, ready for `formatWikipedia`. */
export interface ParsedArticle {
  /** Sections with their paragraphs, one line each, footnote markers `[n]` in place. */
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
  /** Every numbered reference, by number, formatted from its citation template, with its URL. */
  readonly references: readonly Reference[];
  readonly disambiguation: boolean;
}

// Sections that hold lists of references, links or media, in the language editions most used;
// their subsections go with them.
const NOT_PROSE =
  /^(references|notes|footnotes|citations|sources|notes and references|see also|external links|further reading|bibliography|gallery|einzelnachweise|anmerkungen|weblinks|literatur|siehe auch|notes et références|références|voir aussi|liens externes|bibliographie|referencias|véase también|enlaces externos|note|voci correlate|collegamenti esterni|referências|ver também|ligações externas)$/i;
// What is left of markup the parser could not read (broken wikitext, an indented table).
const MARKUP = /\{\{|\}\}|\[\[|\]\]|\||\{\||<\/?[a-z][^<>]*>|&#?[a-z0-9]+;|^[*#:;]+\s|^[!=]/i;
// Tables, also indented ones (`:{|`), which the parser would read as prose; nested tables included.
const TABLE_OPEN = /^[:\s]*\{\|/;
const TABLE_CLOSE = /^\s*\|\}/;

/**
 * Turns article wikitext into prose sections and a reference list. References are numbered at
 * their first use (a reused named reference keeps its number), so numbers match what Wikipedia
 * shows, including references cited only in an infobox or a table. A sentence holding markup
 * the parser left (broken wikitext) is dropped rather than quoted.
 */
export function wikitextToArticle(wikitext: string): ParsedArticle {
  const numbered = numberReferences(wikitext);
  const parsed = parseWikitext(removeTables(numbered.text));
  const sections: { heading: string; paragraphs: string[] }[] = [];
  let skipBelow: number | undefined;
  for (const section of parsed.sections) {
    if (skipBelow !== undefined && section.depth > skipBelow) continue;
    skipBelow = NOT_PROSE.test(section.heading) ? section.depth : undefined;
    if (skipBelow !== undefined) continue;
    const paragraphs = section.paragraphs.map(cleanParagraph).filter((p) => p !== '');
    sections.push({ heading: section.heading === '' ? LEAD_SECTION : section.heading, paragraphs });
  }
  const references = numbered.references.map((r) => {
    const citation = formatCitation(readCitation(r.wikitext));
    return { n: r.n, text: citation.text, backlinks: r.uses, ...(citation.url ? { url: citation.url } : {}) };
  });
  return { sections, references, disambiguation: parsed.disambiguation };
}

function cleanParagraph(paragraph: string): string {
  const text = placeMarkers(
    decodeNumericEntities(paragraph)
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?(?:[a-z][a-z0-9]*)\b[^<>]*>/gi, ''),
  )
    // What a dropped template leaves: empty brackets ("Firefox (English pronunciation [])"), a
    // space before punctuation.
    .replace(/\s*\[\s*\]|\s*\(\s*[,;]?\s*\)/g, '')
    .replace(/\s+([.,;:!?])(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return splitSentences(text)
    .map((s) => text.slice(s.start, s.end))
    .filter((s) => !MARKUP.test(s) && !hasPlaceholder(s))
    .join(' ');
}

function removeTables(wikitext: string): string {
  let depth = 0;
  return wikitext
    .split('\n')
    .filter((line) => {
      if (TABLE_OPEN.test(line)) depth++;
      const inTable = depth > 0;
      if (depth > 0 && TABLE_CLOSE.test(line)) depth--;
      return !inTable;
    })
    .join('\n');
}

// The parser decodes named entities (`&ndash;`) but not numeric ones (`&#8209;`). Brackets stay
// encoded (and their sentence is dropped): `&#91;12&#93;` decoded would read as footnote 12.
function decodeNumericEntities(text: string): string {
  return text.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (entity, code: string) => {
    const point = code.startsWith('x') || code.startsWith('X') ? parseInt(code.slice(1), 16) : Number(code);
    const valid = point > 0 && point <= 0x10ffff && point !== 0x5b && point !== 0x5d && (point < 0xd800 || point > 0xdfff);
    return valid ? String.fromCodePoint(point) : entity;
  });
}
