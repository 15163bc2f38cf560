import type { PartOfSpeech } from './PartOfSpeech.js';

const POS_OF_CHAR: Readonly<Record<string, PartOfSpeech>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** A pointer from a synset (or one of its words) to another synset (or one of its words). */
export interface Pointer {
  /** WordNet's pointer symbol: `@` hypernym, `+` derived form, `\` pertainym, … */
  readonly symbol: string;
  readonly offset: number;
  readonly pos: PartOfSpeech;
  /** 1-based word numbers for lexical pointers; 0 for semantic pointers (whole synset). */
  readonly source: number;
  readonly target: number;
}

export interface Synset {
  /** Lemmas in index form: lowercase, `_` between words, adjective markers like "(p)" removed. */
  readonly words: readonly string[];
  /** An adjective satellite ("huge"), whose one `&` pointer leads to its head ("large"). */
  readonly satellite: boolean;
  readonly pointers: readonly Pointer[];
}

/** Parses one line of a WordNet `data.<pos>` file; the gloss after ` | ` is ignored. */
export function parseSynset(line: string): Synset {
  const bar = line.indexOf(' | ');
  const t = (bar < 0 ? line : line.slice(0, bar)).split(' ');
  const at = (i: number): string => t[i] ?? '';
  const wordCount = parseInt(at(3), 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++)
    words.push(
      at(4 + 2 * i)
        .toLowerCase()
        .replace(/\((a|p|ip)\)$/, ''),
    );
  const pointers: Pointer[] = [];
  let i = 4 + 2 * wordCount;
  const pointerCount = Number(at(i++));
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const targetPos = POS_OF_CHAR[at(i + 2)];
    const st = at(i + 3);
    if (targetPos === undefined) continue;
    pointers.push({
      symbol: at(i),
      offset: Number(at(i + 1)),
      pos: targetPos,
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { words, satellite: at(2) === 's', pointers };
}
