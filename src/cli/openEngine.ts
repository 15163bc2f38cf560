import type { Config } from '../config/config.js';
import { Engine } from '../answer/Engine.js';
import type { BuildSummary } from '../index/buildIndex.js';
import { createEmbedder } from '../embedding/createEmbedder.js';
import { progressBar } from './progressBar.js';

/**
 * Opens the engine for a command-line tool: picks the embedder (its fallback warning goes to
 * stderr), then loads the index, building it first if it is missing or stale, with progress
 * on stderr so stdout stays clean for answers and JSON.
 */
export async function openEngine(config: Config): Promise<{ engine: Engine; built?: BuildSummary }> {
  const { embedder, model, warning } = await createEmbedder({
    kind: config.EMBEDDER,
    model: config.EMBEDDING_MODEL,
    cacheDir: config.MODEL_CACHE_DIR,
    offline: config.MODEL_OFFLINE,
  });
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  return Engine.open({
    corpusDir: config.CORPUS_DIR,
    dataDir: config.DATA_DIR,
    embedder,
    model,
    minRelevance: config.MIN_RELEVANCE,
    passages: config.ANSWER_PASSAGES,
    onBuild: (reason) => process.stderr.write(`index: building (${reason})…\n`),
    onProgress: progressBar('embedding'),
  });
}
