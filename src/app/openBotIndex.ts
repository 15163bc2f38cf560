import type { LiveIndex } from '../answer/LiveIndex.js';
import { ChangeJournal } from '../bot/ChangeJournal.js';
import { recoverCorpusChanges } from '../bot/recoverCorpusChanges.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/Logger.js';
import { openLiveIndex } from './openLiveIndex.js';

/**
 * Opens the index for the bot: rolls back any corpus change a crash left pending (so the corpus,
 * the index and the audit log agree), then `openLiveIndex` with everything logged and a damaged
 * index rebuilt.
 */
export async function openBotIndex(config: Config, logger: Logger): Promise<LiveIndex> {
  for (const { record, detail } of await recoverCorpusChanges(config.CORPUS_DIR, new ChangeJournal(config.DATA_DIR))) {
    logger.warn('corpus: rolled back a change the bot stopped in the middle of', { change: record.change, action: record.action, doc: record.doc, detail });
  }
  const { liveIndex, built } = await openLiveIndex(config, {
    warn: (message) => logger.warn(message),
    onBuild: (reason) => logger.info('index: building', { reason }),
    rebuildDamaged: true,
    nameSkippedFiles: false,
  });
  if (built) logger.info('index: built', { chunks: built.chunks, embedded: built.embedded, reused: built.reused, problems: built.problems });
  return liveIndex;
}
