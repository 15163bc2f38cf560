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

/**
 * Characters handed to `Intl.Segmenter` at once. Its cost grows faster than the text (60,000
 * sentences in one paragraph did not finish in 120 s), so a longer paragraph is segmented in
 * windows; a paragraph of ordinary length is one window, as before.
 */
export const SEGMENT_WINDOW = 2000;
// A break is kept only with this much of the window after it: the Segmenter looks ahead past a
// full stop (to a lower-case word, say) and must see what follows, as it would in the whole text.
const LOOKAHEAD = 200;
// Longest word looked at for an abbreviation or an initial.
const MAX_WORD = 40;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a paragraph into sentences, in time linear in its length. Footnote markers are masked
 * before segmenting so that a marker after a full stop (`Estonia.[1] Next`) stays with its
 * sentence; segments that end in an abbreviation or an initial, or that are followed by a
 * lower-case start, are merged back. Sentences cover the paragraph without gaps except white space.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const masked = maskMarkers(paragraph);
  const merged: { start: number; end: number }[] = [];
  for (const seg of segments(masked)) {
    const prev = merged[merged.length - 1];
    if (prev && shouldMerge(masked, prev, seg)) prev.end = seg.end;
    else merged.push({ ...seg });
  }
  return merged.map((s) => trimSpan(paragraph, s.start, s.end)).filter((s) => s.end > s.start);
}

/**
 * The Segmenter's sentence segments of `text`, one window at a time: each window's breaks are
 * kept up to the last one with `LOOKAHEAD` characters after it, and the next window starts
 * there. A window without such a break (one sentence longer than a window) is cut at its last
 * space; the merge step joins the pieces again when the second starts in lower case.
 */
function* segments(text: string): Generator<{ start: number; end: number }> {
  let at = 0;
  while (at < text.length) {
    const end = Math.min(text.length, at + SEGMENT_WINDOW);
    const breaks: number[] = [];
    for (const seg of segmenter.segment(text.slice(at, end))) if (seg.index > 0) breaks.push(at + seg.index);
    if (end === text.length) {
      for (const b of breaks) {
        yield { start: at, end: b };
        at = b;
      }
      yield { start: at, end };
      return;
    }
    const kept = breaks.filter((b) => b <= end - LOOKAHEAD);
    if (kept.length === 0) {
      const space = text.lastIndexOf(' ', end - LOOKAHEAD);
      kept.push(space > at ? space + 1 : end - LOOKAHEAD);
    }
    for (const b of kept) {
      yield { start: at, end: b };
      at = b;
    }
  }
}

function shouldMerge(text: string, prev: { start: number; end: number }, next: { start: number; end: number }): boolean {
  let last = prev.end - 1;
  while (last >= prev.start && /\s/.test(text[last]!)) last--;
  if (last < prev.start) return true; // nothing but white space before
  let first = next.start;
  while (first < next.end && /\s/.test(text[first]!)) first++;
  if (/^[a-z]/.test(text[first] ?? '')) return true;
  if (text[last] !== '.') return false;
  let wordStart = last;
  while (wordStart > prev.start && last - wordStart < MAX_WORD && !/\s/.test(text[wordStart - 1]!)) wordStart--;
  if (last - wordStart >= MAX_WORD) return false; // too long for an abbreviation
  const lastWord = text.slice(wordStart, last).replace(/^[("'“‘]+/, '');
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
