import { join } from 'node:path';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { LiveIndex } from '../answer/LiveIndex.js';
import { RecentAnswers } from '../bot/RecentAnswers.js';
import type { BotContext } from '../bot/BotContext.js';
import { ChangeJournal } from '../bot/ChangeJournal.js';
import { importWikipedia } from '../wikipedia/importWikipedia.js';
import { CorpusEditor } from '../bot/CorpusEditor.js';
import { createInteractionHandler } from '../bot/InteractionRouter.js';
import { JsonlFile } from '../bot/JsonlFile.js';
import { RateLimiter } from '../bot/RateLimiter.js';
import type { Config } from '../config/config.js';
import { documentLimitsFromConfig } from '../corpus/DocumentLimits.js';
import type { Logger } from '../logging/Logger.js';
import { SqliteStore } from '../store/SqliteStore.js';

export interface AppOptions {
  readonly config: Config;
  readonly liveIndex: LiveIndex;
  readonly logger: Logger;
}

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
export function createApp({ config, liveIndex, logger }: AppOptions): App {
  // The answers' states, so the buttons under them work after a restart. audit.jsonl and
  // feedback.jsonl are still written by the bot itself, so the store must not import them yet.
  const store = SqliteStore.openNow({ dataDir: config.DATA_DIR, retentionDays: config.GAPS_RETENTION_DAYS, importLogs: false });
  const ctx: BotContext = {
    liveIndex,
    logger,
    askLimiter: new RateLimiter(config.ASK_RATE_LIMIT, config.ASK_RATE_WINDOW_SECONDS * 1000),
    recentAnswers: new RecentAnswers(store, config.ANSWER_STATE_DAYS),
    feedback: new JsonlFile(join(config.DATA_DIR, 'feedback.jsonl')),
    corpus: new CorpusEditor(config.CORPUS_DIR, liveIndex, new ChangeJournal(config.DATA_DIR), documentLimitsFromConfig(config)),
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

  let stopped = false;
  return {
    client,
    async start() {
      const token = config.DISCORD_TOKEN;
      if (!token) throw new Error('app: DISCORD_TOKEN is not set');
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      logger.info('bot ready', { user: client.user?.tag, documents: liveIndex.answerer.listDocuments().length });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
      await store.close();
      logger.info('bot stopped');
    },
  };
}
