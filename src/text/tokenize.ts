import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';

/** A word of a text, normalised, with its Porter stem. */
export interface Token {
  /** Lower-cased, diacritics removed, possessive `'s` dropped: `benós` → `benos`. */
  readonly word: string;
  readonly stem: string;
  readonly stop: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cases and folds diacritics and apostrophes; drops a possessive `'s`. */
export function normalizeWord(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/'/g, '');
}

/** Splits text into words (hyphenated words become separate words), in order. */
export function words(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => normalizeWord(m[0])).filter((w) => w.length > 0);
}

/** Tokens of a text: normalised words with stems and a stop-word flag. */
export function tokenize(text: string): Token[] {
  return words(text).map((word) => ({ word, stem: stem(word), stop: STOPWORDS.has(word) }));
}

/** Content (non-stop-word) stems of a text, in order, duplicates kept. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.stop)
    .map((t) => t.stem);
}

// Verbs and nouns in -ise that are not British spellings of an -ize word.
const NOT_BRITISH = new Set(
  (
    'promise premise expertise exercise otherwise likewise clockwise enterprise franchise compromise surprise ' +
    'advertise advise revise devise supervise televise merchandise chastise despise comprise demise paradise ' +
    'treatise concise precise incise excise noise poise raise praise cruise bruise wise rise arise tortoise ' +
    'porpoise turquoise anise mortise reprise improvise disguise guise apprise circumcise'
  ).split(' '),
);

/**
 * Porter stem of a normalised word. British `-ise` spellings are folded to `-ize` first
 * ("recognise" and "recognize" share a stem), except words where `-ise` is the root.
 */
export function stem(word: string): string {
  return stemmer(americanSpelling(word));
}

/** `recognised` → `recognized`; words whose `-ise` is not a spelling variant are unchanged. */
export function americanSpelling(word: string): string {
  const m = /^(.{2,}i)s(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (!m) return word;
  const base = `${m[1]}se`;
  const unprefixed = base.replace(/^(re|un|dis|mis|pre|over|under)(?=.{4})/, '');
  if (NOT_BRITISH.has(base) || NOT_BRITISH.has(unprefixed)) return word;
  return `${m[1]}z${m[2]}`;
}
