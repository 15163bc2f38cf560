import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { buildInChild } from '../../src/index/buildInChild.js';
import { IndexStore } from '../../src/index/IndexStore.js';

const tmp = mkdtempSync(join(tmpdir(), 'build-child-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const corpusDir = join(tmp, 'corpus');
cpSync(new URL('../../corpus', import.meta.url).pathname, corpusDir, { recursive: true });
const failing = new URL('../support/failingEmbedders.ts', import.meta.url).href;

describe('buildInChild', () => {
  it('builds in a child process, reporting progress, and the build is there to load', async () => {
    const dataDir = join(tmp, 'data');
    const progress: number[] = [];
    const summary = await buildInChild({ corpusDir, dataDir, embedder: new HashEmbedder().recipe, embeddingModel: null }, (done) => progress.push(done));
    expect(summary).toMatchObject({ documents: 1, chunks: 12, embedded: 12, incremental: false });
    expect(progress.at(-1)).toBe(12);
    expect((await new IndexStore(dataDir).read({ embedderId: 'hash-v1-512', dimension: 512 })).chunks).toHaveLength(12);
  });

  it("rejects with the build's own error, code and message kept", async () => {
    const dataDir = join(tmp, 'refused');
    await expect(buildInChild({ corpusDir, dataDir, embedder: { module: failing, factory: 'refuseToLoad' }, embeddingModel: null })).rejects.toThrow(
      'embedder_unavailable: embedding: could not load model "test/none"; put its files in models/test/none/',
    );
  });

  it('rejects with build_failed when the process dies, writing nothing', async () => {
    const dataDir = join(tmp, 'killed');
    await expect(buildInChild({ corpusDir, dataDir, embedder: { module: failing, factory: 'dieWhileLoading' }, embeddingModel: null })).rejects.toThrow(
      'build_failed: index: the build process exited (SIGKILL) before finishing; the index in use is unchanged',
    );
    expect(existsSync(join(dataDir, 'CURRENT'))).toBe(false);
  });
});
