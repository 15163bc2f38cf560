import { join } from 'node:path';
import { type Chunk, checkChunkCount, chunkDocument, embeddingText } from '../chunking/chunkDocument.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../corpus/DocumentLimits.js';
import { hashCorpusFiles, loadCorpusFiles } from '../corpus/loadCorpus.js';
import { documentId } from '../corpus/parseDocument.js';
import type { Document } from '../corpus/types.js';
import type { Embedder } from '../embedding/Embedder.js';
import { EmbeddingCache } from '../embedding/EmbeddingCache.js';
import { isUserError } from '../errors.js';
import { DEFAULT_HNSW, HnswIndex, type HnswParams } from './HnswIndex.js';
import { SCHEMA_VERSION } from './IndexManifest.js';
import type { IndexData, IndexStore } from './IndexStore.js';
import { LexicalIndex } from './LexicalIndex.js';

export interface BuildOptions {
  readonly corpusDir: string;
  readonly store: IndexStore;
  readonly embedder: Embedder;
  /** Model name recorded in the manifest (null for the offline embedder). */
  readonly embeddingModel: string | null;
  readonly hnsw?: HnswParams;
  /** Most one document may hold; a document over them is named in `problems` and skipped. */
  readonly limits?: DocumentLimits;
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
  /** Chunks of removed or replaced documents taken out of the previous build (0 for a full build). */
  readonly removed: number;
  readonly embedderId: string;
  /** Files skipped, one line each naming the file. */
  readonly problems: readonly string[];
  /** True when the previous build was updated (documents added, removed or replaced) instead of rebuilt. */
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
 * Share of the graph's points that may be deleted ones (left by removed documents) before the
 * next change rebuilds the graph instead: they cost memory and make search step over them.
 */
const MAX_DELETED_SHARE = 0.2;

/**
 * Parses the corpus, chunks it, embeds what the cache does not hold, builds both indexes and
 * writes them as the current build (atomically; the old build stays current until then).
 * When the current build can be reused, only the change is done: the chunks of removed and
 * changed files are taken out of it (HNSW points marked deleted, BM25 postings dropped), and
 * new and changed files are parsed, embedded and added.
 */
export async function buildIndex(options: BuildOptions): Promise<{ data: IndexData; summary: BuildSummary }> {
  const clock = stopwatch();
  const { embedder } = options;
  const hnsw = options.hnsw ?? DEFAULT_HNSW;
  const { files: sources, contentHash } = hashCorpusFiles(options.corpusDir);
  const base = await reusableBuild(options.store, sources, { embedderId: embedder.id, dimension: embedder.dimension, hnsw });
  const changed = Object.keys(sources).filter((name) => !base || base.sources[name] !== sources[name]);
  const changedSet = new Set(changed);
  const fresh = chunkCorpus(options.corpusDir, changed, options.limits ?? DEFAULT_DOCUMENT_LIMITS);
  const parse = clock.lap();

  const cacheDir = join(options.store.dataDir, 'cache');
  // Updating a build embeds its new documents only: reading the whole cache would cost more.
  const cache = base ? EmbeddingCache.forAppend(cacheDir, embedder.id, embedder.dimension) : EmbeddingCache.open(cacheDir, embedder.id, embedder.dimension);
  const vectors: (Float32Array | undefined)[] = fresh.embedTexts.map((t) => cache.get(t));
  const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
  const batchSize = options.batchSize ?? 64;
  for (let at = 0; at < missing.length; at += batchSize) {
    const batch = missing.slice(at, at + batchSize);
    const embedded = await embedder.embed(batch.map((i) => fresh.embedTexts[i]!));
    batch.forEach((i, k) => {
      vectors[i] = embedded[k]!;
      cache.set(fresh.embedTexts[i]!, embedded[k]!);
    });
    options.onProgress?.(Math.min(at + batchSize, missing.length), missing.length);
  }
  const embed = clock.lap();

  const kept = base ? removeDocuments(base.data, base.drop) : { documents: new Map<string, Document>(), chunks: [] };
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
    lexical.add(fresh.chunks, fresh.texts);
  } else {
    lexical = LexicalIndex.build(fresh.chunks, fresh.texts);
  }
  const lexicalSeconds = clock.lap();

  const documents = new Map(kept.documents);
  for (const d of fresh.documents) documents.set(d.id, d);
  const allChunks = [...kept.chunks, ...fresh.chunks];
  // Problems of files this build did not read again still stand.
  const unchanged = Object.keys(sources).filter((name) => !changedSet.has(name));
  const problems = [...(base?.data.manifest.problems ?? []).filter((p) => unchanged.some((name) => p.includes(`"${name}"`))), ...fresh.problems];
  const data: IndexData = {
    manifest: {
      schemaVersion: SCHEMA_VERSION,
      embedderId: embedder.id,
      model: options.embeddingModel,
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
  try {
    if (base) cache.append(fresh.embedTexts);
    else cache.save(fresh.embedTexts);
  } catch {
    // The cache only saves embedding time: a failed write (a full disk) leaves it as it was,
    // and the build, already current, stands.
  }
  const write = clock.lap();
  const index = hnswSeconds + lexicalSeconds + write;
  return {
    data,
    summary: {
      documents: documents.size,
      chunks: allChunks.length,
      embedded: missing.length,
      reused: allChunks.length - missing.length,
      removed: base ? base.data.chunks.length - kept.chunks.length : 0,
      embedderId: embedder.id,
      problems,
      incremental: base !== undefined,
      seconds: { parse, embed, index, hnsw: hnswSeconds, lexical: lexicalSeconds, write, total: parse + embed + index },
    },
  };
}

/** The named files parsed and chunked; a file that cannot be read or is over `limits` goes to `problems`. */
function chunkCorpus(dir: string, names: readonly string[], limits: DocumentLimits) {
  const corpus = loadCorpusFiles(dir, names, limits);
  const fileOf = new Map(names.map((n) => [documentId(n), n]));
  const documents: Document[] = [];
  const chunks: Chunk[] = [];
  const texts: string[] = [];
  const embedTexts: string[] = [];
  const problems = [...corpus.problems];
  for (const doc of corpus.documents) {
    const docChunks = chunkDocument(doc);
    try {
      checkChunkCount(fileOf.get(doc.id) ?? doc.id, docChunks, limits);
    } catch (err) {
      if (!isUserError(err)) throw err;
      problems.push(err.message);
      continue;
    }
    documents.push(doc);
    for (const chunk of docChunks) {
      chunks.push(chunk);
      texts.push(doc.text.slice(chunk.start, chunk.end));
      embedTexts.push(embeddingText(chunk, doc.text));
    }
  }
  return { documents, chunks, texts, embedTexts, problems };
}

/** Takes documents out of a loaded build, in place (both indexes renumber their chunks alike). */
function removeDocuments(data: IndexData, ids: ReadonlySet<string>): { documents: Map<string, Document>; chunks: Chunk[] } {
  const labels = data.chunks.flatMap((c, i) => (ids.has(c.docId) ? [i] : []));
  const removed = labels.map((i) => data.chunks[i]!);
  data.vectors.remove(new Set(labels));
  data.lexical.remove(
    labels,
    removed,
    removed.map((c) => data.documents.get(c.docId)!.text.slice(c.start, c.end)),
  );
  const documents = new Map([...data.documents].filter(([id]) => !ids.has(id)));
  return { documents, chunks: data.chunks.filter((c) => !ids.has(c.docId)) };
}

/**
 * The current build when it can be updated instead of rebuilt: same schema, embedder and HNSW
 * parameters, the corpus changed, and the points its removed and changed files leave deleted
 * stay under `MAX_DELETED_SHARE` of the graph. `drop` holds the ids of documents to take out.
 */
async function reusableBuild(
  store: IndexStore,
  sources: Readonly<Record<string, string>>,
  expected: { embedderId: string; dimension: number; hnsw: HnswParams },
): Promise<{ data: IndexData; sources: Readonly<Record<string, string>>; drop: ReadonlySet<string> } | undefined> {
  const manifest = store.readManifest();
  const before = manifest?.sources;
  if (!manifest || !before || manifest.schemaVersion !== SCHEMA_VERSION || manifest.embedderId !== expected.embedderId) return undefined;
  if (JSON.stringify(manifest.hnsw) !== JSON.stringify(expected.hnsw)) return undefined;
  const gone = Object.keys(before).filter((n) => sources[n] !== before[n]);
  if (gone.length === 0 && Object.keys(sources).length === Object.keys(before).length) return undefined;
  let data: IndexData;
  try {
    data = await store.read(expected);
  } catch {
    return undefined; // a damaged build is simply rebuilt
  }
  const drop = new Set(gone.map(documentId));
  const dropped = data.chunks.reduce((n, c) => n + (drop.has(c.docId) ? 1 : 0), 0);
  const points = data.vectors.size + data.vectors.deleted;
  if (data.vectors.deleted + dropped > MAX_DELETED_SHARE * points) return undefined;
  return { data, sources: before, drop };
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
