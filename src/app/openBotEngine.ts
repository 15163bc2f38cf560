import { answerOptionsFromConfig } from '../answer/AnswerService.js';
import { createTranslators } from '../language/translateQuestion.js';
import { Engine } from '../answer/Engine.js';
import { ChangeJournal } from '../bot/ChangeJournal.js';
import { recoverCorpusChanges } from '../bot/recoverCorpusChanges.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import type { Config } from '../config/config.js';
import { embedderFromConfig } from '../embedding/createEmbedder.js';
import type { Logger } from '../logging/Logger.js';

/**
 * Opens the engine for the bot: rolls back any corpus change a crash left pending (so the corpus,
 * the index and the audit log agree), picks the embedder, then loads (or first builds) the index,
 * logging progress.
 */
export async function openBotEngine(config: Config, logger: Logger): Promise<Engine> {
  for (const { record, detail } of await recoverCorpusChanges(config.CORPUS_DIR, new ChangeJournal(config.DATA_DIR))) {
    logger.warn('corpus: rolled back a change the bot stopped in the middle of', { change: record.change, action: record.action, doc: record.doc, detail });
  }
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
  return engine;
}
