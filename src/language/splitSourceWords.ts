import type { LanguageProfile } from './languages.js';

/** A word of a question in a source language, in question order. */
export interface SourceWord {
  /** As typed, NFC, with `’` read as `'`: `Corée`, `AAFC`. */
  readonly text: string;
  /** A function word of the language (elided forms included: the `l` of `l'AAFC`). */
  readonly stop: boolean;
  /** What joins it to the next word as typed: `-` in `nord-coréen`, `'` after an elision, else a space. */
  readonly joiner: ' ' | '-' | "'";
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/**
 * Splits a question into words: elisions become words of their own (`l'AAFC` → l, AAFC;
 * `qu'il` → qu, il), hyphenated words become words marked as joined (`nord-coréen`), and
 * apostrophes inside a word that is not an elision are kept (`aujourd'hui`).
 */
export function splitSourceWords(text: string, profile: LanguageProfile): SourceWord[] {
  const out: SourceWord[] = [];
  const isStop = (w: string): boolean => profile.stopwords.has(w.toLowerCase());
  for (const [match] of text.normalize('NFC').replace(/’/g, "'").matchAll(WORD)) {
    let rest = match;
    let elided: string | undefined;
    while ((elided = /^(\p{L}+)'/u.exec(rest)?.[1]) !== undefined && profile.elisions?.has(elided.toLowerCase())) {
      out.push({ text: elided, stop: true, joiner: "'" });
      rest = rest.slice(elided.length + 1);
    }
    const parts = rest.split('-');
    parts.forEach((part, i) => out.push({ text: part, stop: isStop(part), joiner: i < parts.length - 1 ? '-' : ' ' }));
  }
  return out;
}
