import { ANSWER_KINDS } from '../text/answerKinds.js';
import type { LexicalGroup, WeightedTerm } from '../index/LexicalIndex.js';
import { type AnswerKind, answerKindOf } from './answerKind.js';
import { askedThing } from './askedThing.js';
import { askedWords } from './askedWords.js';
import { type MessageParts, splitMessage } from './readQuestion.js';
import { stem } from '../text/tokenize.js';
import { pairKey } from './scoreText.js';
import { ROLE_WEIGHTS, termGroup } from './termGroup.js';
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

/** How a question word's part of the message counts. */
export type TermRole =
  /** A word of the question that says what it is about: the answer must address it. */
  | 'key'
  /** A word of the question that names the kind of answer ("year", "name", "number"): the passage rarely repeats it. */
  | 'weak'
  /** A word of the sentences around a long message's question: helps ranking, never decides. */
  | 'context';

/** How the engine read a word differently from how it was typed. */
export interface WordReading {
  readonly kind: 'corrected' | 'expanded' | 'translated';
  /** As typed (normalised): "mitterand", "nk". */
  readonly from: string;
  /** As read: "mitterrand", "north korea". */
  readonly to: string;
}

/** One content word of a question and the stems that may stand for it in the corpus. */
export interface TermGroup {
  /** The word as read (after a chat form, a spelling correction or an acronym). */
  readonly word: string;
  readonly role: TermRole;
  /** How much the group counts in coverage: 1 for a key word, less for weak and context words. */
  readonly weight: number;
  /** Inverse document frequency of the word itself (unknown words get the highest). */
  readonly idf: number;
  /** The word's own stem (weight 1) and related words the corpus uses (weight < 1), best first. */
  readonly alternatives: readonly Alternative[];
  /** Related multi-word lemmas whose words the corpus all uses; a text matches one only with every stem. */
  readonly phrases: readonly Phrase[];
  /** True when the corpus uses the word or one of its stand-ins; false: the corpus never mentions it. */
  readonly known: boolean;
  /**
   * A name, a number or a word WordNet does not know: something specific the question is about
   * (Germany, 2018, Vaysset), whose absence from a passage means the passage is about something else.
   */
  readonly salient: boolean;
  /** Set when the word was read differently from how it was typed. */
  readonly reading?: WordReading;
  /**
   * Groups of one name the corpus writes ("jack" and "lang" of "Jack Lang") share this number:
   * a passage naming "Lang" addresses "Jack Lang".
   */
  readonly name?: number;
}

export interface AnalyzedQuery {
  /** The message split into what is asked and what surrounds it. */
  readonly parts: MessageParts;
  readonly groups: readonly TermGroup[];
  /** Each group's alternatives (a stem, or a phrase's stems together) at their weights, for BM25. */
  readonly lexicalGroups: readonly LexicalGroup[];
  /** Neighbouring groups' stem pairs for `proximity`: `slot` is the first group's index. */
  readonly pairs: readonly QueryPair[];
  /** Every stem and word form any alternative or phrase can match: all a text is checked for. */
  readonly wanted: { readonly stems: ReadonlySet<string>; readonly words: ReadonlySet<string> };
  /** The words the engine reads, for the embedder: the question's own words as read, in order. */
  readonly text: string;
  /** The kind of answer the question asks for, when its words say so ("when…" → time). */
  readonly answerKind?: AnswerKind;
  /** The thing a "which …" / "what …" question asks to be named, as typed ("restaurant"); see `askedThing`. */
  readonly askedThing?: string;
  /** The question's language when not English (its words were translated). */
  readonly language?: string;
  /** Why the question could not be read (a language without its dictionary), one line. */
  readonly note?: string;
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
  /** Corpus words within a small edit distance of `word`, closest and most frequent first. */
  corrections?(word: string): { word: string; distance: number }[];
  /** The names an acronym stands for in the corpus ("nk" → ["north korea"]). */
  expandAcronym?(acronym: string): string[];
  /** True for a word the corpus only writes capitalised: a name. */
  isName?(word: string): boolean;
  /** True when two words, in order, stand together in one of the corpus's capitalised names. */
  isNamePart?(words: readonly string[]): boolean;
  /** How many of `others` some chunk holds together with `stem`. */
  cooccurs?(stem: string, others: readonly string[]): number;
}

/**
 * A word of the message to read: what was typed, what it stands for, and where it stood.
 * `readings` are alternatives of equal standing (a chat form's expansions, a word's translations).
 */
export interface AskedWord {
  readonly typed: string;
  readonly readings: readonly string[];
  readonly kind?: WordReading['kind'];
  readonly part: 'core' | 'context';
  /** The word typed right after it (stop words included), for two-word lemmas: "give *up*". */
  readonly next?: string;
  /**
   * A word that can only count a little: a word of another language its dictionary lacks
   * ("humanitaire"), which may or may not be the corpus's; read as weak unless the corpus uses it.
   */
  readonly unsure?: boolean;
}

/**
 * Turns a chat message into weighted term groups. The message is split into its question and
 * the context around it (`splitMessage`); chat forms are expanded ("ppl" → people) and filler
 * dropped; a word the corpus does not use is read as a corpus acronym ("nk" → north korea) or
 * corrected to a close corpus word ("mitterand" → mitterrand); then each word gets its stem plus
 * WordNet synonyms, derived forms, pertainyms and holonyms that occur in the corpus ("france" for
 * "french", the phrase "european union" for "EU") and corpus words of its family. Words that
 * name the kind of answer ("year", "name") are weak; words of the context — or of the question a
 * follow-up comes `after` — never decide.
 */
export function analyzeQuery(
  question: string | readonly AskedWord[],
  vocabulary: Vocabulary,
  wordnet?: WordNet,
  original?: string,
  after?: string,
): AnalyzedQuery {
  const own: MessageParts =
    typeof question === 'string' ? splitMessage(question) : { core: original ?? question.map((w) => w.typed).join(' '), context: '', kind: 'question' };
  // A follow-up is read in the light of the question before it, as a long message's context is.
  const parts: MessageParts = after === undefined ? own : { ...own, context: [splitMessage(after).core, own.context].filter(Boolean).join(' ') };
  const asked = typeof question === 'string' ? askedWords(parts) : question;
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  // The question's own words the corpus uses: a spelling correction must stand beside one of them.
  const known = asked.flatMap((w) => (w.readings.length === 1 ? [stem(w.readings[0]!)] : [])).filter((s) => vocabulary.documentFrequency(s) > 0);
  asked.forEach((word) => {
    const group = termGroup(word, vocabulary, wordnet, known);
    if (!group || seen.has(group.word)) return;
    seen.add(group.word);
    groups.push(group);
  });
  linkNames(groups, vocabulary);
  // A claim to check may word things the source words otherwise ("refuses to recognise" for "not
  // to recognise") or get a figure wrong ("since the 90s"): its words and numbers the corpus
  // never uses are weak; a name it never uses still means the corpus is not about it.
  const claimDetail = (g: TermGroup): boolean => !g.known && (!g.salient || /\d/.test(g.word));
  if (parts.kind === 'statement')
    groups.forEach((g, i) => g.role === 'key' && claimDetail(g) && (groups[i] = { ...g, role: 'weak', weight: ROLE_WEIGHTS.weak }));
  // A question made only of general words ("when was it first reported") is about those words.
  if (!groups.some((g) => g.role === 'key')) groups.forEach((g, i) => g.role === 'weak' && (groups[i] = { ...g, role: 'key', weight: ROLE_WEIGHTS.key }));
  // A question whose key words are all names asks something of them in its general words: "when
  // did mitterrand die" asks about dying, which the corpus never mentions. Such a word counts as
  // key, unless it names the kind of answer ("year") or only says how ("actually").
  // A verb before "to" ("trying to do") only leads to another verb.
  const keys = groups.filter((g) => g.role === 'key');
  if (parts.kind === 'question' && keys.length > 0 && keys.every((g) => g.salient)) {
    const leading = new Set(asked.filter((w) => w.next === 'to').map((w) => w.readings[0]));
    groups.forEach((g, i) => {
      if (g.role !== 'weak' || g.known || leading.has(g.word) || ANSWER_KINDS.has(g.word) || wordnet?.profile(g.word)?.adverbOnly !== false) return;
      groups[i] = { ...g, role: 'key', weight: ROLE_WEIGHTS.key };
    });
  }
  const lexicalGroups: LexicalGroup[] = groups.map((g) => [
    ...g.alternatives.map(({ stem, weight }) => ({ terms: [stem], weight: weight * g.weight })),
    ...g.phrases.map((p) => ({ terms: p.stems, weight: p.weight * g.weight })),
  ]);
  const wanted = {
    stems: new Set(lexicalGroups.flatMap((group) => group.flatMap((a) => a.terms))),
    words: new Set(groups.flatMap((g) => [...g.alternatives.flatMap((a) => a.forms ?? []), ...g.phrases.flatMap((p) => p.forms.flat())])),
  };
  const text = groups
    .filter((g) => g.role !== 'context')
    .map((g) => g.word)
    .join(' ');
  const answerKind = answerKindOf(parts.core);
  // Only English is read for it: a translated question's words are no longer in its order.
  const thing = typeof question === 'string' && wordnet ? askedThing(parts.core, (w) => wordnet.isNoun(w)) : undefined;
  return {
    parts,
    groups,
    lexicalGroups,
    pairs: queryPairs(groups),
    wanted,
    text,
    ...(answerKind ? { answerKind } : {}),
    ...(thing === undefined ? {} : { askedThing: thing }),
  };
}

// Neighbouring key words that stand together in a corpus name share a `name` number.
function linkNames(groups: TermGroup[], vocabulary: Vocabulary): void {
  for (let i = 0; i + 1 < groups.length; i++) {
    const [a, b] = [groups[i]!, groups[i + 1]!];
    if (a.role === 'context' || b.role === 'context' || !vocabulary.isNamePart?.([a.word, b.word])) continue;
    const name = a.name ?? i;
    groups[i] = { ...a, name };
    groups[i + 1] = { ...b, name };
  }
}

function queryPairs(groups: readonly TermGroup[]): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (let slot = 0; slot + 1 < groups.length; slot++) {
    if (groups[slot]!.role === 'context' || groups[slot + 1]!.role === 'context') continue;
    for (const a of groups[slot]!.alternatives) {
      for (const b of groups[slot + 1]!.alternatives) pairs.push({ slot, key: pairKey(a.stem, b.stem), weight: Math.min(a.weight, b.weight) });
    }
  }
  return pairs;
}
