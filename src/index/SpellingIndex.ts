import { editDistance } from '../text/editDistance.js';

/** A corpus word close to a misspelt one. */
export interface Correction {
  readonly word: string;
  /** Edits (insert, delete, substitute, swap two neighbours) from the asked word: 1 or 2. */
  readonly distance: number;
}

// Edits allowed by word length: none below 4 letters (too many neighbours), 1 up to 7, 2 from 8.
const MIN_LENGTH = 4;
const TWO_EDITS_FROM = 8;
// Deletes are generated from this many leading characters only (SymSpell's prefix trick): an edit
// beyond the prefix leaves it unchanged, so candidates are still found, and the table stays small.
const PREFIX = 7;
// Word ids take the low 21 bits of a packed entry (see `build`).
const ID_SPACE = 2 ** 21;

/** Edits allowed for a word of `length` letters: 0, 1 or 2. */
export function maxEdits(length: number): number {
  return length < MIN_LENGTH ? 0 : length < TWO_EDITS_FROM ? 1 : 2;
}

/**
 * Finds corpus words within a small edit distance of a word the corpus does not use
 * ("mitterand" → "mitterrand", "pyonyang" → "pyongyang"), SymSpell style: every word's deletes
 * (of its first seven letters, up to the edits its length allows) are hashed into one sorted
 * typed array, so a lookup is a few dozen binary searches plus a distance check on the few
 * candidates, and the table for 150,000 words takes a few megabytes.
 */
export class SpellingIndex {
  private constructor(
    private readonly words: readonly string[],
    /** Hashes of deletes, ascending; `ids[i]` is the word `keys[i]` came from. */
    private readonly keys: Uint32Array,
    private readonly ids: Uint32Array,
    /** How common each word is (higher wins among equally close candidates). */
    private readonly frequency: (word: string) => number,
  ) {}

  /**
   * Indexes `words` (distinct, normalised: lower case, no diacritics); a word's id is its
   * position in the array, which {@link fromArrays} must be given again.
   */
  static build(words: readonly string[], frequency: (word: string) => number): SpellingIndex {
    const list = words;
    // Each entry packs (hash, word id) into one float: hash × 2^21 + id stays below 2^53, so a
    // plain numeric sort of a Float64Array orders by hash without a comparator.
    if (list.length >= ID_SPACE) throw new Error(`spelling: ${list.length} words exceed the ${ID_SPACE} the index packs`);
    let packed = new Float64Array(list.length * 8);
    let n = 0;
    list.forEach((word, id) => {
      if (word.length < MIN_LENGTH - 1) return;
      for (const d of deletes(word, maxEdits(word.length))) {
        if (n === packed.length) {
          const grown = new Float64Array(packed.length * 2);
          grown.set(packed);
          packed = grown;
        }
        packed[n++] = hash(d) * ID_SPACE + id;
      }
    });
    const sorted = packed.subarray(0, n).sort();
    const keys = new Uint32Array(n);
    const ids = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const v = sorted[i]!;
      keys[i] = Math.floor(v / ID_SPACE);
      ids[i] = v % ID_SPACE;
    }
    return new SpellingIndex(list, keys, ids, frequency);
  }

  /** An index saved with {@link toArrays}, over the same `words` in the same order. */
  static fromArrays(words: readonly string[], arrays: { keys: Uint32Array; ids: Uint32Array }, frequency: (word: string) => number): SpellingIndex {
    return new SpellingIndex(words, arrays.keys, arrays.ids, frequency);
  }

  /** The table, to save beside the word list. */
  toArrays(): { keys: Uint32Array; ids: Uint32Array } {
    return { keys: this.keys, ids: this.ids };
  }

  /** Number of (delete, word) entries: the table's size. */
  get entries(): number {
    return this.keys.length;
  }

  /**
   * The closest corpus word to `word` within the edits its length allows, the more frequent on
   * ties (then alphabetical, so the answer is stable); undefined when none is close enough or
   * `word` itself is indexed.
   */
  correct(word: string): Correction | undefined {
    const { indexed, found } = this.lookup(word);
    return indexed ? undefined : found[0];
  }

  /**
   * Every other indexed word within the edits `word`'s length allows, closest first, then the
   * more frequent, then alphabetical (also when `word` itself is indexed).
   */
  candidates(word: string): Correction[] {
    return this.lookup(word).found;
  }

  private lookup(word: string): { indexed: boolean; found: Correction[] } {
    const limit = maxEdits(word.length);
    if (limit === 0) return { indexed: false, found: [] };
    let indexed = false;
    const seen = new Set<number>();
    const found: { word: string; distance: number; frequency: number }[] = [];
    for (const d of deletes(word, limit)) {
      const h = hash(d);
      for (let i = lowerBound(this.keys, h); i < this.keys.length && this.keys[i] === h; i++) {
        const id = this.ids[i]!;
        if (seen.has(id)) continue;
        seen.add(id);
        const candidate = this.words[id]!;
        if (candidate === word) {
          indexed = true;
          continue;
        }
        if (Math.abs(candidate.length - word.length) > limit) continue;
        const distance = editDistance(word, candidate, limit);
        if (distance <= limit) found.push({ word: candidate, distance, frequency: this.frequency(candidate) });
      }
    }
    found.sort((x, y) => x.distance - y.distance || y.frequency - x.frequency || (x.word < y.word ? -1 : 1));
    return { indexed, found: found.map(({ word: w, distance }) => ({ word: w, distance })) };
  }
}

/** The word's prefix with up to `edits` letters deleted, each once (the prefix itself included). */
function deletes(word: string, edits: number): Set<string> {
  const found = new Set<string>([word.slice(0, PREFIX)]);
  let frontier = [...found];
  for (let e = 0; e < edits; e++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        if (!found.has(d)) {
          found.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return found;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function lowerBound(a: Uint32Array, value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
