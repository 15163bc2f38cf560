import { ANSWER_KINDS } from '../text/answerKinds.js';
import { editDistance } from '../text/editDistance.js';
import { CHAT_FORMS } from '../text/chatForms.js';
import { STOPWORDS } from '../text/stopwords.js';
import { americanSpelling, stem, type Token, tokenize } from '../text/tokenize.js';
import type { Correction } from '../index/SpellingIndex.js';
import type { Alternative, AskedWord, Phrase, TermGroup, TermRole, Vocabulary, WordReading } from './analyzeQuery.js';
import { inflections } from './inflections.js';
import type { WordNet } from './WordNet.js';

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
// Longest word read as an acronym.
const MAX_ACRONYM = 6;
// How much weak and context words count next to key words.
export const ROLE_WEIGHTS: Readonly<Record<TermRole, number>> = { key: 1, weak: 0.3, context: 0.25 };

/**
 * Reads one word of a message into a term group (`questionStems`: the stems of the question's
 * words the corpus uses, which a spelling correction must stand beside): its stand-ins in the corpus (its stem, a chat
 * form's or translation's readings, a corpus acronym's names, a spelling correction, WordNet
 * relatives the corpus uses, word-family stems), its role and whether the corpus knows it.
 * Undefined for a word that says nothing (a misspelt function word).
 */
export function termGroup(
  asked: AskedWord,
  vocabulary: Vocabulary,
  wordnet: WordNet | undefined,
  questionStems: readonly string[] = [],
  allowCorrection = true,
): TermGroup | undefined {
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
    // A one-word reading matches by its stem, as a typed word does ("recognize" finds "recognise").
    for (const r of asked.readings) {
      const words = content(r);
      const only = words.length === 1 ? words[0]! : undefined;
      if (only && vocabulary.documentFrequency(only.stem) > 0) {
        if ((alternatives.get(only.stem)?.weight ?? 0) < READING_WEIGHT) alternatives.set(only.stem, { stem: only.stem, weight: READING_WEIGHT });
      } else addPhrase(words, READING_WEIGHT, '');
      // A translation's own synonyms, as for a typed word ("visit" → "tour"), a little weaker.
      for (const e of only && wordnet ? wordnet.related(only.word) : []) {
        if (e.weight >= MIN_EXPANSION_WEIGHT) addPhrase(content(e.term), e.weight * READING_WEIGHT, only!.stem);
      }
    }
    if (alternatives.size === 0 && phrases.size === 0) return unknownGroup(asked, word, reading, vocabulary);
    const first = content(word);
    return finish(
      asked,
      first.map((t) => t.word).join(' '),
      reading,
      alternatives,
      phrases,
      vocabulary,
      first.map((t) => t.stem),
    );
  }

  let token = content(word)[0];
  if (!token) return undefined;
  // A short word that is no common English word may be an acronym of a name the corpus writes
  // ("nk", "aafc"), even where some document also uses it as a word (a dictionary's "NK").
  const profile = wordnet?.profile(token.word);
  const acronym = token.word.length <= MAX_ACRONYM && (profile === undefined || profile.senses <= 2) ? (vocabulary.expandAcronym?.(token.word) ?? []) : [];
  for (const phrase of acronym) addPhrase(content(phrase), READING_WEIGHT, '');
  if (phrases.size > 0 || alternatives.size > 0) {
    if (vocabulary.documentFrequency(token.stem) > 0) alternatives.set(token.stem, { stem: token.stem, weight: 1 });
    const to = [...new Set(acronym.filter((p) => content(p).every((t) => vocabulary.hasWord(t.word))))];
    return finish(
      asked,
      token.word,
      { kind: 'expanded', from: asked.typed, to: to[0] ?? token.word },
      alternatives,
      phrases,
      vocabulary,
      [token.stem],
      true,
      wordnet,
    );
  }
  // "05", "81": a year written short, read as the corpus's years that end so (2005, 1981) — unless
  // the corpus writes the number itself ("10 October"): a large corpus has years ending in most pairs.
  if (/^\d{2}$/.test(token.word) && !vocabulary.hasWord(token.word)) {
    const years = ['19', '20'].map((c) => `${c}${token!.word}`).filter((y) => vocabulary.hasWord(y));
    if (years.length > 0) {
      for (const y of years) alternatives.set(y, { stem: y, weight: READING_WEIGHT });
      return finish(
        asked,
        token.word,
        { kind: 'expanded', from: asked.typed, to: years.join(' / ') },
        alternatives,
        phrases,
        vocabulary,
        [years[0]!],
        false,
        wordnet,
      );
    }
  }
  const chosen = allowCorrection ? correctionOf(token, vocabulary, wordnet, questionStems) : undefined;
  if (chosen === null) return undefined;
  if (chosen) {
    word = chosen.word;
    token = { word, stem: stem(word), stop: false };
    reading = { kind: 'corrected', from: asked.typed, to: word };
    alternatives.set(token.stem, { stem: token.stem, weight: CORRECTION_WEIGHTS[chosen.distance] ?? 0.8 });
  }
  if (!alternatives.has(token.stem)) alternatives.set(token.stem, { stem: token.stem, weight: 1 });
  const collocation = asked.next !== undefined && reading === undefined ? `${token.word} ${asked.next}` : undefined;
  // "south korea", "new york": a two-word name makes its words a name too, and stands for the
  // word instead of the word's own senses ("south" alone relates to "korea" and "states").
  const inName = collocation !== undefined && wordnet?.profile(collocation)?.instance === true;
  const lookups = inName ? [collocation] : [americanSpelling(token.word), ...(collocation ? [collocation] : [])];
  // A word the corpus lacks may still be what a passage is about under another name: its sisters
  // ("trade" → imports, exports) and its definition's words ("embassy" → diplomatic) stand in, weakly.
  const distant = reading === undefined && vocabulary.documentFrequency(token.stem) === 0;
  for (const e of wordnet ? lookups.flatMap((lemma) => wordnet.related(lemma, distant ? { distant, maxTerms: 40 } : {})) : []) {
    // The corpus must use each word itself (or an inflection of it), not merely a word with
    // the same stem: "universe" must not match "university".
    // A name's parts are not stand-ins for it: "korea" is no reading of "south" in "south korea".
    if (inName && e.term === asked.next) continue;
    if (e.weight >= MIN_EXPANSION_WEIGHT) addPhrase(content(e.term), e.weight * (alternatives.get(token.stem)?.weight ?? 1), token.stem);
  }
  for (const s of morphologicalRelatives(token.stem, vocabulary)) {
    if (!alternatives.has(s)) alternatives.set(s, { stem: s, weight: MORPHOLOGICAL_WEIGHT });
  }
  const group = finish(asked, token.word, reading, alternatives, phrases, vocabulary, [token.stem], inName, wordnet);
  // A correction to an English word the corpus never relates to ("covid" → "bovid") reads nothing
  // better than the word as typed, which at least tells what the corpus lacks.
  if (reading?.kind === 'corrected' && !group.known) return termGroup(asked, vocabulary, wordnet, questionStems, false);
  return group;
}

/**
 * How to read a word that may be misspelt: a corpus word it is close to, an English word, or
 * undefined to read it as typed; null for a misspelt function word ("wich"), which says nothing.
 * - A word the corpus does not use is matched to a close corpus word that stands beside another
 *   word of the question — in a large corpus a name it lacks is one edit from some unrelated word
 *   ("covid" → "coved") — the one beside the most of them first.
 * - A real English word is most likely meant ("germany" is no typo of "germane", "back" none of
 *   "jack"), unless the corpus has a name with the same letters swapped ("lambert" → Lambret).
 * - A word neither the corpus nor English knows, and no corpus word fits, is matched to an
 *   English word the corpus may still relate to ("russain" → russian → Russia).
 * - A name-like word a large corpus does use, but never beside the question's other words, is
 *   matched to a close corpus name that is ("edmund" → Edmond, beside "juche" and "pyongyang").
 */
function correctionOf(token: Token, vocabulary: Vocabulary, wordnet: WordNet | undefined, questionStems: readonly string[]): Correction | null | undefined {
  if (/\d/.test(token.word)) return undefined;
  const realWord = realWordOf(token.word, wordnet);
  const others = questionStems.filter((s) => s !== token.stem);
  const inCorpus = vocabulary.hasWord(token.word) || vocabulary.documentFrequency(token.stem) > 0;
  if (inCorpus) {
    if (others.length === 0 || !vocabulary.cooccurs) return undefined;
    // A real word is only read as a name with the same letters ("lambert" → Lambret): two letters
    // swapped, which a few look-ups rule out before any costlier search.
    if (realWord && !swaps(token.word).some((w) => vocabulary.isName?.(w))) return undefined;
    // The name is looked for first: counting where a common word stands is the costly part at scale.
    const name = bestCorrection(token.word, vocabulary, others, (w) => (vocabulary.isName?.(w) ?? false) && (!realWord || sameLetters(token.word, w)));
    if (!name) return undefined;
    const beside = vocabulary.cooccurs(token.stem, others);
    if (beside === 0 && !realWord) return name;
    // In a large corpus the typed word may stand beside a common word of the question somewhere
    // ("lambert" beside "french" in a dictionary): the name wins when it stands beside clearly more.
    const nameBeside = vocabulary.cooccurs(stem(name.word), others);
    return nameBeside >= 2 * beside + 2 ? name : undefined;
  }
  if (!realWord && isNearStopWord(token.word)) return null;
  const corpus = bestCorrection(token.word, vocabulary, others);
  if (corpus && (!realWord || (vocabulary.isName?.(corpus.word) && sameLetters(token.word, corpus.word)))) return corpus;
  if (realWord || !wordnet) return undefined;
  // Of the English words as close ("apoint": point, appoint), the one the corpus uses.
  const english = wordnet.closestWords(token.word);
  return english.find((c) => vocabulary.documentFrequency(stem(c.word)) > 0) ?? english[0];
}

// Corrections weighed per word: the closest few are enough to find one beside the question.
const MAX_CANDIDATES = 8;

// The close corpus word (that `accept` takes) standing beside the most of `others`, closest
// first; with no other words, simply the closest.
function bestCorrection(
  word: string,
  vocabulary: Vocabulary,
  others: readonly string[],
  accept: (word: string) => boolean = () => true,
): Correction | undefined {
  const candidates = (vocabulary.corrections?.(word) ?? []).filter((c) => accept(c.word)).slice(0, MAX_CANDIDATES);
  if (others.length === 0 || !vocabulary.cooccurs) return candidates[0];
  let best: { correction: Correction; beside: number } | undefined;
  for (const c of candidates) {
    const beside = vocabulary.cooccurs(stem(c.word), others);
    if (beside > 0 && (!best || c.distance < best.correction.distance || (c.distance === best.correction.distance && beside > best.beside)))
      best = { correction: c, beside };
  }
  return best?.correction;
}

function realWordOf(word: string, wordnet: WordNet | undefined): boolean {
  return wordnet?.profile(word) !== undefined;
}

function isNearStopWord(word: string): boolean {
  if (word.length < 3) return false;
  for (const s of STOP_LIKE) if (s.length >= 3 && editDistance(word, s, 1) <= 1) return true;
  return false;
}

// Stop words, and chat forms that stand for nothing else ("doesnt" → does not; "dosent" is one
// edit from it).
const STOP_LIKE: readonly string[] = [
  ...STOPWORDS,
  ...[...CHAT_FORMS].filter(([, to]) => to.split(/[ |]/).every((w) => STOPWORDS.has(w))).map(([form]) => form),
];

// The word with two neighbouring letters swapped, each way it can be.
function swaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2));
  return out;
}

function sameLetters(a: string, b: string): boolean {
  return Array.from(a).sort().join('') === Array.from(b).sort().join('');
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
  const name =
    nameLike ||
    /\d/.test(word) ||
    (vocabulary.isName?.(word) ?? false) ||
    (wordnet !== undefined && !word.includes(' ') && (profile === undefined || profile.instance));
  // General words say how or what kind, not what about: adverbs, and words of many senses
  // ("take", "give", "side", "job"), which chat uses loosely.
  const general = !name && profile !== undefined && (profile.adverbOnly || profile.senses >= COMMON_SENSES);
  const known = [...alternatives.values()].some((a) => vocabulary.documentFrequency(a.stem) > 0) || phrases.size > 0;
  const unsure = asked.unsure === true && !known;
  const role: TermRole = asked.part === 'context' ? 'context' : ANSWER_KINDS.has(word) || general || unsure ? 'weak' : 'key';
  // An acronym or a phrase is as rare as its rarest word.
  const idf =
    acronym || ownStems.length > 1
      ? Math.max(...[...phrases.values()].flatMap((p) => p.stems).map((s) => vocabulary.idf(s)), 0) || vocabulary.idf(ownStems[0]!)
      : vocabulary.idf(ownStems[0]!);
  return {
    word,
    role,
    weight: ROLE_WEIGHTS[role],
    idf,
    alternatives: [...alternatives.values()].sort((a, b) => b.weight - a.weight),
    phrases: [...phrases.values()],
    known,
    salient: name && !unsure,
    ...(reading ? { reading } : {}),
  };
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
