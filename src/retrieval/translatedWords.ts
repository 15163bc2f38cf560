import type { TranslatedQuestion } from '../language/QuestionTranslator.js';
import { normalizeWord } from '../text/tokenize.js';
import type { AskedWord } from './analyzeQuery.js';

// Translations kept per word: the dictionary lists the usual senses first.
const MAX_READINGS = 4;

/**
 * A translated question's words to read: each source word with its English translations as
 * readings of equal standing, then the names, acronyms and numbers kept as typed.
 */
export function translatedWords(t: TranslatedQuestion): AskedWord[] {
  return [
    ...t.words.map((w) => ({
      typed: normalizeWord(w.source),
      readings: w.translations.slice(0, MAX_READINGS).map((r) => r.toLowerCase()),
      kind: 'translated' as const,
      part: 'core' as const,
    })),
    ...[...t.passthrough, ...t.unknown].map((w) => ({ typed: normalizeWord(w), readings: [normalizeWord(w)], part: 'core' as const })),
  ];
}
