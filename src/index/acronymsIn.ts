import { STOPWORDS } from '../text/stopwords.js';
import { normalizeWord } from '../text/tokenize.js';

/** An acronym a text defines or implies, and the name it stands for (normalised words). */
export interface AcronymDefinition {
  /** Lower case: `nk`, `eu`, `aafc`. */
  readonly acronym: string;
  /** The name's words, normalised and joined by single spaces: `north korea`. */
  readonly phrase: string;
}

// Small words allowed inside a name ("Republic of Korea", "Cooperation and Cultural Action Office");
// they give no initial.
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'des', 'la', 'le', "people's"]);
const NAME_WORD = /^[\p{Lu}][\p{L}'’]*$/u;
// A name, then an acronym in brackets: "France-Korea Friendship Association (AAFC)".
const DEFINED = /((?:[\p{Lu}][\p{L}'’-]*\s+(?:(?:of|the|and|for|de|du|des|la|le)\s+)*){1,8})\((\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\)/gu;

/**
 * The acronyms a text supports, taken from the text alone: names in brackets after their long
 * form ("… Association (AAFC)" → aafc), and the initials of every capitalised multi-word name
 * ("North Korea" → nk, "European Union" → eu, "Republic of Korea" → rok; hyphenated parts count
 * as words). Nothing comes from a list about any one subject, so a new document brings its own.
 */
export function acronymsIn(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const m of text.matchAll(DEFINED)) {
    const phrase = phraseOf(m[1]!.trim().split(/\s+/));
    if (phrase) found.push({ acronym: m[2]!.replace(/[.&-]/g, '').toLowerCase(), phrase });
  }
  for (const name of capitalisedNames(text)) {
    const phrase = phraseOf(name);
    const words = name.flatMap((w) => w.split('-')).filter((w) => w !== '');
    const initials = (keep: (w: string) => boolean): string =>
      words
        .filter(keep)
        .map((w) => w[0]!.toLowerCase())
        .join('');
    // "Republic of Korea" is ROK and "Democratic People's Republic of Korea" DPRK: with and without "of".
    const acronyms = new Set([
      initials((w) => !CONNECTORS.has(w.toLowerCase())),
      initials((w) => w.toLowerCase() === 'of' || !CONNECTORS.has(w.toLowerCase())),
    ]);
    for (const acronym of acronyms) if (phrase && acronym.length >= 2 && acronym.length <= 6) found.push({ acronym, phrase });
  }
  return found;
}

// Runs of two or more capitalised words (connectors allowed inside, not at the ends).
function capitalisedNames(text: string): string[][] {
  const names: string[][] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const tokens = sentence.split(/[\s,;:()"“”]+/).filter((t) => t !== '');
    let run: string[] = [];
    const flush = (): void => {
      // "On December", "The North Korean": a capitalised function word opens the sentence, not the name.
      while (run.length > 0 && STOPWORDS.has(run[0]!.toLowerCase())) run.shift();
      while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.toLowerCase())) run.pop();
      if (run.filter((w) => !CONNECTORS.has(w.toLowerCase())).length >= 2) names.push(run);
      run = [];
    };
    tokens.forEach((raw, i) => {
      const t = raw.replace(/[.!?]+$/, '').replace(/['’]s$/, '');
      // A sentence's first word is capitalised anyway: it starts a name only with a capitalised word after it.
      const capital = NAME_WORD.test(t.split('-')[0] ?? '') && !(i === 0 && !NAME_WORD.test(tokens[1] ?? ''));
      if (capital) run.push(t);
      else if (run.length > 0 && CONNECTORS.has(t.toLowerCase())) run.push(t);
      else flush();
      if (raw !== t && /[.!?]$/.test(raw)) flush();
    });
    flush();
  }
  return names;
}

function phraseOf(words: readonly string[]): string | undefined {
  const normal = words
    .flatMap((w) => w.split('-'))
    .map(normalizeWord)
    .filter((w) => w !== '');
  return normal.length >= 2 ? normal.join(' ') : undefined;
}
