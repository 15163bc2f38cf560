import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TransformersEmbedder } from '../../src/embedding/TransformersEmbedder.js';
import { UserError } from '../../src/errors.js';
import { TINY_MODEL_DIMENSION, makeTinyModel, removeModelFolder } from '../support/makeTinyModel.js';

const TEXTS = [
  'The cat sat on the mat.',
  'The dogs ran to the river bank.',
  'Quantum physics is a theory of energy and light.',
  'The king and the queen played in the city.',
  '',
];

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
}

function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
}

describe('TransformersEmbedder with a generated tiny model, offline', () => {
  let cacheDir: string;
  let model: string;
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bot-embedder-'));
    model = await makeTinyModel(cacheDir);
    embedder = await TransformersEmbedder.load({ model, cacheDir, offline: true, batchSize: 2 });
  });

  afterAll(async () => {
    await embedder?.dispose();
    await removeModelFolder(cacheDir);
  });

  it('reports the model id and the dimension from the model', () => {
    expect(embedder.id).toBe('transformers:local/tiny-bert');
    expect(embedder.dimension).toBe(TINY_MODEL_DIMENSION);
  });

  it('returns one unit-length vector of the model dimension per text', async () => {
    const vectors = await embedder.embed(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(TINY_MODEL_DIMENSION);
      expect(Math.abs(norm(vector) - 1)).toBeLessThan(1e-5);
    }
  });

  it('returns no vectors for no texts', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });

  it('is deterministic across calls', async () => {
    expect(await embedder.embed(TEXTS)).toEqual(await embedder.embed(TEXTS));
  });

  it('gives the same vectors in batches (with padding) as one text at a time', async () => {
    const batched = await embedder.embed(TEXTS);
    const single = await Promise.all(TEXTS.map(async (text) => (await embedder.embed([text]))[0]));
    expect(batched).toEqual(single);
  });

  it('gives different texts different vectors', async () => {
    const vectors = await embedder.embed(TEXTS);
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        expect(vectors[i], `texts ${i} and ${j}`).not.toEqual(vectors[j]);
      }
    }
  });

  it('puts texts that share words closer than unrelated ones', async () => {
    const [cat, cats, physics] = await embedder.embed(['the cat sat on the mat', 'the cats sat on a mat', 'quantum physics theory of light']);
    expect(dot(cat!, cats!)).toBeGreaterThan(dot(cat!, physics!));
  });

  it('loads the unquantized file name too', async () => {
    const plain = await TransformersEmbedder.load({ model, cacheDir, offline: true, quantized: false });
    try {
      expect(await plain.embed(TEXTS)).toEqual(await embedder.embed(TEXTS));
    } finally {
      await plain.dispose();
    }
  });
});

describe('TransformersEmbedder with a missing model, offline', () => {
  it('rejects with embedder_unavailable and makes no network request', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bot-embedder-empty-'));
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const loading = TransformersEmbedder.load({ model: 'Xenova/all-MiniLM-L6-v2', cacheDir, offline: true });
      const error = await loading.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('embedder_unavailable');
      const modelDir = path.join(cacheDir, 'Xenova', 'all-MiniLM-L6-v2');
      expect((error as UserError).message).toBe(
        `embedder_unavailable: embedding: could not load model "Xenova/all-MiniLM-L6-v2" from ${modelDir} ` +
          '(missing tokenizer.json); put config.json, tokenizer.json, tokenizer_config.json and ' +
          'onnx/model_quantized.onnx there, or load once with offline mode off to download them',
      );
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('rejects a batch size that is not a positive integer', async () => {
    await expect(TransformersEmbedder.load({ model: 'local/tiny-bert', cacheDir: os.tmpdir(), offline: true, batchSize: 0 })).rejects.toThrow(
      'embedding: batchSize must be a positive integer, got 0',
    );
  });
});
