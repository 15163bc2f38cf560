import { describe, expect, it } from 'vitest';
import { HashEmbedder, normalize } from '../../src/embedding/HashEmbedder.js';

function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
}

const TEXTS = [
  'France does not recognise North Korea.',
  'France has not granted diplomatic recognition to North Korea.',
  'Bake the baguette at a high temperature until golden.',
  'A dog!',
];

describe('HashEmbedder', () => {
  const embedder = new HashEmbedder();

  it('has a stable id naming its dimension', () => {
    expect(embedder.dimension).toBe(512);
    expect(embedder.id).toBe('hash-v1-512');
    expect(new HashEmbedder(64).id).toBe('hash-v1-64');
  });

  it('is deterministic: same text, same vector, across instances and batches', async () => {
    const a = await embedder.embed(TEXTS);
    const b = await new HashEmbedder().embed([...TEXTS].reverse());
    expect(a).toHaveLength(TEXTS.length);
    a.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(b[TEXTS.length - 1 - i]!)));
    expect(Array.from(embedder.embedOne(TEXTS[0]!))).toEqual(Array.from(a[0]!));
  });

  it('returns unit vectors of the configured dimension', async () => {
    for (const dimension of [512, 64]) {
      for (const v of await new HashEmbedder(dimension).embed(TEXTS)) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(dimension);
        expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
      }
    }
  });

  it('embeds a text without content words as the zero vector, not NaN', () => {
    const v = embedder.embedOne('the of and');
    expect(v.every((x) => x === 0)).toBe(true);
    expect(Array.from(normalize(new Float32Array([3, 4])))).toEqual([0.6000000238418579, 0.800000011920929]);
  });

  it('puts related texts closer than unrelated ones', async () => {
    const [a, b, c] = await embedder.embed(TEXTS.slice(0, 3));
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.2);
    // Word forms the stemmer leaves apart still share character n-grams.
    const [recognise, recognition, baguette] = await embedder.embed(['recognise', 'recognition', 'baguette']);
    expect(dot(recognise!, recognition!)).toBeGreaterThan(dot(recognise!, baguette!));
  });
});
