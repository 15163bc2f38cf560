import { join } from 'node:path';
import { type Chunk, chunkDocument, embeddingText } from '../chunking/chunkDocument.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Embedder } from '../embedding/Embedder.js';
import { EmbeddingCache } from '../embedding/EmbeddingCache.js';
import { DEFAULT_HNSW, HnswIndex, type HnswParams } from './HnswIndex.js';
import { SCHEMA_VERSION } from './IndexManifest.js';
import type { IndexData, IndexStore } from './IndexStore.js';
import { LexicalIndex } from './LexicalIndex.js';

export interface BuildOptions {
  readonly corpusDir: string;
  readonly store: IndexStore;
  readonly embedder: Embedder;
  /** Model name recorded in the manifest (null for the offline embedder). */
  readonly model: string | null;
  readonly hnsw?: HnswParams;
  /** Texts per `embed` call. Default 64. */
  readonly batchSize?: number;
  /** Called after every embedded batch with chunks done so far and the total to embed. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a build did; printed by `npm run build:index`. */
export interface BuildSummary {
  readonly documents: number;
  readonly chunks: number;
  /** Chunks embedded by this build. */
  readonly embedded: number;
  /** Chunks whose embedding came from the cache. */
  readonly reused: number;
  readonly embedderId: string;
  /** Files skipped, one line each naming the file. */
  readonly problems: readonly string[];
  /** Wall-clock seconds per stage and in all. */
  readonly seconds: { readonly parse: number; readonly embed: number; readonly index: number; readonly total: number };
}

/**
 * Parses the corpus, chunks it, embeds what the cache does not hold, builds both indexes and
 * writes them as the current build (atomically; the old build stays current until then).
 */
export async function buildIndex(options: BuildOptions): Promise<{ data: IndexData; summary: BuildSummary }> {
  const clock = stopwatch();
  const corpus = loadCorpus(options.corpusDir);
  const chunks: Chunk[] = [];
  const texts: string[] = [];
  const embedTexts: string[] = [];
  for (const doc of corpus.documents) {
    for (const chunk of chunkDocument(doc)) {
      chunks.push(chunk);
      texts.push(doc.text.slice(chunk.start, chunk.end));
      embedTexts.push(embeddingText(chunk, doc.text));
    }
  }
  const parse = clock.lap();

  const { embedder } = options;
  const cache = EmbeddingCache.open(join(options.store.dataDir, 'cache'), embedder.id, embedder.dimension);
  const vectors: (Float32Array | undefined)[] = embedTexts.map((t) => cache.get(t));
  const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
  const batchSize = options.batchSize ?? 64;
  for (let at = 0; at < missing.length; at += batchSize) {
    const batch = missing.slice(at, at + batchSize);
    const embedded = await embedder.embed(batch.map((i) => embedTexts[i]!));
    batch.forEach((i, k) => {
      vectors[i] = embedded[k]!;
      cache.set(embedTexts[i]!, embedded[k]!);
    });
    options.onProgress?.(Math.min(at + batchSize, missing.length), missing.length);
  }
  const embed = clock.lap();

  const hnsw = options.hnsw ?? DEFAULT_HNSW;
  const data: IndexData = {
    manifest: {
      schemaVersion: SCHEMA_VERSION,
      embedderId: embedder.id,
      model: options.model,
      dimension: embedder.dimension,
      corpusHash: corpus.contentHash,
      builtAt: new Date().toISOString(),
      documentCount: corpus.documents.length,
      chunkCount: chunks.length,
      hnsw,
      files: {},
      problems: corpus.problems,
    },
    documents: new Map(corpus.documents.map((d) => [d.id, d])),
    chunks,
    vectors: HnswIndex.build(vectors as Float32Array[], embedder.dimension, hnsw),
    lexical: LexicalIndex.build(chunks, texts),
  };
  options.store.write(data);
  cache.save(embedTexts);
  const index = clock.lap();
  return {
    data,
    summary: {
      documents: corpus.documents.length,
      chunks: chunks.length,
      embedded: missing.length,
      reused: chunks.length - missing.length,
      embedderId: embedder.id,
      problems: corpus.problems,
      seconds: { parse, embed, index, total: parse + embed + index },
    },
  };
}

function stopwatch(): { lap: () => number } {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
  };
}
