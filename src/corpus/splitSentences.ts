import { maskMarkers } from './footnoteMarkers.js';

/** A sentence span inside a paragraph string, `[start, end)`, trailing white space excluded. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

// Abbreviations after which a full stop does not end a sentence (compared lower-cased,
// without the final dot).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr rev gen col lt capt sgt gov sen rep pres hon vs etc e.g i.e cf al inc ltd co corp ' +
    'no nos vol vols pp p ed eds fig approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'u.s u.k u.n e.u a.m p.m ca c mt ft'
  ).split(' '),
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a paragraph into sentences. Footnote markers are masked before segmenting so
 * that a marker after a full stop (`Estonia.[1] Next`) stays with its sentence; segments
 * that end in an abbreviation or an initial, or that are followed by a lower-case start,
 * are merged back. Sentences cover the paragraph without gaps except white space.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const masked = maskMarkers(paragraph);
  const raw: { start: number; end: number }[] = [];
  for (const seg of segmenter.segment(masked)) {
    raw.push({ start: seg.index, end: seg.index + seg.segment.length });
  }
  const merged: { start: number; end: number }[] = [];
  for (const seg of raw) {
    const prev = merged[merged.length - 1];
    if (prev && shouldMerge(masked.slice(prev.start, prev.end), masked.slice(seg.start, seg.end))) {
      prev.end = seg.end;
    } else {
      merged.push({ ...seg });
    }
  }
  return merged
    .map((s) => trimSpan(paragraph, s.start, s.end))
    .filter((s) => s.end > s.start);
}

function shouldMerge(previous: string, next: string): boolean {
  const prev = previous.trimEnd();
  const nextStart = next.trimStart();
  if (prev.length === 0) return true;
  if (/^[a-z]/.test(nextStart)) return true;
  if (!prev.endsWith('.')) return false;
  const lastWord = (prev.match(/(\S+)\.$/)?.[1] ?? '').replace(/^[("'“‘]+/, '');
  if (/^[A-Z]$/.test(lastWord)) return true; // an initial: "J. R. Smith"
  return ABBREVIATIONS.has(lastWord.toLowerCase());
}

function trimSpan(text: string, start: number, end: number): SentenceSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}
