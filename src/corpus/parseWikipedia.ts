import { buildParagraph } from './buildParagraph.js';
import { DocumentBudget } from './DocumentLimits.js';
import { stripMarkers } from './footnoteMarkers.js';
import { splitLines, trimmedSpan } from './lines.js';
import { parseReference } from './parseReference.js';
import { parseSourceLine } from './sourceLine.js';
import type { Document, DocumentSource, Paragraph, Reference } from './types.js';

/** Name of the section before the first heading. */
export const LEAD_SECTION = 'Introduction';

const BOILERPLATE = [
  /^From Wikipedia, the free encyclopedia$/i,
  /^Jump to:/i,
  /^\(Redirected from .*\)$/i,
  /^This article is about\b/i,
  /^For other uses, see\b/i,
  /^Coordinates:/i,
  /^Main articles?:/i,
  /^See also:/i,
  /^Further information:/i,
];
const HEADING = /^(.+?)\s*\[edit\]$/;
// Sections that hold the reference list: data for footnotes, not body text.
const REFERENCE_SECTIONS = /^(references|notes|footnotes|citations|sources|notes and references)$/i;
// Navigation sections: link lists, not claims worth quoting.
const NAVIGATION_SECTIONS = /^(see also|external links|further reading|bibliography)$/i;

/**
 * Parses a Wikipedia article saved as plain text: title on the first line, boilerplate and
 * infobox lines dropped, `Heading[edit]` sections, one paragraph per line, and the numbered
 * reference list (`  1. ^ a b "…" <https://…>`) at the end, and for an imported article the
 * `Retrieved from "<url>", revision <id> of <timestamp>.` line (see `sourceLine.ts`).
 * Throws `document_too_large` when the text passes one of `budget`'s limits.
 */
export function parseWikipedia(id: string, text: string, budget = new DocumentBudget(id)): Document {
  const lines = splitLines(text);
  budget.lines(lines);
  let within = true;
  const titleLine = lines.find((l) => l.text.trim() !== '');
  const title = titleLine?.text.trim() ?? id;
  const sections: { heading: string; paragraphs: Paragraph[] }[] = [];
  const references: Reference[] = [];
  let current = { heading: LEAD_SECTION, paragraphs: [] as Paragraph[] };
  let mode: 'body' | 'references' | 'navigation' = 'body';
  let proseSeen = false;
  let source: DocumentSource | undefined;

  for (const line of lines) {
    if (line === titleLine) continue;
    const trimmed = line.text.trim();
    if (trimmed === '' || BOILERPLATE.some((re) => re.test(trimmed))) continue;
    const retrieved = parseSourceLine(trimmed);
    if (retrieved) {
      source = retrieved;
      continue;
    }
    const reference = parseReference(line.text);
    if (reference) {
      references.push(reference);
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      within = budget.section();
      if (current.paragraphs.length > 0) sections.push(current);
      const name = (heading[1] ?? '').trim();
      current = { heading: name, paragraphs: [] };
      mode = REFERENCE_SECTIONS.test(name) ? 'references' : NAVIGATION_SECTIONS.test(name) ? 'navigation' : 'body';
      continue;
    }
    if (mode !== 'body' || !within) continue;
    // Before the first prose line of the lead come the title again, the infobox and the map
    // caption: short lines that do not read as sentences.
    if (!proseSeen && (trimmed === title || !looksLikeProse(trimmed))) continue;
    proseSeen = true;
    const span = trimmedSpan(line);
    const paragraph = buildParagraph(text, span.start, span.end);
    budget.sentences(paragraph.sentences.length);
    current.paragraphs.push(paragraph);
  }
  budget.finish();
  if (current.paragraphs.length > 0) sections.push(current);
  return { id, title, text, sections, references, format: 'wikipedia', ...(source ? { source } : {}) };
}

/**
 * A line of prose ends like a sentence (markers aside) and has more than one word; infobox
 * fields and map captions ("Map indicating locations of …") do not end with a full stop.
 */
export function looksLikeProse(line: string): boolean {
  const plain = stripMarkers(line).trim();
  const words = plain.split(/\s+/).length;
  return words >= 2 && /[.!?]["'”’)\]]*$/.test(plain);
}
