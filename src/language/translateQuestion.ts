import { detectLanguage } from './detectLanguage.js';
import { DictionaryTranslator } from './DictionaryTranslator.js';
import { SOURCE_LANGUAGES, type SourceLanguage } from './languages.js';
import type { QuestionTranslator, TranslatedQuestion } from './QuestionTranslator.js';

/** One translator per source language. */
export type Translators = ReadonlyMap<SourceLanguage, QuestionTranslator>;

/** How a question's language was read. */
export type QuestionLanguage =
  /** English (or nothing told otherwise): search the question as it is. */
  | { readonly language: 'en'; readonly confidence: number }
  /** Another language, translated. */
  | { readonly language: SourceLanguage; readonly confidence: number; readonly translation: TranslatedQuestion }
  /** Another language without its dictionary: decline with `note` (one line, how to enable it). */
  | { readonly language: SourceLanguage; readonly confidence: number; readonly note: string };

/**
 * A translator for every language in {@link SOURCE_LANGUAGES}, reading its dictd files from
 * `dictionaryDir` (config `DICTIONARY_DIR`) on first use. Cheap: nothing is read here.
 */
export function createTranslators(options: { readonly dictionaryDir: string }): Translators {
  return new Map(Object.values(SOURCE_LANGUAGES).map((spec) => [spec.code, new DictionaryTranslator(spec, options.dictionaryDir)]));
}

/** Detects the question's language and, when it is not English, translates it or says why not. */
export function readQuestionLanguage(question: string, translators: Translators): QuestionLanguage {
  const { language, confidence } = detectLanguage(question);
  if (language === 'en') return { language, confidence };
  const translator = translators.get(language);
  const translation = translator?.translate(question);
  if (translation) return { language, confidence, translation };
  return { language, confidence, note: translator?.note ?? `${language} questions are not supported` };
}
