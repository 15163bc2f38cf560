import type { SourceLanguage } from './languages.js';

/** One word (or multi-word headword) of the question and its English translations. */
export interface TranslatedWord {
  /** As typed in the question: `vivent`, `Corée du Nord`, `nord-coréen`. */
  readonly source: string;
  /** The dictionary headword it was read as: `vivre`, `Corée du Nord`. */
  readonly headword: string;
  /** English words or short phrases (≤ 3 words), in the dictionary's order; never empty. */
  readonly translations: readonly string[];
}

/** A question's content words read into English, in question order. Function words are dropped. */
export interface TranslatedQuestion {
  readonly language: SourceLanguage;
  readonly words: readonly TranslatedWord[];
  /** Words kept as typed because they look like names, acronyms or numbers: `AAFC`, `Lang`, `2007`. */
  readonly passthrough: readonly string[];
  /** Lower-case words the dictionary does not have: a French word it lacks, or a name typed in lower case. */
  readonly unknown: readonly string[];
  /**
   * For an embedder: each word's first translation, passthrough and unknown words as typed, in
   * question order, joined by spaces (`only Frenchman be alive North Korea`).
   */
  readonly englishText: string;
}

/** Translates questions from one language into English words. */
export interface QuestionTranslator {
  readonly language: SourceLanguage;
  /** False when the dictionary files are missing: {@link QuestionTranslator.note} says how to install them. */
  readonly available: boolean;
  /** One line, safe to show, saying how to enable the language; undefined while available. */
  readonly note: string | undefined;
  /**
   * The question's words in English, assuming it is in this language (detect first).
   * Undefined when the translator is not available. Loads the dictionary on first use.
   */
  translate(question: string): TranslatedQuestion | undefined;
}
