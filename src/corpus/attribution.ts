import type { Paragraph, Sentence } from './types.js';

/**
 * The one attribution rule, shared by answers, chunks and `cite`: the footnotes that support a
 * run of sentences are the union of each sentence's `supportedBy` (its own markers, or those of
 * the next cited sentence of its paragraph), unique and ascending.
 */
export function footnotesSupporting(sentences: readonly Sentence[]): number[] {
  return [...new Set(sentences.flatMap((s) => s.supportedBy))].sort((a, b) => a - b);
}

/**
 * Runs of consecutive sentences of `paragraph` that footnote `n` supports by the rule of
 * `footnotesSupporting`, in order; every such sentence is in exactly one run.
 */
export function runsSupportedBy(paragraph: Paragraph, n: number): Sentence[][] {
  const runs: Sentence[][] = [];
  let run: Sentence[] = [];
  for (const s of paragraph.sentences) {
    if (footnotesSupporting([s]).includes(n)) {
      run.push(s);
      continue;
    }
    if (run.length > 0) runs.push(run);
    run = [];
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
