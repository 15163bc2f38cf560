/**
 * Child process for the "build killed midway" test: runs a real build whose vector file write
 * stops halfway (a few bytes written, then the process hangs) and says so on stdout, so the
 * parent can SIGKILL it in the middle of `IndexStore.write`.
 * Usage: tsx test/support/buildThenHang.ts CORPUS_DIR DATA_DIR
 */
import { writeFileSync, writeSync } from 'node:fs';
import { HashEmbedder } from '../../src/embedding/HashEmbedder.js';
import { buildIndex } from '../../src/index/buildIndex.js';
import { HnswIndex } from '../../src/index/HnswIndex.js';
import { IndexStore } from '../../src/index/IndexStore.js';

const [corpusDir, dataDir] = process.argv.slice(2);
HnswIndex.prototype.write = function hangMidWrite(path: string): void {
  writeFileSync(path, 'half a vector file');
  writeSync(1, 'writing\n');
  // Block synchronously, as a slow disk write would, until the parent kills us.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
};
await buildIndex({ corpusDir: corpusDir!, store: new IndexStore(dataDir!), embedder: new HashEmbedder(), embeddingModel: null });
