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
  /** WordNet's lexicographer file number (part of a sense key). */
  readonly lexFile: number;
  /** Each word's lexical id within its lexicographer file (part of a sense key), in `words` order. */
  readonly lexIds: readonly number[];
  /** The definition: the gloss up to its first example or second clause (`;`), trimmed. */
  readonly definition: string;
}

/** Parses one line of a WordNet `data.<pos>` file; of the gloss after ` | `, only the definition is kept. */
export function parseSynset(line: string): Synset {
  const bar = line.indexOf(' | ');
  const t = (bar < 0 ? line : line.slice(0, bar)).split(' ');
  const at = (i: number): string => t[i] ?? '';
  const wordCount = parseInt(at(3), 16);
  const words: string[] = [];
  const lexIds: number[] = [];
  for (let i = 0; i < wordCount; i++) lexIds.push(parseInt(at(5 + 2 * i), 16));
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
  const gloss = bar < 0 ? '' : line.slice(bar + 3);
  const definition = gloss.split(/;|"/)[0]!.trim();
  return { words, satellite: at(2) === 's', pointers, definition, lexFile: Number(at(1)), lexIds };
}
