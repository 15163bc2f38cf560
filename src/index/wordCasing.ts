import { normalizeWord } from '../text/tokenize.js';

const TOKEN = /[\p{L}][\p{L}\p{N}'’]*/gu;

/**
 * How each word of a text is written where its case means something: capitalised (`France`,
 * `Vaysset`) or lower case (`office`), normalised. A sentence's first word and words in
 * all-capital runs tell nothing and are skipped; acronyms (`DPRK`) count as capitalised.
 */
export function wordCasing(text: string): { capitalised: string[]; lower: string[] } {
  const capitalised: string[] = [];
  const lower: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 3), at);
    // Sentence or line start: after . ! ? : a quote or a bracket opening it, or at the very start.
    if (at === 0 || /(?:[.!?:]\s*["“(]?|\n\s*["“(]?|^\s*)$/.test(before)) continue;
    const word = normalizeWord(m[0]);
    if (word === '') continue;
    if (/^\p{Lu}/u.test(m[0])) capitalised.push(word);
    else lower.push(word);
  }
  return { capitalised, lower };
}
