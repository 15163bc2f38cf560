import { answerOptionsFromConfig } from '../answer/AnswerService.js';
import { Engine } from '../answer/Engine.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import type { Config } from '../config/config.js';
import { embedderFromConfig } from '../embedding/createEmbedder.js';
import type { Logger } from '../logging/Logger.js';

/** Opens the engine for the bot: picks the embedder, then loads (or first builds) the index, logging progress. */
export async function openBotEngine(config: Config, logger: Logger): Promise<Engine> {
  const { embedder, model, warning } = await embedderFromConfig(config);
  if (warning) logger.warn(warning);
  const { engine, built } = await Engine.open({
    corpusDir: config.CORPUS_DIR,
    dataDir: config.DATA_DIR,
    embedder,
    model,
    ...answerOptionsFromConfig(config),
    limits: documentLimitsFromConfig(config),
    rebuildDamaged: true,
    onBuild: (reason) => logger.info('index: building', { reason }),
  });
  if (built) logger.info('index: built', { chunks: built.chunks, embedded: built.embedded, reused: built.reused, problems: built.problems });
  return engine;
}
