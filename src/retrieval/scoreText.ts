import type { Alternative, AnalyzedQuery, TermGroup } from './analyzeQuery.js';

/** The content words of a text, normalised, and their stems. */
export interface TextTerms {
  readonly stems: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

/** What a text holds for scoring: its terms and the unordered pairs of stems that stand close. */
export interface Evidence extends TextTerms {
  readonly stems: Set<string>;
  readonly words: Set<string>;
  readonly pairs: Set<string>;
}

/** A text's content tokens, in order. */
export interface ContentTokens {
  readonly stems: readonly string[];
  readonly words: readonly string[];
}

/** An empty evidence set to add texts to. */
export function emptyEvidence(): Evidence {
  return { stems: new Set(), words: new Set(), pairs: new Set() };
}

// A stand-in at least this strong counts a key word as held for `keyShare`.
const STRONG_MATCH = 0.5;
/** How far apart (in content words) two stems may stand and still count as a pair. */
const PAIR_DISTANCE = 2;

/**
 * Adds a text's content tokens to an evidence set. With `wanted` (the question's stems and word
 * forms: nothing else can match), only those are recorded, which keeps the sets tiny.
 */
export function addEvidence(evidence: Evidence, tokens: ContentTokens, wanted?: AnalyzedQuery['wanted']): Evidence {
  const { stems, words } = tokens;
  for (const w of words) if (!wanted || wanted.words.has(w)) evidence.words.add(w);
  stems.forEach((s, i) => {
    if (wanted && !wanted.stems.has(s)) return;
    evidence.stems.add(s);
    for (let d = 1; d <= PAIR_DISTANCE && i + d < stems.length; d++) {
      const t = stems[i + d]!;
      if (!wanted || wanted.stems.has(t)) evidence.pairs.add(pairKey(s, t));
    }
  });
  return evidence;
}

/**
 * Share of the question a text answers, in [0, 1]: over the question's groups, the sum of
 * idf × role weight × the best matching alternative's weight, divided by the sum of idf × role
 * weight. 0 when there are no groups. Terms in `context` (what the text is read under, such as
 * its title) count as present too. With `keyOnly`, only the question's key words count.
 */
export function coverage(query: AnalyzedQuery, text: TextTerms, context?: TextTerms, keyOnly = false): number {
  let total = 0;
  let matched = 0;
  for (const g of query.groups) {
    if (keyOnly && g.role !== 'key') continue;
    total += g.idf * g.weight;
    matched += g.idf * g.weight * groupMatch(g, text, context);
  }
  return total === 0 ? 0 : matched / total;
}

/** How well a text holds one question word: the weight of its best alternative or phrase present, 0 if none. */
export function groupMatch(g: TermGroup, text: TextTerms, context?: TextTerms): number {
  let best = 0;
  for (const a of g.alternatives) if (a.weight > best && (holds(text, a) || (context !== undefined && holds(context, a)))) best = a.weight;
  for (const p of g.phrases) {
    if (p.weight > best && p.forms.every((forms) => forms.some((f) => text.words.has(f) || (context?.words.has(f) ?? false)))) best = p.weight;
  }
  return best;
}

/**
 * Share of the question's key words a text holds (with `context`), directly or through a
 * stand-in of weight ≥ 0.5, in [0, 1] (1 when there are none). Unlike `coverage` it ignores
 * idf, so one rare word cannot stand for a whole question ("baguette" in a dictionary entry
 * does not answer how to bake one).
 */
export function keyShare(query: AnalyzedQuery, text: TextTerms, context?: TextTerms): number {
  const keys = query.groups.filter((g) => g.role === 'key');
  if (keys.length === 0) return 1;
  return keys.filter((g) => groupMatch(g, text, context) >= STRONG_MATCH).length / keys.length;
}

/**
 * Share of the question's neighbouring content-word pairs that also stand together in the
 * text (either order, any alternatives, weighted by the weaker one), in [0, 1]: a phrase
 * match such as "establish diplomatic relations" counts more than the same words scattered.
 */
export function proximity(query: AnalyzedQuery, evidence: Evidence): number {
  const slots = query.groups.length - 1;
  if (slots < 1) return 0;
  const best = new Array<number>(slots).fill(0);
  for (const p of query.pairs) if (p.weight > best[p.slot]! && evidence.pairs.has(p.key)) best[p.slot] = p.weight;
  return best.reduce((sum, w) => sum + w, 0) / slots;
}

/** The key of an unordered pair of stems. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

function holds(text: TextTerms, a: Alternative): boolean {
  return a.forms ? a.forms.some((f) => text.words.has(f)) : text.stems.has(a.stem);
}
