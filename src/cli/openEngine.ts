import type { Config } from '../config/config.js';
import { answerOptionsFromConfig } from '../answer/AnswerService.js';
import { createTranslators } from '../language/translateQuestion.js';
import { Engine } from '../answer/Engine.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import type { BuildSummary } from '../index/buildIndex.js';
import { embedderFromConfig } from '../embedding/createEmbedder.js';
import { progressBar } from './progressBar.js';

/**
 * Opens the engine for a command-line tool: picks the embedder (its fallback warning goes to
 * stderr), then loads the index, building it first if it is missing or stale, with progress
 * on stderr so stdout stays clean for answers and JSON. Corpus files the build skipped are
 * named on stderr, one warning line each.
 */
export async function openEngine(config: Config): Promise<{ engine: Engine; built?: BuildSummary }> {
  const { embedder, model, warning } = await embedderFromConfig(config);
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  const opened = await Engine.open({
    corpusDir: config.CORPUS_DIR,
    dataDir: config.DATA_DIR,
    embedder,
    model,
    ...answerOptionsFromConfig(config),
    languages: createTranslators({ dictionaryDir: config.DICTIONARY_DIR }),
    limits: documentLimitsFromConfig(config),
    onBuild: (reason) => process.stderr.write(`index: building (${reason})…\n`),
    onProgress: progressBar('embedding'),
  });
  // Files skipped at build time are named on every run, so a bad corpus file is never silent.
  for (const problem of opened.engine.service.manifest.problems) process.stderr.write(`warning: ${problem}\n`);
  return opened;
}
