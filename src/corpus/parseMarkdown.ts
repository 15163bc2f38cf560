import { buildParagraph } from './buildParagraph.js';
import { DocumentBudget } from './DocumentLimits.js';
import { splitLines, trimmedSpan, type Line } from './lines.js';
import { LEAD_SECTION } from './parseWikipedia.js';
import type { Document, Paragraph, Reference } from './types.js';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
// `[^1]: Reference text`, Markdown's footnote definition.
const FOOTNOTE_DEFINITION = /^\[\^(\d{1,4})\]:\s*(.*)$/;
const FENCE = /^(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/;

/**
 * Parses a Markdown document: the first `# ` heading is the title (else the file name),
 * deeper headings start sections, blank-line separated blocks and list items are
 * paragraphs, `[^n]` markers cite `[^n]: …` definitions. Code blocks are skipped.
 * Throws `document_too_large` when the text passes one of `budget`'s limits.
 */
export function parseMarkdown(id: string, text: string, budget = new DocumentBudget(id)): Document {
  const lines = splitLines(text);
  budget.lines(lines);
  let within = true;
  let title: string | undefined;
  const sections: { heading: string; paragraphs: Paragraph[] }[] = [];
  const references: Reference[] = [];
  let current = { heading: LEAD_SECTION, paragraphs: [] as Paragraph[] };
  let block: Line[] = [];
  let inFence = false;

  const flush = (): void => {
    const first = block[0];
    const last = block[block.length - 1];
    if (first && last && within) {
      // A list item's text starts after its bullet or number, so quotes do not carry "- ".
      const start = trimmedSpan(first).start + (LIST_ITEM.exec(first.text)?.[0].trimStart().length ?? 0);
      const end = trimmedSpan(last).end;
      if (end > start) {
        const paragraph = buildParagraph(text, start, end);
        budget.sentences(paragraph.sentences.length);
        current.paragraphs.push(paragraph);
      }
    }
    block = [];
  };

  for (const line of lines) {
    const trimmed = line.text.trim();
    if (FENCE.test(trimmed)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = HEADING.exec(trimmed);
    if (heading) {
      flush();
      const name = (heading[2] ?? '').trim();
      if (heading[1] === '#' && title === undefined) {
        title = name;
        continue;
      }
      within = budget.section();
      if (current.paragraphs.length > 0) sections.push(current);
      current = { heading: name, paragraphs: [] };
      continue;
    }
    const footnote = FOOTNOTE_DEFINITION.exec(trimmed);
    if (footnote) {
      flush();
      references.push({ n: Number(footnote[1]), text: (footnote[2] ?? '').trim(), backlinks: 1 });
      continue;
    }
    if (trimmed === '') {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line.text)) flush();
    block.push(line);
    if (LIST_ITEM.test(line.text)) flush();
  }
  flush();
  budget.finish();
  if (current.paragraphs.length > 0) sections.push(current);
  return { id, title: title ?? id, text, sections, references, format: 'markdown' };
}
