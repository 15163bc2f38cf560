import { join } from 'node:path';
import { type Chunk, chunkDocument, embeddingText } from '../chunking/chunkDocument.js';
import type { Embedder } from '../embedding/Embedder.js';
import { EmbeddingCache } from '../embedding/EmbeddingCache.js';
import { hashCorpusFiles, loadCorpusFiles } from '../corpus/loadCorpus.js';
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
  /** True when the previous build was extended with new documents instead of rebuilt. */
  readonly incremental: boolean;
  /**
   * Wall-clock seconds per stage and in all; `index` is `hnsw` + `lexical` + `write` (the
   * graph, BM25, and writing the build and the embedding cache).
   */
  readonly seconds: {
    readonly parse: number;
    readonly embed: number;
    readonly index: number;
    readonly hnsw: number;
    readonly lexical: number;
    readonly write: number;
    readonly total: number;
  };
}

/**
 * Parses the corpus, chunks it, embeds what the cache does not hold, builds both indexes and
 * writes them as the current build (atomically; the old build stays current until then).
 * When the only change since the current build is new files, that build is loaded and
 * extended instead: only the new documents are parsed, embedded and indexed.
 */
export async function buildIndex(options: BuildOptions): Promise<{ data: IndexData; summary: BuildSummary }> {
  const clock = stopwatch();
  const { embedder } = options;
  const hnsw = options.hnsw ?? DEFAULT_HNSW;
  const { files: sources, contentHash } = hashCorpusFiles(options.corpusDir);
  const base = reusableBuild(options.store, sources, { embedderId: embedder.id, dimension: embedder.dimension, hnsw });
  const names = Object.keys(sources);
  const corpus = loadCorpusFiles(options.corpusDir, base ? names.filter((name) => !(name in base.sources)) : names);
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

  const cacheDir = join(options.store.dataDir, 'cache');
  // Extending a build embeds new documents only: reading the whole cache would cost more.
  const cache = base ? EmbeddingCache.forAppend(cacheDir, embedder.id, embedder.dimension) : EmbeddingCache.open(cacheDir, embedder.id, embedder.dimension);
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

  let vectorIndex: HnswIndex;
  if (base) {
    vectorIndex = base.data.vectors;
    vectorIndex.add(vectors as Float32Array[]);
  } else {
    vectorIndex = HnswIndex.build(vectors as Float32Array[], embedder.dimension, hnsw);
  }
  const hnswSeconds = clock.lap();
  let lexical: LexicalIndex;
  if (base) {
    lexical = base.data.lexical;
    lexical.add(chunks, texts);
  } else {
    lexical = LexicalIndex.build(chunks, texts);
  }
  const lexicalSeconds = clock.lap();

  const documents = new Map(base?.data.documents ?? []);
  for (const d of corpus.documents) documents.set(d.id, d);
  const allChunks = base ? [...base.data.chunks, ...chunks] : chunks;
  const problems = [...(base?.data.manifest.problems ?? []), ...corpus.problems];
  const data: IndexData = {
    manifest: {
      schemaVersion: SCHEMA_VERSION,
      embedderId: embedder.id,
      model: options.model,
      dimension: embedder.dimension,
      corpusHash: contentHash,
      builtAt: new Date().toISOString(),
      documentCount: documents.size,
      chunkCount: allChunks.length,
      hnsw,
      files: {},
      problems,
      sources,
    },
    documents,
    chunks: allChunks,
    vectors: vectorIndex,
    lexical,
  };
  options.store.write(data);
  // A full build keeps exactly its own entries; an extended one adds the new ones.
  if (base) cache.append(embedTexts);
  else cache.save(embedTexts);
  const write = clock.lap();
  const index = hnswSeconds + lexicalSeconds + write;
  return {
    data,
    summary: {
      documents: documents.size,
      chunks: allChunks.length,
      embedded: missing.length,
      reused: allChunks.length - missing.length,
      embedderId: embedder.id,
      problems,
      incremental: base !== undefined,
      seconds: { parse, embed, index, hnsw: hnswSeconds, lexical: lexicalSeconds, write, total: parse + embed + index },
    },
  };
}

/**
 * The current build when it can be extended: same schema, embedder and HNSW parameters, and
 * every file it was built from is still there unchanged (so the change is new files only).
 */
function reusableBuild(
  store: IndexStore,
  sources: Readonly<Record<string, string>>,
  expected: { embedderId: string; dimension: number; hnsw: HnswParams },
): { data: IndexData; sources: Readonly<Record<string, string>> } | undefined {
  const manifest = store.readManifest();
  const before = manifest?.sources;
  if (!manifest || !before || manifest.schemaVersion !== SCHEMA_VERSION || manifest.embedderId !== expected.embedderId) return undefined;
  if (JSON.stringify(manifest.hnsw) !== JSON.stringify(expected.hnsw)) return undefined;
  const names = Object.keys(before);
  if (names.length >= Object.keys(sources).length || names.some((n) => sources[n] !== before[n])) return undefined;
  try {
    return { data: store.read(expected), sources: before };
  } catch {
    return undefined; // a damaged build is simply rebuilt
  }
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
