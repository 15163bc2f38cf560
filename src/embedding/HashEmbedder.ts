import { tokenize } from '../text/tokenize.js';
import type { Embedder } from './Embedder.js';

/**
 * Offline lexical embedder: feature-hashed, sublinear-TF weighted word stems, stem bigrams and
 * character n-grams, L2-normalised. Needs no download and is deterministic, so it serves
 * tests, CI and machines without the model. Character n-grams give partial credit to related
 * word forms the stemmer leaves apart ("recognise" / "recognition").
 */
export class HashEmbedder implements Embedder {
  readonly id: string;

  constructor(readonly dimension = 512) {
    this.id = `hash-v1-${dimension}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  /** Synchronous form of `embed` for one text. */
  embedOne(text: string): Float32Array {
    const counts = new Map<string, number>();
    const add = (feature: string, weight: number): void => {
      counts.set(feature, (counts.get(feature) ?? 0) + weight);
    };
    const content = tokenize(text).filter((t) => !t.stop);
    content.forEach((t, i) => {
      add(`w:${t.stem}`, 1);
      const next = content[i + 1];
      if (next) add(`b:${t.stem} ${next.stem}`, 0.5);
      const padded = `<${t.word}>`;
      for (let n = 3; n <= 4; n++) {
        for (let k = 0; k + n <= padded.length; k++) add(`c:${padded.slice(k, k + n)}`, 0.15);
      }
    });
    const vector = new Float32Array(this.dimension);
    for (const [feature, weight] of counts) {
      const h = fnv1a(feature);
      const sign = h & 0x80000000 ? -1 : 1;
      vector[h % this.dimension]! += sign * (1 + Math.log(weight > 1 ? weight : 1)) * Math.min(weight, 1);
    }
    return normalize(vector);
  }
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
