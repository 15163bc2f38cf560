import { STOPWORDS } from '../text/stopwords.js';
import { stem, words } from '../text/tokenize.js';
import type { Embedder, EmbedderRecipe } from './Embedder.js';

/**
 * Offline lexical embedder: feature-hashed, sublinear-TF weighted word stems, stem bigrams and
 * character n-grams, L2-normalised. Needs no download and is deterministic, so it serves
 * tests, CI and machines without the model. Character n-grams give partial credit to related
 * word forms the stemmer leaves apart ("recognise" / "recognition").
 */
export class HashEmbedder implements Embedder {
  readonly id: string;

  readonly recipe: EmbedderRecipe;

  constructor(readonly dimension = 512) {
    this.id = `hash-v1-${dimension}`;
    this.recipe = { module: import.meta.url, factory: 'createHashEmbedder', options: dimension };
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  /** Synchronous form of `embed` for one text. */
  embedOne(text: string): Float32Array {
    // Features are keyed by their FNV-1a hash, computed over the feature's characters without
    // building the string ("w:" + stem, "b:" + stem + " " + stem, "c:" + n-gram): the same
    // hashes as hashing the strings, with far fewer allocations.
    const counts = new Map<number, number>();
    const add = (h: number, weight: number): void => {
      counts.set(h, (counts.get(h) ?? 0) + weight);
    };
    const content = this.contentTokens(text);
    content.forEach((t, i) => {
      add(fnvFrom(fnvFrom(FNV_OFFSET, 'w:'), t.stem), 1);
      const next = content[i + 1];
      if (next) add(fnvFrom(fnvFrom(fnvFrom(fnvFrom(FNV_OFFSET, 'b:'), t.stem), ' '), next.stem), 0.5);
      const padded = `<${t.word}>`;
      for (let n = 3; n <= 4; n++) {
        for (let k = 0; k + n <= padded.length; k++) add(fnvRange(C_PREFIX, padded, k, k + n), 0.15);
      }
    });
    const vector = new Float32Array(this.dimension);
    for (const [h, weight] of counts) {
      const sign = h & 0x80000000 ? -1 : 1;
      vector[h % this.dimension]! += sign * (1 + Math.log(weight > 1 ? weight : 1)) * Math.min(weight, 1);
    }
    return normalize(vector);
  }

  // Stemming dominates the cost of a text; words repeat across a corpus, so stems are memoised
  // (bounded, so a long build does not grow it without end).
  private readonly stems = new Map<string, { stem: string; stop: boolean }>();

  private contentTokens(text: string): { word: string; stem: string }[] {
    const out: { word: string; stem: string }[] = [];
    for (const word of words(text)) {
      let entry = this.stems.get(word);
      if (!entry) {
        if (this.stems.size >= 200_000) this.stems.clear();
        entry = { stem: stem(word), stop: STOPWORDS.has(word) }; // as tokenize() does
        this.stems.set(word, entry);
      }
      if (!entry.stop) out.push({ word, stem: entry.stem });
    }
    return out;
  }
}

const FNV_OFFSET = 0x811c9dc5;

/** Continues an FNV-1a hash over the UTF-16 code units of `s`. */
function fnvFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Continues an FNV-1a hash over `s[from, to)`. */
function fnvRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const C_PREFIX = fnvFrom(FNV_OFFSET, 'c:');

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/** The recipe's factory: a `HashEmbedder` of `dimension`. */
export function createHashEmbedder(dimension: number): HashEmbedder {
  return new HashEmbedder(dimension);
}
