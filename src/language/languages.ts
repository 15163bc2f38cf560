import { CHAT_FORMS, FILLER_WORDS } from '../text/chatForms.js';
import { STOPWORDS } from '../text/stopwords.js';
import { frenchBaseForms } from './frenchBaseForms.js';
import { FRENCH_ELISIONS, FRENCH_LETTERS, FRENCH_STOPWORDS } from './frenchWords.js';

/** A part of speech as FreeDict labels it (`<n, masc>` is a noun, `<vt>` a verb). */
export type PartOfSpeech = 'noun' | 'adj' | 'verb' | 'other';

/** A headword an inflected word may come from. */
export interface BaseForm {
  readonly form: string;
  /** What the rule that made it expects; a headword of another part of speech is a weaker match. */
  readonly partOfSpeech?: PartOfSpeech;
}

/** What the language detector knows of a language. */
export interface LanguageProfile {
  /** ISO 639-1 code: `en`, `fr`. */
  readonly code: string;
  /** Function words, lower case, with their accents and without: the detector's evidence for the language. */
  readonly stopwords: ReadonlySet<string>;
  /** Words written elided with an apostrophe (`l'`, `qu'`): strong evidence, split off before lookup. */
  readonly elisions?: ReadonlySet<string>;
  /** Letters the language writes and English does not: weak evidence. */
  readonly letters?: RegExp;
}

/** A language the engine translates into English with a dictd dictionary. */
export interface SourceLanguageSpec extends LanguageProfile {
  /** English name, for notes: `French`. */
  readonly name: string;
  /** dictd database name (files `NAME.index`, `NAME.dict.dz` under `DICTIONARY_DIR`), translating into English. */
  readonly dictionary: string;
  /** The Debian package that installs the database. */
  readonly debianPackage: string;
  /** Headword candidates for an inflected word (lower case), most likely first, without the word itself. */
  readonly baseForms: (word: string) => readonly BaseForm[];
}

/** The corpus language: only a detection profile (function words, chat forms and filler), nothing to translate. */
export const ENGLISH: LanguageProfile = { code: 'en', stopwords: new Set([...STOPWORDS, ...CHAT_FORMS.keys(), ...FILLER_WORDS]) };

/**
 * Languages questions may be asked in. Adding one (a FreeDict `deu-eng`, `spa-eng`…) is an entry
 * here: its stop words for detection, the dictionary's name, and its inflection rules if any.
 */
export const SOURCE_LANGUAGES = {
  fr: {
    code: 'fr',
    name: 'French',
    dictionary: 'freedict-fra-eng',
    debianPackage: 'dict-freedict-fra-eng',
    stopwords: FRENCH_STOPWORDS,
    elisions: FRENCH_ELISIONS,
    letters: FRENCH_LETTERS,
    baseForms: frenchBaseForms,
  },
} as const satisfies Record<string, SourceLanguageSpec>;

/** A language the engine translates from. */
export type SourceLanguage = keyof typeof SOURCE_LANGUAGES;

/** A language the detector can report: English or a source language. */
export type LanguageCode = 'en' | SourceLanguage;
