import { tokenize } from '../text/tokenize.js';

/**
 * What makes two declined questions the same gap: their content words, normalised (lower case,
 * no diacritics, no possessive `'s`) and in order, so they may differ in case, punctuation and
 * stop words. "Who is Jack Lang?", "who is jack lang" and "who's Jack Lang??" all give
 * `jack lang`. A question of stop words only keeps all its words.
 */
export function gapKey(question: string): string {
  const tokens = tokenize(question);
  const content = tokens.filter((t) => !t.stop);
  return (content.length > 0 ? content : tokens).map((t) => t.word).join(' ');
}
