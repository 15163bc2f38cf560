import { answerOptionsFromConfig } from '../answer/AnswerService.js';
import { createTranslators } from '../language/translateQuestion.js';
import { Engine } from '../answer/Engine.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import type { Config } from '../config/config.js';
import { recordBaselines } from '../editing/recordBaselines.js';
import { recoverCorpusChanges } from '../editing/recoverCorpusChanges.js';
import { embedderFromConfig } from '../embedding/createEmbedder.js';
import type { Logger } from '../logging/Logger.js';
import type { CorpusStore } from '../store/CorpusStore.js';
import { SqliteStore } from '../store/SqliteStore.js';

/** The bot's engine and its store, opened together; close the store when the bot stops. */
export interface BotEngine {
  readonly engine: Engine;
  readonly store: CorpusStore;
}

/**
 * Opens the store and the engine for the bot: opens `DATA_DIR/corpus.sqlite` (importing the old
 * JSONL logs once), rolls back any corpus change a crash left pending (so the corpus, the index and
 * the store agree), records a baseline version of each document the store does not hold as it is,
 * picks the embedder, then loads (or first builds) the index, logging progress.
 */
export async function openBotEngine(config: Config, logger: Logger): Promise<BotEngine> {
  const store = await SqliteStore.open({ dataDir: config.DATA_DIR, retentionDays: config.GAPS_RETENTION_DAYS });
  try {
    for (const i of store.imported) logger.info('store: imported', { ...i });
    for (const { change, detail } of await recoverCorpusChanges(config.CORPUS_DIR, config.DATA_DIR, store)) {
      logger.warn('corpus: rolled back a change the bot stopped in the middle of', { change: change.id, action: change.action, doc: change.doc, detail });
    }
    const baselines = await recordBaselines(config.CORPUS_DIR, store);
    if (baselines.length > 0) logger.info('store: recorded baseline versions', { documents: baselines.map((v) => v.doc) });
    const { embedder, model, warning } = await embedderFromConfig(config);
    if (warning) logger.warn(warning);
    const { engine, built } = await Engine.open({
      corpusDir: config.CORPUS_DIR,
      dataDir: config.DATA_DIR,
      embedder,
      model,
      ...answerOptionsFromConfig(config),
      languages: createTranslators({ dictionaryDir: config.DICTIONARY_DIR }),
      limits: documentLimitsFromConfig(config),
      rebuildDamaged: true,
      onBuild: (reason) => logger.info('index: building', { reason }),
    });
    if (built) logger.info('index: built', { chunks: built.chunks, embedded: built.embedded, reused: built.reused, problems: built.problems });
    return { engine, store };
  } catch (err) {
    await store.close();
    throw err;
  }
}
