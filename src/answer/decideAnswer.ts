import type { AnalyzedQuery, TermGroup } from '../retrieval/analyzeQuery.js';
import type { FocusedSpan } from '../retrieval/focusPassage.js';

/** Why the engine answers or declines. */
export type DecisionReason =
  | 'answered'
  /** The question has no word to look for (only filler or stop words). */
  | 'nothing_asked'
  /** The question is in a language the engine cannot read here (no dictionary for it). */
  | 'unsupported_language'
  /** A name, number or unknown word the question is about is nowhere in the corpus. */
  | 'not_in_corpus'
  /** The best passage leaves out a name or number the question is about. */
  | 'not_addressed'
  /** The best passage covers too little of the question's key words. */
  | 'low_coverage'
  /** No passage holds the kind of answer asked for: no date for "when…", no number for "how many…". */
  | 'no_answer_kind';

/** The decision to answer, with what was missing and how close it was. */
export interface Decision {
  readonly answered: boolean;
  readonly reason: DecisionReason;
  /** Key words the corpus or the best passage lacks, as read: what a decline names. */
  readonly missing: readonly string[];
  /** The best passage's key coverage minus the threshold: > 0 answered, < 0 declined on coverage. */
  readonly margin: number;
  /** The best passage's share of key words by count (0 without a passage). */
  readonly keyShare: number;
}

/**
 * Whether a passage answers the question: it must hold every name and number the question is
 * about (a specific word it lacks means it is about something else: "Germany" when the corpus
 * only has France), cover at least `minRelevance` of the question's key words (idf weighted,
 * read under its title and section) and hold at least `minKeyShare` of them by count, and hold the kind of answer asked for when the
 * question says (a time for "when…", a number for "how many…"). Before any passage, a specific word the corpus
 * never uses declines the question outright.
 */
/** The two thresholds a passage must reach (see `AnswerOptions`). */
export interface Thresholds {
  readonly minRelevance: number;
  readonly minKeyShare: number;
}

/**
 * True when a passage reaches both thresholds and holds some word of the question in its own
 * text: a title alone ("Auld lang syne" for "Lang") answers nothing.
 */
export function passesThresholds(span: FocusedSpan, t: Thresholds): boolean {
  return span.keyCoverage >= t.minRelevance && span.keyShare >= t.minKeyShare && span.coverage > 0;
}

export function decideAnswer(query: AnalyzedQuery, best: FocusedSpan | undefined, thresholds: Thresholds, holdsKind = true): Decision {
  const minKeyCoverage = thresholds.minRelevance;
  const margin = (best?.keyCoverage ?? 0) - minKeyCoverage;
  const keyShare = best?.keyShare ?? 0;
  const decline = (reason: DecisionReason, missing: readonly string[]): Decision => ({ answered: false, reason, missing, margin, keyShare });
  const keys = query.groups.filter((g) => g.role === 'key');
  if (query.note !== undefined) return decline('unsupported_language', []);
  if (keys.length === 0) return decline('nothing_asked', []);
  const absent = keys.filter((g) => g.salient && !g.known);
  if (absent.length > 0) return decline('not_in_corpus', words(absent));
  // "Which restaurant…": a corpus that never mentions a restaurant cannot name one.
  const thing = keys.find((g) => g.word === query.askedThing && !g.known);
  if (thing) return decline('not_in_corpus', words([thing]));
  if (!best) return decline('low_coverage', words(keys.filter((g) => !g.known)));
  const left = unaddressed(query, best);
  if (left.length > 0) return decline('not_addressed', left);
  if (!passesThresholds(best, thresholds)) return decline('low_coverage', words(keys.filter((g) => best.missing.includes(g.word))));
  if (!holdsKind) return decline('no_answer_kind', []);
  return { answered: true, reason: 'answered', missing: [], margin, keyShare };
}

/**
 * The salient key words (names, numbers) a passage leaves out, or holds only in sentences
 * with no other key word. A part of a corpus name is not missing when another part is there
 * ("Lang" stands for "Jack Lang").
 */
export function unaddressed(query: AnalyzedQuery, span: FocusedSpan): string[] {
  const missing = new Set([...span.missing, ...span.isolated]);
  const salient = query.groups.filter((g) => g.role === 'key' && g.salient);
  const named = new Set(salient.filter((g) => g.name !== undefined && !missing.has(g.word)).map((g) => g.name));
  return salient.filter((g) => missing.has(g.word) && !(g.name !== undefined && named.has(g.name))).map(wordOf);
}

function words(groups: readonly TermGroup[]): string[] {
  return groups.map(wordOf);
}

function wordOf(g: TermGroup): string {
  return g.reading?.to ?? g.word;
}
