import type { WeightedTerm } from '../index/LexicalIndex.js';
import { americanSpelling, tokenize } from '../text/tokenize.js';
import type { WordNet } from './WordNet.js';

/** Several stems that together stand for one question word: "european union" for "EU". */
export interface Phrase {
  readonly stems: readonly string[];
  readonly weight: number;
}

/** One content word of a question and the stems that may stand for it in the corpus. */
export interface TermGroup {
  readonly word: string;
  /** Inverse document frequency of the word itself (unknown words get the highest). */
  readonly idf: number;
  /** The word's own stem (weight 1) and related stems the corpus uses (weight < 1), best first. */
  readonly alternatives: readonly WeightedTerm[];
  /** Related multi-word lemmas whose words the corpus all uses; a text matches one only with every stem. */
  readonly phrases: readonly Phrase[];
}

export interface AnalyzedQuery {
  readonly groups: readonly TermGroup[];
  /** Every alternative of every group, and the stems of its phrases, for BM25. */
  readonly terms: readonly WeightedTerm[];
  /** Neighbouring groups' stem pairs for `proximity`: `slot` is the first group's index. */
  readonly pairs: readonly QueryPair[];
}

/** One way two neighbouring question words may stand together in a text. */
export interface QueryPair {
  readonly slot: number;
  readonly key: string;
  readonly weight: number;
}

/** What query analysis needs to know about the corpus vocabulary. */
export interface Vocabulary {
  documentFrequency(stem: string): number;
  /** Corpus stems that extend `prefix` by at most `extra` characters. */
  stemsExtending(prefix: string, extra: number): string[];
  /** True when the corpus uses this exact normalised word. */
  hasWord(word: string): boolean;
  idf(stem: string): number;
}

// Expansions weaker than this bring more noise than recall: it drops hypernyms (0.3 in WordNet.ts)
// and late senses, which turned out-of-scope questions into weak matches ("population" → "group").
const MIN_EXPANSION_WEIGHT = 0.35;
// Weight of a corpus stem that only shares a long beginning with the question's ("recognise" and
// "recognition" stem to "recogn" and "recognit"): likely the same word family, not the same word.
const MORPHOLOGICAL_WEIGHT = 0.5;
// Shortest stem compared by its beginning, and how many characters may differ at the end.
const MIN_FAMILY_STEM = 5;
const MAX_FAMILY_SUFFIX = 3;
// Longest multi-word expansion used, in content words.
const MAX_PHRASE_WORDS = 3;

/**
 * Turns a question into weighted term groups: each content word with its stem, plus WordNet
 * synonyms, derived forms, pertainyms and holonyms that occur in the corpus ("abandon" for
 * "give up", "france" for "french" or "paris", the phrase "european union" for "EU").
 * Two-word collocations of the question ("gives up") are looked up as one lemma and their
 * expansions join the first word's group.
 */
export function analyzeQuery(question: string, vocabulary: Vocabulary, wordnet?: WordNet): AnalyzedQuery {
  const tokens = tokenize(question);
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.stop || seen.has(token.stem)) return;
    seen.add(token.stem);
    const alternatives = new Map<string, number>([[token.stem, 1]]);
    const phrases = new Map<string, Phrase>();
    const lookups = [americanSpelling(token.word)];
    const next = tokens[i + 1];
    if (next) lookups.push(`${token.word} ${next.word}`);
    for (const e of wordnet ? lookups.flatMap((lemma) => wordnet.related(lemma)) : []) {
      if (e.weight < MIN_EXPANSION_WEIGHT) continue;
      // The corpus must use each word itself (or an inflection of it), not merely a word with
      // the same stem: "universe" must not match "university".
      const words = tokenize(e.term).filter((t) => !t.stop);
      if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
      if (!words.every((w) => inflections(w.word).some((form) => vocabulary.hasWord(form)))) continue;
      if (words.length === 1) {
        const s = words[0]!.stem;
        alternatives.set(s, Math.max(alternatives.get(s) ?? 0, e.weight));
      } else {
        const stems = words.map((w) => w.stem);
        const key = stems.join(' ');
        if (!stems.includes(token.stem) && (phrases.get(key)?.weight ?? 0) < e.weight) phrases.set(key, { stems, weight: e.weight });
      }
    }
    for (const s of morphologicalRelatives(token.stem, vocabulary)) {
      if (!alternatives.has(s)) alternatives.set(s, MORPHOLOGICAL_WEIGHT);
    }
    groups.push({
      word: token.word,
      idf: vocabulary.idf(token.stem),
      alternatives: [...alternatives].map(([s, weight]) => ({ stem: s, weight })).sort((a, b) => b.weight - a.weight),
      phrases: [...phrases.values()],
    });
  });
  const terms = groups.flatMap((g) => [...g.alternatives, ...g.phrases.flatMap((p) => p.stems.map((stem) => ({ stem, weight: p.weight })))]);
  return { groups, terms, pairs: queryPairs(groups) };
}

function queryPairs(groups: readonly TermGroup[]): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (let slot = 0; slot + 1 < groups.length; slot++) {
    for (const a of groups[slot]!.alternatives) {
      for (const b of groups[slot + 1]!.alternatives) pairs.push({ slot, key: pairKey(a.stem, b.stem), weight: Math.min(a.weight, b.weight) });
    }
  }
  return pairs;
}

/**
 * Corpus stems of the same word family as `stem`: ones that extend it by a short suffix, and
 * shorter ones it extends ("recognit" ↔ "recogn"), never below five characters.
 */
function morphologicalRelatives(stem: string, vocabulary: Vocabulary): string[] {
  if (stem.length < MIN_FAMILY_STEM) return [];
  const longer = vocabulary.stemsExtending(stem, MAX_FAMILY_SUFFIX);
  const shorter: string[] = [];
  for (let n = stem.length - 1; n >= Math.max(MIN_FAMILY_STEM, stem.length - MAX_FAMILY_SUFFIX); n--) {
    const prefix = stem.slice(0, n);
    if (vocabulary.documentFrequency(prefix) > 0) shorter.push(prefix);
  }
  return [...longer, ...shorter];
}

/** A lemma and its regular inflections: "abandon" → abandons, abandoned, abandoning, … */
export function inflections(lemma: string): string[] {
  const last = lemma.at(-1) ?? '';
  const stemE = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const forms = [lemma, `${lemma}s`, `${lemma}es`, `${stemE}ed`, `${stemE}ing`, `${lemma}${last}ed`, `${lemma}${last}ing`, `${stemE}er`, `${stemE}ers`];
  if (lemma.endsWith('y')) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`);
  return forms;
}

/**
 * Share of the question a text answers, in [0, 1]: the idf-weighted sum over groups of the best
 * matching alternative's weight, divided by the sum of the groups' idf. 0 when there are no groups.
 * A stem in `context` (words the text is read under, such as its title) counts as present too.
 */
export function coverage(query: AnalyzedQuery, stems: ReadonlySet<string>, context?: ReadonlySet<string>): number {
  const has = (s: string): boolean => stems.has(s) || (context?.has(s) ?? false);
  let total = 0;
  let matched = 0;
  for (const g of query.groups) {
    total += g.idf;
    let best = 0;
    for (const a of g.alternatives) if (a.weight > best && has(a.stem)) best = a.weight;
    for (const p of g.phrases) if (p.weight > best && p.stems.every(has)) best = p.weight;
    matched += g.idf * best;
  }
  return total === 0 ? 0 : matched / total;
}

// An expansion at least this strong counts a question word as present for `matchedShare`.
const STRONG_EXPANSION = 0.5;

/**
 * Share of the question's content words a text contains, directly or through a strong
 * expansion, in [0, 1]. Unlike `coverage` it ignores idf, so one rare word cannot stand for a
 * whole question ("baguette" in a dictionary entry does not answer how to bake one at home).
 */
export function matchedShare(query: AnalyzedQuery, stems: ReadonlySet<string>): number {
  if (query.groups.length === 0) return 0;
  const matched = query.groups.filter(
    (g) =>
      g.alternatives.some((a) => a.weight >= STRONG_EXPANSION && stems.has(a.stem)) ||
      g.phrases.some((p) => p.weight >= STRONG_EXPANSION && p.stems.every((s) => stems.has(s))),
  ).length;
  return matched / query.groups.length;
}

/** Content stems of a text and the unordered pairs of stems that stand close together in it. */
export interface Evidence {
  readonly stems: Set<string>;
  readonly pairs: Set<string>;
}

/** How far apart (in content words) two stems may stand and still count as a pair. */
const PAIR_DISTANCE = 2;

/**
 * Adds a text's content stems (in order) to an evidence set. With `wanted`, only pairs of two
 * wanted stems are recorded (the question's terms: no other pair can match).
 */
export function addEvidence(evidence: Evidence, stems: readonly string[], wanted?: ReadonlySet<string>): Evidence {
  stems.forEach((s, i) => {
    evidence.stems.add(s);
    if (wanted && !wanted.has(s)) return;
    for (let d = 1; d <= PAIR_DISTANCE && i + d < stems.length; d++) {
      const t = stems[i + d]!;
      if (!wanted || wanted.has(t)) evidence.pairs.add(pairKey(s, t));
    }
  });
  return evidence;
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

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}
