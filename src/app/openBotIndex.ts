import type { LiveIndex } from '../answer/LiveIndex.js';
import type { Config } from '../config/config.js';
import { recordBaselines } from '../editing/recordBaselines.js';
import { recoverCorpusChanges } from '../editing/recoverCorpusChanges.js';
import type { Logger } from '../logging/Logger.js';
import type { AnswerStateStore } from '../store/AnswerStateStore.js';
import type { CorpusStore } from '../store/CorpusStore.js';
import { SqliteStore } from '../store/SqliteStore.js';
import { openLiveIndex } from './openLiveIndex.js';

/** The bot's index and its store, opened together; the app closes the store when it stops. */
export interface BotIndex {
  readonly liveIndex: LiveIndex;
  readonly store: CorpusStore & AnswerStateStore;
}

/**
 * Opens the store and the index for the bot: opens `DATA_DIR/corpus.sqlite` (importing the old
 * JSONL logs once), rolls back any corpus change a crash left pending (so the corpus, the index and
 * the store agree), records a baseline version of each document the store does not hold as it is,
 * then `openLiveIndex` with everything logged and a damaged index rebuilt.
 */
export async function openBotIndex(config: Config, logger: Logger): Promise<BotIndex> {
  const store = await SqliteStore.open({ dataDir: config.DATA_DIR, retentionDays: config.GAPS_RETENTION_DAYS });
  try {
    for (const i of store.imported) logger.info('store: imported', { ...i });
    for (const { change, detail } of await recoverCorpusChanges(config.CORPUS_DIR, config.DATA_DIR, store)) {
      logger.warn('corpus: rolled back a change the bot stopped in the middle of', { change: change.id, action: change.action, doc: change.doc, detail });
    }
    const baselines = await recordBaselines(config.CORPUS_DIR, store);
    if (baselines.length > 0) logger.info('store: recorded baseline versions', { documents: baselines.map((v) => v.doc) });
    const { liveIndex, built } = await openLiveIndex(config, {
      warn: (message) => logger.warn(message),
      onBuild: (reason) => logger.info('index: building', { reason }),
      rebuildDamaged: true,
      nameSkippedFiles: false,
    });
    if (built) logger.info('index: built', { chunks: built.chunks, embedded: built.embedded, reused: built.reused, problems: built.problems });
    return { liveIndex, store };
  } catch (err) {
    await store.close();
    throw err;
  }
}
