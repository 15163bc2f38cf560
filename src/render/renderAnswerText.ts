import type { Answer, Citation, Passage } from '../answer/types.js';
import { declineLine, readingLine } from './describeReading.js';

/** Warning shown under a quote that carries `[citation needed]`. */
export const CITATION_NEEDED_WARNING = '⚠ This claim is marked [citation needed] in the source: no reference supports it.';

/**
 * A terminal answer: a line on how the question was read when a word was corrected or spelt
 * out, then each passage as `> ` quote lines under its document and section, its footnotes as
 * `[n] reference text` (then its URL, when it has one), and a warning on a `[citation needed]` claim; or why it declined.
 */
export function renderAnswerText(answer: Answer): string {
  const read = readingLine(answer.reading, plainQuote);
  const head = read ? `${read}\n` : '';
  if (!answer.answered) return `${head}${declineLine(answer.reading, plainQuote)}\n`;
  return head + answer.passages.map((p, i) => renderPassage(p, i + 1)).join('\n');
}

const plainQuote = (word: string): string => `"${word}"`;

function renderPassage(p: Passage, rank: number): string {
  const lines = [`${rank}. ${p.title} — ${p.section}`];
  for (const line of p.text.split('\n')) lines.push(`> ${line}`);
  if (p.citationNeeded) lines.push(CITATION_NEEDED_WARNING);
  for (const f of p.footnotes) lines.push(`[${f.n}] ${withUrl(f.text, f.url)}`);
  return `${lines.join('\n')}\n`;
}

/** A terminal view of `cite`: the reference, then every passage that cites it. */
export function renderCitationText(citations: readonly Citation[]): string {
  return citations
    .map((c) => {
      const lines = [`[${c.n}] ${withUrl(c.text, c.url)}`, `    in ${c.title} (${c.docId})`];
      if (c.passages.length === 0) lines.push('    (no passage of the text carries this marker)');
      for (const p of c.passages) lines.push('', `  ${p.section}:`, ...p.text.split('\n').map((l) => `  > ${l}`));
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

// A reference with its source: the URL after the text, where a terminal makes it clickable.
function withUrl(text: string, url: string | undefined): string {
  return url ? `${text} ${url}` : text;
}
