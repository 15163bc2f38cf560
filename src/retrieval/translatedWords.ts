import type { TranslatedQuestion } from '../language/QuestionTranslator.js';
import { normalizeWord } from '../text/tokenize.js';
import type { AskedWord } from './analyzeQuery.js';

// Translations kept per word: the dictionary lists the usual senses first.
const MAX_READINGS = 4;

/**
 * A translated question's words to read: each source word with its English translations as
 * readings of equal standing, then the names, acronyms and numbers kept as typed, then the
 * lower-case words the dictionary lacks, which count only if the corpus uses them.
 */
export function translatedWords(t: TranslatedQuestion): AskedWord[] {
  return [
    ...t.words.map((w) => ({
      typed: normalizeWord(w.source),
      readings: w.translations.slice(0, MAX_READINGS).map((r) => r.toLowerCase()),
      kind: 'translated' as const,
      part: 'core' as const,
    })),
    ...t.passthrough.map((w) => ({ typed: normalizeWord(w), readings: [normalizeWord(w)], part: 'core' as const })),
    // Lower-case words the dictionary lacks: a name typed in lower case, or a word it misses.
    ...t.unknown.map((w) => ({ typed: normalizeWord(w), readings: [normalizeWord(w)], part: 'core' as const, unsure: true })),
  ];
}
