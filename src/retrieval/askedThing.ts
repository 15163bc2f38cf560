import { STOPWORDS } from '../text/stopwords.js';

// Most words between "which"/"what" and the thing it asks for ("which north korean restaurant").
const MAX_PHRASE = 4;

/**
 * The thing a "which …" or "what …" question asks to be named: the last noun (as `isNoun` reads
 * it) of the run that follows "which"/"what" up to the first function word ("which north korean
 * *restaurant* in paris…", "what french *diplomat* was…", "which *restaurants* opened"). A corpus that never
 * mentions such a thing cannot name one, however well the rest of the question matches.
 * Undefined when the question asks for no thing ("what did…", "what happened…").
 */
export function askedThing(core: string, isNoun: (word: string) => boolean): string | undefined {
  const words = core.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];
  const at = words.findIndex((w) => w === 'which' || w === 'what');
  if (at < 0) return undefined;
  const run: string[] = [];
  for (const word of words.slice(at + 1)) {
    if (STOPWORDS.has(word) || run.length === MAX_PHRASE) break;
    run.push(word);
  }
  // A verb may follow the thing with no auxiliary ("which restaurants opened"): the last noun is it.
  return [...run].reverse().find((w) => isNoun(w));
}
