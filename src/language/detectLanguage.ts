import { normalizeWord } from '../text/tokenize.js';
import { ENGLISH, type LanguageCode, type LanguageProfile, SOURCE_LANGUAGES } from './languages.js';

/** The language a text is most likely written in. */
export interface DetectedLanguage {
  readonly language: LanguageCode;
  /**
   * 0 to 1: `(winner − runner-up) / (winner + runner-up + 1)` over the evidence counted, so one
   * function word gives 0.5 and four give 0.8. 0 when nothing told the languages apart (the
   * language is then English, the corpus language).
   */
  readonly confidence: number;
}

const PROFILES: readonly LanguageProfile[] = [ENGLISH, ...Object.values(SOURCE_LANGUAGES)];
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ENGLISH_CONTRACTION = /['’](?:s|t|re|m|ll|ve|d)$/;
// A letter a language writes and English does not (é in a lower-case word) counts this much: names
// carry accents too (François Mitterrand), so accents alone never make a question French.
const LETTER_WEIGHT = 0.5;
// Function words or elisions a question must show to be read as another language than English.
const MIN_FUNCTION_WORDS = 2;

/**
 * Detects the language of a short chat question from its function words, elisions (`l'`, `qu'`)
 * and letters, with or without accents. A word that is a function word in two languages (`a`,
 * `on`, `me`) counts for neither. A source language must show at least two function words or
 * elisions and outweigh English (whose evidence includes chat forms such as "doesnt"), so an English question naming French people or places
 * ("who is jean-marie lambret", "was the aafc active in paris") stays English.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const scores = new Map<LanguageCode, number>();
  const strong = new Map<LanguageCode, number>();
  const add = (code: string, weight: number): void => {
    scores.set(code as LanguageCode, (scores.get(code as LanguageCode) ?? 0) + weight);
    if (weight >= 1) strong.set(code as LanguageCode, (strong.get(code as LanguageCode) ?? 0) + 1);
  };
  for (const [raw] of text.matchAll(WORD)) {
    const word = raw.normalize('NFC').toLowerCase().replace(/’/g, "'");
    for (const [code, weight] of evidence(word)) add(code, weight);
  }
  // One function word alone ("eu" in "which eu country") is no evidence of another language.
  const ranked = [...scores].filter(([code]) => code === 'en' || (strong.get(code) ?? 0) >= MIN_FUNCTION_WORDS).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === (second?.[1] ?? 0)) return { language: 'en', confidence: 0 };
  const runnerUp = second?.[1] ?? 0;
  return { language: first[0], confidence: (first[1] - runnerUp) / (first[1] + runnerUp + 1) };
}

/** What one lower-case word says: `[language, weight]` pairs. */
function evidence(word: string): [string, number][] {
  const found: [string, number][] = [];
  let head = word;
  const contraction = ENGLISH_CONTRACTION.exec(word);
  const elided = /^(\p{L}+)'(?=\p{L})/u.exec(word);
  if (contraction) {
    found.push(['en', 1]);
    head = word.slice(0, contraction.index);
  } else if (elided) {
    for (const p of PROFILES) if (p.elisions?.has(elided[1]!)) found.push([p.code, 1]);
    head = word.slice(elided[0].length);
  }
  found.push(...functionWordOf(head).map((code): [string, number] => [code, 1]));
  for (const p of PROFILES) if (p.letters?.test(word)) found.push([p.code, LETTER_WEIGHT]);
  return found;
}

/** The languages this word is a function word of; a word shared by several counts for none. */
function functionWordOf(word: string): string[] {
  const exact = PROFILES.filter((p) => p.stopwords.has(word)).map((p) => p.code);
  // An accented function word (à, où, été) belongs to the language that writes the accent.
  if (exact.length === 1 && word !== normalizeWord(word)) return exact;
  const folded = PROFILES.filter((p) => p.stopwords.has(normalizeWord(word))).map((p) => p.code);
  return folded.length === 1 ? folded : [];
}
