import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { createEmbedder } from '../../src/embedding/createEmbedder.js';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { IndexStore } from '../../src/index/IndexStore.js';
import { makeTinyModel, removeModelFolder, TINY_MODEL_DIMENSION } from '../support/makeTinyModel.js';

const tmp = mkdtempSync(join(tmpdir(), 'engine-transformers-'));
afterAll(() => removeModelFolder(tmp));

// The whole engine on the transformers.js path: the generated tiny model stands in for
// all-MiniLM-L6-v2, so build, search and the manifest check run without any download.
describe('LiveIndex with the transformers embedder (tiny offline model)', () => {
  it('builds, answers, records the model in the manifest, and refuses the index under another embedder', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const cacheDir = join(tmp, 'models');
    const model = await makeTinyModel(cacheDir);
    const chosen = await createEmbedder({ kind: 'transformers', model, cacheDir, offline: true });
    expect(chosen.embedder.id).toBe(`transformers:${model}`);
    expect(chosen.embedder.dimension).toBe(TINY_MODEL_DIMENSION);

    const corpusDir = join(tmp, 'corpus');
    const dataDir = join(tmp, 'data');
    cpSync(new URL('../../corpus', import.meta.url).pathname, corpusDir, { recursive: true });
    const options = { corpusDir, dataDir, embedder: chosen.embedder, embeddingModel: model, minRelevance: 0.3, passagesPerAnswer: 3 };
    const { liveIndex, built } = await LiveIndex.open(options);
    expect(built?.embedded).toBe(built?.chunks);

    const answer = await liveIndex.answerer.answer('Does France recognise North Korea?');
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]?.text).toContain('not to recognise North Korea');
    expect(new IndexStore(dataDir).readManifest()).toMatchObject({ embedderId: `transformers:${model}`, model, dimension: TINY_MODEL_DIMENSION });

    await expect(LiveIndex.open({ ...options, embedder: new HashEmbedder(), embeddingModel: null })).rejects.toThrow(
      `index_mismatch: index: built with embedder transformers:${model} (dimension ${TINY_MODEL_DIMENSION}), but hash-v1-512 (dimension 512) is in use; run \`npm run build:index\` to rebuild it`,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('auto falls back to the offline embedder with one warning when the model is missing, without any request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const chosen = await createEmbedder({ kind: 'auto', model: 'nobody/missing-model', cacheDir: join(tmp, 'empty'), offline: true });
    expect(chosen.embedder.id).toBe('hash-v1-512');
    expect(chosen.embeddingModel).toBeNull();
    expect(chosen.warning).toMatch(/^embedding: could not load model "nobody\/missing-model" .*; using the offline embedder hash-v1-512\. To use the model/);
    expect(chosen.warning).not.toContain('\n');
    await expect(createEmbedder({ kind: 'transformers', model: 'nobody/missing-model', cacheDir: join(tmp, 'empty'), offline: true })).rejects.toThrow(
      /^embedder_unavailable: /,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});
