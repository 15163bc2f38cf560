import type { Chunk } from '../chunking/chunkDocument.js';
import type { Sentence } from '../corpus/types.js';
import type { AnalyzedQuery, TermGroup } from './analyzeQuery.js';
import { contentTokens, SentenceTokens } from './SentenceTokens.js';
import { addEvidence, coverage, emptyEvidence, groupMatch, keyShare, proximity, type TextTerms } from './scoreText.js';

/** The part of a chunk that best answers a question: whole sentences unless one is too long. */
export interface FocusedSpan {
  readonly start: number;
  readonly end: number;
  readonly sentences: readonly Sentence[];
  /** `coverage` of the question by this span, in [0, 1]. */
  readonly coverage: number;
  /** Coverage counting the title and section as context, plus a bonus for question phrases kept together: what spans are ranked by. */
  readonly relevance: number;
  /** `coverage` of the question's key words only, read under the title and section, in [0, 1]. */
  readonly keyCoverage: number;
  /** `keyShare` of the question, read under the title and section, in [0, 1]. */
  readonly keyShare: number;
  /** Key words of the question (`TermGroup.word`) neither the span nor its title and section hold. */
  readonly missing: readonly string[];
  /** Salient key words the span holds only in sentences with no other key word (see `isolatedNames`). */
  readonly isolated: readonly string[];
}

/** Longest quote, in characters (a Discord embed stays readable; the CLI contract says 400). */
export const MAX_QUOTE_CHARS = 400;

// Among spans that answer equally well, the shorter one wins: a penalty of 0.01 per 100 characters.
const LENGTH_PENALTY = 0.0001;
// A run that opens its paragraph keeps the paragraph's topic sentence ("Economic relations are also
// limited."): on a tie it beats the same run without it when that sentence is under 50 characters.
const OPENING_BONUS = 0.005;
// A run across a paragraph break reads as two quotes run together: each break costs as much as 400
// characters of length. The calibration sets score the same from 0.02 to 0.2 (0 loses one); 0.08 keeps
// "Economic relations are also limited." with the trade figures it introduces (dev-chat).
const PARAGRAPH_PENALTY = 0.08;
// Weight of `proximity` next to coverage; chosen on test/fixtures/calibration.jsonl.
const PROXIMITY_WEIGHT = 0.25;

/**
 * Picks the runs of consecutive sentences of `chunk` (each at most `maxChars` long) with the
 * best coverage of the question, shorter first on ties: the best one, then the best that does
 * not overlap the ones before, up to `count` (a chunk can hold two answers too long to quote
 * together). A single sentence longer than `maxChars` is cut to its best window on word
 * boundaries. Best first; fewer when the chunk has no more sentences.
 */
export function focusPassages(chunk: Chunk, docText: string, query: AnalyzedQuery, count = 1, tokens = new SentenceTokens()): FocusedSpan[] {
  const windows = scoreWindows(chunk, docText, query, tokens).sort((a, b) => b.score - a.score);
  const spans: FocusedSpan[] = [];
  for (const w of windows) {
    if (spans.length >= count) break;
    if (spans.some((t) => w.start < t.end && t.start < w.end)) continue;
    const { score: _score, ...span } = w;
    // Whole sentences reuse their cached stems; only a cut sentence is tokenised again.
    const whole = w.sentences.length > 0 && w.start === w.sentences[0]!.start && w.end === w.sentences[w.sentences.length - 1]!.end;
    const parts = whole ? w.sentences.map((s) => tokens.of(s, docText)) : [contentTokens(docText.slice(w.start, w.end))];
    const evidence = emptyEvidence();
    const sentences = parts.map((part) => addEvidence(emptyEvidence(), part, query.wanted));
    for (const part of parts) addEvidence(evidence, part, query.wanted);
    const context = headingEvidence(chunk, query, tokens);
    const missing = query.groups.filter((g) => g.role === 'key' && groupMatch(g, evidence, context) === 0).map((g) => g.word);
    const isolated = isolatedNames(query, sentences, context).filter((w) => !missing.includes(w));
    spans.push({ ...span, keyCoverage: coverage(query, evidence, context, true), keyShare: keyShare(query, evidence, context), missing, isolated });
  }
  return spans;
}

type ScoredSpan = Omit<FocusedSpan, 'keyCoverage' | 'keyShare' | 'missing' | 'isolated'> & { readonly score: number };

/**
 * Salient key words (names, numbers) that no sentence holds together with another key word of
 * the question: "Brazil" in "The capital city of Brazil. Population (2000) = 1,800,000." is
 * not what the population is of. A word the title or section holds is the passage's topic and
 * never isolated, and counts as present in every sentence. Nothing is isolated when the
 * question has no key word besides the name itself ("Who is Jean-Marie Lambret?").
 */
function isolatedNames(query: AnalyzedQuery, sentences: readonly TextTerms[], context: TextTerms): string[] {
  const keys = query.groups.filter((g) => g.role === 'key');
  // Another key word: not g, nor a part of the same name ("jack" keeps "lang" no company).
  // A word the corpus never uses keeps no name company: a question of one name and such a word
  // ("who replaced Vaysset") asks about what the corpus lacks.
  const others = (g: TermGroup): TermGroup[] => keys.filter((h) => h !== g && (h.name === undefined || h.name !== g.name));
  const accompanied = (g: TermGroup, s: TextTerms): boolean => groupMatch(g, s) > 0 && others(g).some((h) => groupMatch(h, s, context) > 0);
  const none = emptyEvidence();
  return keys
    .filter((g) => g.salient && others(g).length > 0 && groupMatch(g, none, context) === 0 && !sentences.some((s) => accompanied(g, s)))
    .map((g) => g.word);
}

// The words of the chunk's document title and section: what a passage is read under.
function headingEvidence(chunk: Chunk, query: AnalyzedQuery, tokens: SentenceTokens): TextTerms {
  return addEvidence(emptyEvidence(), tokens.heading(chunk), query.wanted);
}

// Every run of whole sentences that fits, scored; a sentence too long alone is cut instead.
function scoreWindows(chunk: Chunk, docText: string, query: AnalyzedQuery, cache: SentenceTokens): ScoredSpan[] {
  const maxChars = MAX_QUOTE_CHARS;
  const tokens = chunk.sentences.map((s) => cache.of(s, docText));
  // A passage is read under its document's title and section ("The office was to be headed
  // by…" is about North Korea because the article is), so ranking counts their words as
  // present; abstention does not: a span's `coverage` is measured on its own words.
  const context = headingEvidence(chunk, query, cache);
  const windows: ScoredSpan[] = [];
  // Which sentences open a paragraph: a run from i to j crosses a break at each such j > i.
  const opens = chunk.sentences.map((s) => opensParagraph(docText, s.start));
  for (let i = 0; i < chunk.sentences.length; i++) {
    const union = emptyEvidence();
    let breaks = 0;
    for (let j = i; j < chunk.sentences.length; j++) {
      if (j > i && opens[j]) breaks++;
      const first = chunk.sentences[i]!;
      const last = chunk.sentences[j]!;
      if (last.end - first.start > maxChars) {
        if (j === i) windows.push(cutLongSentence(first, docText, query, maxChars, context));
        break;
      }
      addEvidence(union, tokens[j]!, query.wanted);
      const relevance = coverage(query, union, context) + PROXIMITY_WEIGHT * proximity(query, union);
      windows.push({
        start: first.start,
        end: last.end,
        sentences: chunk.sentences.slice(i, j + 1),
        coverage: coverage(query, union),
        relevance,
        score: relevance - LENGTH_PENALTY * (last.end - first.start) + (opens[i] ? OPENING_BONUS : 0) - PARAGRAPH_PENALTY * breaks,
      });
    }
  }
  return windows;
}

// True when only spaces stand between `start` and the beginning of its line: a paragraph's first sentence.
function opensParagraph(docText: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (docText[i] === ' ' || docText[i] === '\t')) i--;
  return i < 0 || docText[i] === '\n';
}

// Slides a window over the sentence's word starts and keeps the best-covering one.
function cutLongSentence(sentence: Sentence, docText: string, query: AnalyzedQuery, maxChars: number, context: TextTerms): ScoredSpan {
  const text = docText.slice(sentence.start, sentence.end);
  const starts = [0, ...[...text.matchAll(/\s+/g)].map((m) => m.index + m[0].length)];
  let best = { start: 0, end: 0, coverage: 0, relevance: -1 };
  for (const s of starts) {
    if (s >= text.length) break;
    let e = Math.min(text.length, s + maxChars);
    if (e < text.length) {
      const space = text.lastIndexOf(' ', e);
      if (space > s) e = space;
    }
    const evidence = addEvidence(emptyEvidence(), contentTokens(text.slice(s, e)), query.wanted);
    const cov = coverage(query, evidence);
    const relevance = coverage(query, evidence, context) + PROXIMITY_WEIGHT * proximity(query, evidence);
    if (relevance > best.relevance) best = { start: s, end: e, coverage: cov, relevance };
    if (e === text.length) break;
  }
  const end = sentence.start + text.slice(0, best.end).trimEnd().length;
  const relevance = Math.max(0, best.relevance);
  return {
    start: sentence.start + best.start,
    end,
    sentences: [sentence],
    coverage: best.coverage,
    relevance,
    score: relevance - LENGTH_PENALTY * (end - sentence.start - best.start),
  };
}
