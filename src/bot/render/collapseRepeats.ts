import type { Passage } from '../../answer/types.js';

/** A passage to show, with the sections where the article says the same again. */
export interface ShownPassage {
  readonly passage: Passage;
  readonly alsoIn: readonly string[];
}

/**
 * Drops a passage that repeats an earlier one of the same document — the same text, or the same
 * sentence reworded (most of its words shared) with the same footnotes — and notes its section
 * on the one kept.
 */
export function collapseRepeats(passages: readonly Passage[]): ShownPassage[] {
  const kept: { passage: Passage; alsoIn: string[]; words: Set<string> }[] = [];
  for (const p of passages) {
    const words = wordSet(p.text);
    const same = kept.find((k) => k.passage.docId === p.docId && sameFootnotes(k.passage, p) && overlap(k.words, words) >= REPEAT_OVERLAP);
    if (same) {
      if (!same.alsoIn.includes(p.section)) same.alsoIn.push(p.section);
    } else kept.push({ passage: p, alsoIn: [], words });
  }
  return kept.map(({ passage, alsoIn }) => ({ passage, alsoIn }));
}

// Share of words two texts have in common (of the smaller) for one to repeat the other.
const REPEAT_OVERLAP = 0.7;

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

function sameFootnotes(a: Passage, b: Passage): boolean {
  return a.footnotes.map((f) => f.n).join(',') === b.footnotes.map((f) => f.n).join(',');
}
