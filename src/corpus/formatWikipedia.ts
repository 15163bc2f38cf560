import { formatReference } from './parseReference.js';
import { LEAD_SECTION } from './parseWikipedia.js';
import { formatSourceLine } from './sourceLine.js';
import type { DocumentSource, Reference } from './types.js';

/** An article as plain text pieces: what `formatWikipedia` writes. */
export interface WikipediaText {
  readonly title: string;
  /** Sections in order; the first may be the lead (`LEAD_SECTION`), written without a heading. */
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
  readonly references: readonly Reference[];
  readonly source?: DocumentSource;
}

/**
 * Writes an article in the Wikipedia plain-text format `parseWikipedia` reads: the title line,
 * the lead's paragraphs, `Heading[edit]` sections with one paragraph per line, a `References[edit]`
 * list (`  n. ^ a b text <url>`) and the `Retrieved from …` source line. Each paragraph must be
 * one line of prose; sections without paragraphs are left out.
 */
export function formatWikipedia(article: WikipediaText): string {
  const blocks: string[] = [article.title];
  for (const section of article.sections) {
    if (section.paragraphs.length === 0) continue;
    if (section.heading !== LEAD_SECTION || blocks.length > 1) blocks.push(`${section.heading}[edit]`);
    blocks.push(...section.paragraphs);
  }
  if (article.references.length > 0) blocks.push('References[edit]', article.references.map(formatReference).join('\n'));
  if (article.source) blocks.push(formatSourceLine(article.source));
  return `${blocks.join('\n\n')}\n`;
}
