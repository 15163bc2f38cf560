import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { LiveIndex } from '../answer/LiveIndex.js';
import { RecentAnswers } from '../bot/RecentAnswers.js';
import type { BotContext } from '../bot/BotContext.js';
import { importWikipedia } from '../wikipedia/importWikipedia.js';
import { createInteractionHandler } from '../bot/InteractionRouter.js';
import { PendingPreviews } from '../bot/PendingPreviews.js';
import { RateLimiter } from '../bot/RateLimiter.js';
import { CorpusEditor } from '../editing/CorpusEditor.js';
import type { AnswerStateStore } from '../store/AnswerStateStore.js';
import type { CorpusStore } from '../store/CorpusStore.js';
import type { Config } from '../config/config.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import type { Logger } from '../logging/Logger.js';

export interface AppOptions {
  readonly config: Config;
  readonly liveIndex: LiveIndex;
  /**
   * Opened once with the index (`openBotIndex`); the app prunes it daily and closes it on stop.
   * It also keeps the answers' states, so the buttons under them work after a restart.
   */
  readonly store: CorpusStore & AnswerStateStore;
  readonly logger: Logger;
}

/** How often records past `GAPS_RETENTION_DAYS` are deleted while the bot runs (also once at start). */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

export interface App {
  readonly client: Client;
  /** Logs in and resolves once the gateway session is ready. */
  start(): Promise<void>;
  /** Closes the gateway connection, then the store; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The composition root: builds the bot's parts from config and wires them to one discord.js
 * client. The client asks for the Guilds intent only (no privileged intents): interactions
 * carry everything the commands read, including a "Find sources" target message's text.
 */
export function createApp({ config, liveIndex, store, logger }: AppOptions): App {
  const ctx: BotContext = {
    liveIndex,
    logger,
    askLimiter: new RateLimiter(config.ASK_RATE_LIMIT, config.ASK_RATE_WINDOW_SECONDS * 1000),
    recentAnswers: new RecentAnswers(store, config.ANSWER_STATE_DAYS),
    store,
    corpus: new CorpusEditor(config.CORPUS_DIR, liveIndex, store, documentLimitsFromConfig(config)),
    previews: new PendingPreviews(),
    titleOf: (docId) => liveIndex.answerer.listDocuments().find((d) => d.id === docId)?.title,
    corpusGuildIds: config.CORPUS_GUILD_IDS,
    importArticle: (url) => importWikipedia(url, config.WIKIPEDIA_API_URL ? { apiUrl: config.WIKIPEDIA_API_URL } : {}),
    moderatorRoleId: config.MODERATOR_ROLE_ID,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    passagesPerPage: config.ANSWER_PASSAGES,
  };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  const handle = createInteractionHandler(ctx);
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { detail: message }));

  const prune = () =>
    store.prune(new Date()).then(
      (pruned) => logger.info('store: pruned records past GAPS_RETENTION_DAYS', { ...pruned }),
      (error: unknown) => logger.error('store: could not prune', { error }),
    );
  let pruning: NodeJS.Timeout | undefined;
  let stopped = false;
  return {
    client,
    async start() {
      const token = config.DISCORD_TOKEN;
      if (!token) throw new Error('app: DISCORD_TOKEN is not set');
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await prune();
      pruning = setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
      await client.login(token);
      await ready;
      logger.info('bot ready', { user: client.user?.tag, documents: liveIndex.answerer.listDocuments().length });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(pruning);
      await client.destroy();
      await store.close();
      logger.info('bot stopped');
    },
  };
}
