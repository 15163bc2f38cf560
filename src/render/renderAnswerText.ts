import type { Answer, Citation, Passage } from '../answer/types.js';

/** Text shown when the engine abstains; the same words in every renderer. */
export const NOT_IN_CORPUS = 'I found nothing about that in the corpus.';
/** Warning shown under a quote that carries `[citation needed]`. */
export const CITATION_NEEDED_WARNING = '⚠ This claim is marked [citation needed] in the source: no reference supports it.';

/**
 * A terminal answer: each passage as `> ` quote lines under its document and section, then its
 * footnotes as `[n] reference text`, and a warning on a `[citation needed]` claim.
 */
export function renderAnswerText(answer: Answer): string {
  if (!answer.answered) return `${NOT_IN_CORPUS}\n`;
  return answer.passages.map((p, i) => renderPassage(p, i + 1)).join('\n');
}

function renderPassage(p: Passage, rank: number): string {
  const lines = [`${rank}. ${p.title} — ${p.section}`];
  for (const line of p.text.split('\n')) lines.push(`> ${line}`);
  if (p.citationNeeded) lines.push(CITATION_NEEDED_WARNING);
  for (const f of p.footnotes) lines.push(`[${f.n}] ${f.text}`);
  return `${lines.join('\n')}\n`;
}

/** A terminal view of `cite`: the reference, then every passage that cites it. */
export function renderCitationText(citations: readonly Citation[]): string {
  return citations
    .map((c) => {
      const lines = [`[${c.n}] ${c.text}`, `    in ${c.title} (${c.doc})`];
      if (c.passages.length === 0) lines.push('    (no passage of the text carries this marker)');
      for (const p of c.passages) lines.push('', `  ${p.section}:`, ...p.text.split('\n').map((l) => `  > ${l}`));
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
