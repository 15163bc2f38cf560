import type { WeightedTerm } from '../index/LexicalIndex.js';
import { americanSpelling, tokenize } from '../text/tokenize.js';
import { pairKey } from './scoreText.js';
import type { WordNet } from './WordNet.js';

/**
 * A stem that may stand for a question word. Without `forms` any word with that stem matches
 * (the question's own word: "recognised" for "recognise"); with `forms` only those exact words
 * do (an expansion: "position" for "set", but not "positively", which shares its stem).
 */
export interface Alternative extends WeightedTerm {
  readonly forms?: readonly string[];
}

/** Several words that together stand for one question word: "european union" for "EU". */
export interface Phrase {
  /** Stems of the words, for BM25. */
  readonly stems: readonly string[];
  /** For each word, the exact forms of it that match (its inflections the corpus uses). */
  readonly forms: readonly (readonly string[])[];
  readonly weight: number;
}

/** One content word of a question and the stems that may stand for it in the corpus. */
export interface TermGroup {
  readonly word: string;
  /** Inverse document frequency of the word itself (unknown words get the highest). */
  readonly idf: number;
  /** The word's own stem (weight 1) and related words the corpus uses (weight < 1), best first. */
  readonly alternatives: readonly Alternative[];
  /** Related multi-word lemmas whose words the corpus all uses; a text matches one only with every stem. */
  readonly phrases: readonly Phrase[];
}

export interface AnalyzedQuery {
  readonly groups: readonly TermGroup[];
  /** Every alternative of every group, and the stems of its phrases, for BM25. */
  readonly terms: readonly WeightedTerm[];
  /** Neighbouring groups' stem pairs for `proximity`: `slot` is the first group's index. */
  readonly pairs: readonly QueryPair[];
  /** Every stem and word form any alternative or phrase can match: all a text is checked for. */
  readonly wanted: { readonly stems: ReadonlySet<string>; readonly words: ReadonlySet<string> };
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
    const alternatives = new Map<string, Alternative>([[token.stem, { stem: token.stem, weight: 1 }]]);
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
      const forms = words.map((w) => inflections(w.word).filter((form) => vocabulary.hasWord(form)));
      if (forms.some((f) => f.length === 0)) continue;
      if (words.length === 1) {
        const s = words[0]!.stem;
        const known = alternatives.get(s);
        if (known && !known.forms) continue; // the question's own stem already matches them all
        const merged = [...new Set([...(known?.forms ?? []), ...forms[0]!])];
        alternatives.set(s, { stem: s, weight: Math.max(known?.weight ?? 0, e.weight), forms: merged });
      } else {
        const stems = words.map((w) => w.stem);
        const key = stems.join(' ');
        if (!stems.includes(token.stem) && (phrases.get(key)?.weight ?? 0) < e.weight) phrases.set(key, { stems, forms, weight: e.weight });
      }
    }
    for (const s of morphologicalRelatives(token.stem, vocabulary)) {
      if (!alternatives.has(s)) alternatives.set(s, { stem: s, weight: MORPHOLOGICAL_WEIGHT });
    }
    groups.push({
      word: token.word,
      idf: vocabulary.idf(token.stem),
      alternatives: [...alternatives.values()].sort((a, b) => b.weight - a.weight),
      phrases: [...phrases.values()],
    });
  });
  const terms = groups.flatMap((g) => [
    ...g.alternatives.map(({ stem, weight }) => ({ stem, weight })),
    ...g.phrases.flatMap((p) => p.stems.map((stem) => ({ stem, weight: p.weight }))),
  ]);
  const wanted = {
    stems: new Set(terms.map((t) => t.stem)),
    words: new Set(groups.flatMap((g) => [...g.alternatives.flatMap((a) => a.forms ?? []), ...g.phrases.flatMap((p) => p.forms.flat())])),
  };
  return { groups, terms, pairs: queryPairs(groups), wanted };
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
