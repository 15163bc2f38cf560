import { answerOptionsFromConfig } from '../answer/Answerer.js';
import { LiveIndex } from '../answer/LiveIndex.js';
import type { Config } from '../config/config.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import { embedderFromConfig } from '../embedding/createEmbedder.js';
import type { BuildSummary } from '../index/buildIndex.js';
import { createTranslators } from '../language/translateQuestion.js';

/** How the caller is told what opening the index does, and what it may repair. */
export interface OpenLiveIndexOptions {
  /** A warning worth a line: the embedder fell back, or (with `nameSkippedFiles`) a corpus file the build left out. */
  readonly warn: (message: string) => void;
  /** A build starts, and why. */
  readonly onBuild: (reason: string) => void;
  /** Embedding progress during a build (chunks done, chunks to embed). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rebuild a damaged index instead of refusing it (the bot repairs; the command line refuses). */
  readonly rebuildDamaged: boolean;
  /** Warn of every corpus file the current build skipped, on every open, so a bad file is never silent. */
  readonly nameSkippedFiles: boolean;
}

/**
 * The one composition root for the index, shared by the bot and the command line: picks the
 * embedder from config, then opens the index (building it first when it is missing or stale)
 * with the answer options, translators and document limits config sets. Callers differ only by
 * what they pass: where warnings and progress go, and whether a damaged index is rebuilt.
 */
export async function openLiveIndex(config: Config, options: OpenLiveIndexOptions): Promise<{ liveIndex: LiveIndex; built?: BuildSummary }> {
  const { embedder, embeddingModel, warning } = await embedderFromConfig(config);
  if (warning) options.warn(warning);
  const opened = await LiveIndex.open({
    corpusDir: config.CORPUS_DIR,
    dataDir: config.DATA_DIR,
    embedder,
    embeddingModel,
    ...answerOptionsFromConfig(config),
    languages: createTranslators({ dictionaryDir: config.DICTIONARY_DIR }),
    limits: documentLimitsFromConfig(config),
    rebuildDamaged: options.rebuildDamaged,
    onBuild: options.onBuild,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (options.nameSkippedFiles) for (const problem of opened.liveIndex.answerer.manifest.problems) options.warn(problem);
  return opened;
}
