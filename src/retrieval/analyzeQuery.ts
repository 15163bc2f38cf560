import type { WeightedTerm } from '../index/LexicalIndex.js';
import { ANSWER_KINDS } from '../text/answerKinds.js';
import { CHAT_FORMS, FILLER_WORDS } from '../text/chatForms.js';
import { editDistance } from '../text/editDistance.js';
import { STOPWORDS } from '../text/stopwords.js';
import { americanSpelling, stem, type Token, tokenize } from '../text/tokenize.js';
import { type AnswerKind, answerKindOf } from './answerKind.js';
import { type MessageParts, splitMessage } from './readQuestion.js';
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
  /** Every alternative of every group, and the stems of its phrases, for BM25. */
  readonly terms: readonly WeightedTerm[];
  /** Neighbouring groups' stem pairs for `proximity`: `slot` is the first group's index. */
  readonly pairs: readonly QueryPair[];
  /** Every stem and word form any alternative or phrase can match: all a text is checked for. */
  readonly wanted: { readonly stems: ReadonlySet<string>; readonly words: ReadonlySet<string> };
  /** The words the engine reads, for the embedder: the question's own words as read, in order. */
  readonly text: string;
  /** The kind of answer the question asks for, when its words say so ("when…" → time). */
  readonly answerKind?: AnswerKind;
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
  /** The closest corpus word to one the corpus does not use, within a small edit distance. */
  correct?(word: string): { word: string; distance: number } | undefined;
  /** The names an acronym stands for in the corpus ("nk" → ["north korea"]). */
  expandAcronym?(acronym: string): string[];
  /** True for a word the corpus only writes capitalised: a name. */
  isName?(word: string): boolean;
  /** True when two words, in order, stand together in one of the corpus's capitalised names. */
  isNamePart?(words: readonly string[]): boolean;
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
// A corrected word counts a little less than one typed right, more so at two edits.
const CORRECTION_WEIGHTS = [1, 0.9, 0.8];
// An acronym's expansion, or one of several readings of a chat form or a translation.
const READING_WEIGHT = 0.9;
// A word with this many WordNet senses or more is general ("take", "side", "job"): weak, not key.
const COMMON_SENSES = 8;
// How much weak and context words count next to key words.
const ROLE_WEIGHTS: Readonly<Record<TermRole, number>> = { key: 1, weak: 0.3, context: 0.25 };

/**
 * Turns a chat message into weighted term groups. The message is split into its question and
 * the context around it (`splitMessage`); chat forms are expanded ("ppl" → people) and filler
 * dropped; a word the corpus does not use is read as a corpus acronym ("nk" → north korea) or
 * corrected to a close corpus word ("mitterand" → mitterrand); then each word gets its stem plus
 * WordNet synonyms, derived forms, pertainyms and holonyms that occur in the corpus ("france" for
 * "french", the phrase "european union" for "EU") and corpus words of its family. Words that
 * name the kind of answer ("year", "name") are weak; words of the context never decide.
 */
export function analyzeQuery(question: string | readonly AskedWord[], vocabulary: Vocabulary, wordnet?: WordNet, original?: string): AnalyzedQuery {
  const parts: MessageParts = typeof question === 'string' ? splitMessage(question) : { core: original ?? question.map((w) => w.typed).join(' '), context: '', kind: 'question' };
  const asked = typeof question === 'string' ? askedWords(parts) : question;
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  asked.forEach((word) => {
    const group = termGroup(word, vocabulary, wordnet);
    if (!group || seen.has(group.word)) return;
    seen.add(group.word);
    groups.push(group);
  });
  linkNames(groups, vocabulary);
  // A claim to check may word things the source words otherwise ("refuses to recognise" for "not
  // to recognise"): its words the corpus never uses are weak, unless they name something.
  if (parts.kind === 'statement') groups.forEach((g, i) => g.role === 'key' && !g.known && !g.salient && (groups[i] = { ...g, role: 'weak', weight: ROLE_WEIGHTS.weak }));
  // A question made only of general words ("when was it first reported") is about those words.
  if (!groups.some((g) => g.role === 'key')) groups.forEach((g, i) => g.role === 'weak' && (groups[i] = { ...g, role: 'key', weight: ROLE_WEIGHTS.key }));
  const terms = groups.flatMap((g) => [
    ...g.alternatives.map(({ stem, weight }) => ({ stem, weight: weight * g.weight })),
    ...g.phrases.flatMap((p) => p.stems.map((stem) => ({ stem, weight: p.weight * g.weight }))),
  ]);
  const wanted = {
    stems: new Set(terms.map((t) => t.stem)),
    words: new Set(groups.flatMap((g) => [...g.alternatives.flatMap((a) => a.forms ?? []), ...g.phrases.flatMap((p) => p.forms.flat())])),
  };
  const text = groups.filter((g) => g.role !== 'context').map((g) => g.word).join(' ');
  const answerKind = answerKindOf(parts.core);
  return { parts, groups, terms, pairs: queryPairs(groups), wanted, text, ...(answerKind ? { answerKind } : {}) };
}

/** The message's words to read, in order: chat forms expanded, stop words and filler dropped. */
export function askedWords(parts: MessageParts): AskedWord[] {
  const words: AskedWord[] = [];
  // The question first: a word it shares with the context belongs to it.
  for (const [part, text] of [['core', parts.core], ['context', parts.context]] as const) {
    const tokens = tokenize(text);
    tokens.forEach((token, i) => {
      const next = tokens[i + 1]?.word;
      const chat = CHAT_FORMS.get(token.word);
      if (chat) {
        const readings = chat.split('|').filter((r) => tokenize(r).some((t) => !t.stop && !FILLER_WORDS.has(t.word)));
        if (readings.length > 0) words.push({ typed: token.word, readings, kind: 'expanded', part });
        return;
      }
      if (token.stop || FILLER_WORDS.has(token.word)) return;
      words.push({ typed: token.word, readings: [token.word], part, ...(next ? { next } : {}) });
    });
  }
  return words;
}

function termGroup(asked: AskedWord, vocabulary: Vocabulary, wordnet: WordNet | undefined): TermGroup | undefined {
  let word = asked.readings[0]!;
  // Two readings say enough ("foreign ministry / foreign minister"); a dictionary may list many.
  const shown = asked.readings.slice(0, 2).join(' / ');
  let reading: WordReading | undefined = asked.kind && word !== asked.typed ? { kind: asked.kind, from: asked.typed, to: shown } : undefined;
  const alternatives = new Map<string, Alternative>();
  const phrases = new Map<string, Phrase>();
  const addPhrase = (words: readonly Token[], weight: number, own: string): void => {
    if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return;
    const forms = words.map((w) => inflections(w.word).filter((form) => vocabulary.hasWord(form)));
    if (forms.some((f) => f.length === 0)) return;
    if (words.length === 1) {
      const s = words[0]!.stem;
      const known = alternatives.get(s);
      if (known && !known.forms) return; // the question's own stem already matches them all
      alternatives.set(s, { stem: s, weight: Math.max(known?.weight ?? 0, weight), forms: [...new Set([...(known?.forms ?? []), ...forms[0]!])] });
      return;
    }
    const stems = words.map((w) => w.stem);
    const key = stems.join(' ');
    if (!stems.includes(own) && (phrases.get(key)?.weight ?? 0) < weight) phrases.set(key, { stems, forms, weight });
  };

  const content = (text: string): Token[] => tokenize(text).filter((t) => !t.stop);
  if (asked.readings.length > 1 || content(word).length > 1) {
    // Several readings, or one of several words ("foreign ministry"): each a stand-in of equal rank.
    for (const r of asked.readings) addPhrase(content(r), READING_WEIGHT, '');
    if (alternatives.size === 0 && phrases.size === 0) return unknownGroup(asked, word, reading, vocabulary);
    const first = content(word);
    return finish(asked, first.map((t) => t.word).join(' '), reading, alternatives, phrases, vocabulary, first.map((t) => t.stem));
  }

  let token = content(word)[0];
  if (!token) return undefined;
  if (!vocabulary.hasWord(token.word) && vocabulary.documentFrequency(token.stem) === 0) {
    const acronym = vocabulary.expandAcronym?.(token.word) ?? [];
    for (const phrase of acronym) addPhrase(content(phrase), READING_WEIGHT, '');
    if (phrases.size > 0 || alternatives.size > 0) {
      const to = [...new Set(acronym.filter((p) => content(p).every((t) => vocabulary.hasWord(t.word))))];
      return finish(asked, token.word, { kind: 'expanded', from: asked.typed, to: to[0] ?? token.word }, alternatives, phrases, vocabulary, [token.stem], true, wordnet);
    }
    // "wich", "teh", "becuase": a misspelt function word says nothing.
    if (!realWordOf(token.word, wordnet) && isNearStopWord(token.word)) return undefined;
    const correction = /\d/.test(token.word) ? undefined : vocabulary.correct?.(token.word);
    // A real English word the corpus does not use is most likely meant ("germany" is no typo of
    // "germane", "back" none of "jack"), unless the corpus has a name with the same letters
    // swapped ("lambert" for "Lambret").
    const realWord = realWordOf(token.word, wordnet);
    // A word neither the corpus nor English knows is a typo of an English word the corpus may
    // still relate to ("russain" → russian → Russia).
    const chosen =
      correction && (!realWord || (vocabulary.isName?.(correction.word) && sameLetters(token.word, correction.word)))
        ? correction
        : !realWord && !/\d/.test(token.word)
          ? wordnet?.correct(token.word)
          : undefined;
    if (chosen) {
      word = chosen.word;
      token = { word, stem: stem(word), stop: false };
      reading = { kind: 'corrected', from: asked.typed, to: word };
      alternatives.set(token.stem, { stem: token.stem, weight: CORRECTION_WEIGHTS[chosen.distance] ?? 0.8 });
    }
  }
  if (!alternatives.has(token.stem)) alternatives.set(token.stem, { stem: token.stem, weight: 1 });
  const collocation = asked.next !== undefined && reading === undefined ? `${token.word} ${asked.next}` : undefined;
  // "south korea", "new york": a two-word name makes its words a name too, and stands for the
  // word instead of the word's own senses ("south" alone relates to "korea" and "states").
  const inName = collocation !== undefined && wordnet?.profile(collocation)?.instance === true;
  const lookups = inName ? [collocation] : [americanSpelling(token.word), ...(collocation ? [collocation] : [])];
  for (const e of wordnet ? lookups.flatMap((lemma) => wordnet.related(lemma)) : []) {
    // The corpus must use each word itself (or an inflection of it), not merely a word with
    // the same stem: "universe" must not match "university".
    // A name's parts are not stand-ins for it: "korea" is no reading of "south" in "south korea".
    if (inName && e.term === asked.next) continue;
    if (e.weight >= MIN_EXPANSION_WEIGHT) addPhrase(content(e.term), e.weight * (alternatives.get(token.stem)?.weight ?? 1), token.stem);
  }
  for (const s of morphologicalRelatives(token.stem, vocabulary)) {
    if (!alternatives.has(s)) alternatives.set(s, { stem: s, weight: MORPHOLOGICAL_WEIGHT });
  }
  return finish(asked, token.word, reading, alternatives, phrases, vocabulary, [token.stem], inName, wordnet);
}

function realWordOf(word: string, wordnet: WordNet | undefined): boolean {
  return wordnet?.profile(word) !== undefined;
}

function isNearStopWord(word: string): boolean {
  if (word.length < 3) return false;
  for (const s of STOPWORDS) if (s.length >= 3 && editDistance(word, s, 1) <= 1) return true;
  return false;
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

function unknownGroup(asked: AskedWord, word: string, reading: WordReading | undefined, vocabulary: Vocabulary): TermGroup {
  const s = stem(word);
  return finish(asked, word, reading, new Map([[s, { stem: s, weight: 1 }]]), new Map(), vocabulary, [s]);
}

function finish(
  asked: AskedWord,
  word: string,
  reading: WordReading | undefined,
  alternatives: Map<string, Alternative>,
  phrases: Map<string, Phrase>,
  vocabulary: Vocabulary,
  ownStems: readonly string[],
  nameLike = false,
  wordnet?: WordNet,
): TermGroup {
  const acronym = reading?.kind === 'expanded' && phrases.size > 0 && alternatives.size === 0;
  const profile = nameLike || word.includes(' ') ? undefined : wordnet?.profile(word);
  const name = nameLike || /\d/.test(word) || (vocabulary.isName?.(word) ?? false) || (wordnet !== undefined && !word.includes(' ') && (profile === undefined || profile.instance));
  // General words say how or what kind, not what about: adverbs, and words of many senses
  // ("take", "give", "side", "job"), which chat uses loosely.
  const general = !name && profile !== undefined && (profile.adverbOnly || profile.senses >= COMMON_SENSES);
  const role: TermRole = asked.part === 'context' ? 'context' : ANSWER_KINDS.has(word) || general ? 'weak' : 'key';
  const known = [...alternatives.values()].some((a) => vocabulary.documentFrequency(a.stem) > 0) || phrases.size > 0;
  // An acronym or a phrase is as rare as its rarest word.
  const idf = acronym || ownStems.length > 1 ? Math.max(...[...phrases.values()].flatMap((p) => p.stems).map((s) => vocabulary.idf(s)), 0) || vocabulary.idf(ownStems[0]!) : vocabulary.idf(ownStems[0]!);
  return {
    word,
    role,
    weight: ROLE_WEIGHTS[role],
    idf,
    alternatives: [...alternatives.values()].sort((a, b) => b.weight - a.weight),
    phrases: [...phrases.values()],
    known,
    salient: name,
    ...(reading ? { reading } : {}),
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
