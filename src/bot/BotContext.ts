import type { LiveIndex } from '../answer/LiveIndex.js';
import type { Logger } from '../logging/Logger.js';
import type { RecentAnswers } from './RecentAnswers.js';
import type { CorpusEditor } from './CorpusEditor.js';
import type { JsonlFile } from './JsonlFile.js';
import type { RateLimiter } from './RateLimiter.js';

/** What command handlers need, built once by `createApp` and passed to every handler. */
export interface BotContext {
  /** Take `liveIndex.answerer` per request: a corpus change swaps it. */
  readonly liveIndex: Pick<LiveIndex, 'answerer'>;
  readonly logger: Logger;
  /** Per-user limit shared by /ask and "Find sources". */
  readonly askLimiter: RateLimiter;
  readonly recentAnswers: RecentAnswers;
  /** `DATA_DIR/feedback.jsonl`: 👍 / 👎 with the question and the passages shown. */
  readonly feedback: JsonlFile;
  readonly corpus: CorpusEditor;
  /** Fetches and formats a Wikipedia article as a corpus file (`/corpus add url:`). */
  readonly importArticle: (url: string) => Promise<{ readonly fileName: string; readonly text: string }>;
  /** Servers whose moderators may change the corpus (`CORPUS_GUILD_IDS`); empty: nobody may. */
  readonly corpusGuildIds: readonly string[];
  /** Role that may use /corpus besides members with Manage Server. */
  readonly moderatorRoleId: string | undefined;
  readonly maxUploadBytes: number;
  /** Passages per answer page. */
  readonly passagesPerPage: number;
}
