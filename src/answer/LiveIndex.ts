import { hashCorpus } from '../corpus/loadCorpus.js';
import type { DocumentLimits } from '../corpus/DocumentLimits.js';
import type { Embedder } from '../embedding/Embedder.js';
import { isUserError } from '../errors.js';
import { type BuildSummary, buildIndex } from '../index/buildIndex.js';
import { buildInChild } from '../index/buildInChild.js';
import type { HnswParams } from '../index/HnswIndex.js';
import { SCHEMA_VERSION } from '../index/IndexManifest.js';
import type { IndexData } from '../index/IndexStore.js';
import { IndexStore } from '../index/IndexStore.js';
import type { Translators } from '../language/translateQuestion.js';
import { Retriever } from '../retrieval/Retriever.js';
import { WordNet } from '../retrieval/WordNet.js';
import { type AnswerOptions, Answerer } from './Answerer.js';

export interface LiveIndexOptions extends AnswerOptions {
  readonly corpusDir: string;
  readonly dataDir: string;
  readonly embedder: Embedder;
  readonly embeddingModel: string | null;
  readonly hnsw?: HnswParams;
  /** Most one document may hold (MAX_DOC_*, MAX_LINE_CHARS); larger ones are left out of builds. */
  readonly limits?: DocumentLimits;
  /** Progress of embedding during a build (chunks done, chunks to embed). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Rebuild a damaged index (a file that fails its checksum or cannot be read) instead of
   * refusing it: the index is derived from the corpus, so the bot repairs it unasked; the
   * command line refuses and says to run `npm run build:index`. Default false.
   */
  readonly rebuildDamaged?: boolean;
  /** Told when a build starts and why. */
  readonly onBuild?: (reason: string) => void;
  /** Translators for questions in other languages (see `createTranslators`); none: English only. */
  readonly languages?: Translators;
}

/**
 * Owns the index's life: loads the current build, builds it when missing or when the corpus
 * changed since, and swaps in a rebuilt index without interrupting readers — `answerer` keeps
 * answering from the old index until the new one is ready. Rebuilds run one at a time, in a
 * child process when the embedder has a recipe (so the event loop keeps answering meanwhile).
 */
export class LiveIndex {
  private current: Answerer;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly wordnet = WordNet.open();

  private constructor(
    private readonly options: LiveIndexOptions,
    private readonly store: IndexStore,
    data: IndexData,
  ) {
    this.current = this.answererFor(data);
  }

  /** Opens the index, building it first when there is none or the corpus changed. */
  static async open(options: LiveIndexOptions): Promise<{ liveIndex: LiveIndex; built?: BuildSummary }> {
    const store = new IndexStore(options.dataDir);
    store.cleanUp();
    const manifest = store.readManifest();
    // A corpus edit or an upgrade of the index format needs a rebuild, which is safe to do
    // unasked; another embedder is refused on load instead (the user chose it, and a rebuild
    // with a model can take long).
    let reason = !manifest
      ? 'no index yet'
      : manifest.schemaVersion !== SCHEMA_VERSION
        ? `the index format changed (schema ${manifest.schemaVersion} → ${SCHEMA_VERSION})`
        : manifest.corpusHash !== hashCorpus(options.corpusDir)
          ? 'the corpus changed since the last build'
          : undefined;
    if (!reason) {
      try {
        return { liveIndex: new LiveIndex(options, store, await load(options, store)) };
      } catch (err) {
        if (!options.rebuildDamaged || !isUserError(err) || err.code !== 'index_corrupt') throw err;
        reason = `the index is damaged: ${err.message}`;
      }
    }
    options.onBuild?.(reason);
    const { data, summary } = await build(options, store);
    return { liveIndex: new LiveIndex(options, store, data), built: summary };
  }

  /** The answerer in use now. Hold it for one request; it may be replaced by a rebuild. */
  get answerer(): Answerer {
    return this.current;
  }

  get embedder(): Embedder {
    return this.options.embedder;
  }

  /** Rebuilds from the corpus folder (only new or changed chunks are embedded) and swaps it in. */
  rebuild(): Promise<BuildSummary> {
    const run = this.queue.then(async () => {
      const { data, summary } = await build(this.options, this.store);
      this.current = this.answererFor(data);
      return summary;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private answererFor(data: IndexData): Answerer {
    const retriever = new Retriever(data, this.options.embedder, this.wordnet, { ...(this.options.languages ? { languages: this.options.languages } : {}) });
    return new Answerer(data, retriever, this.options);
  }
}

/** Builds into the store (in a child process when the embedder has a recipe) and loads the result. */
async function build(options: LiveIndexOptions, store: IndexStore): Promise<{ data: IndexData; summary: BuildSummary }> {
  const { embedder } = options;
  if (!embedder.recipe) return buildIndex({ ...options, store });
  const request = {
    corpusDir: options.corpusDir,
    dataDir: store.dataDir,
    embedder: embedder.recipe,
    embeddingModel: options.embeddingModel,
    hnsw: options.hnsw,
    limits: options.limits,
  };
  const summary = await buildInChild(request, options.onProgress);
  return { data: await load(options, store), summary };
}

function load(options: LiveIndexOptions, store: IndexStore): Promise<IndexData> {
  return store.read({ embedderId: options.embedder.id, dimension: options.embedder.dimension });
}
