import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, type APIAttachment, type APIInteraction, type APIInteractionGuildMember } from 'discord.js';
import { type App, createApp } from '../../src/app/createApp.js';
import { openBotIndex } from '../../src/app/openBotIndex.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import type { Logger } from '../../src/logging/Logger.js';
import { FakeDiscord, apiUser, chatInputInteraction, guildMember } from './FakeDiscord.js';

/** The shipped article, copied into each test bot's corpus folder. */
export const CORPUS_FILE = 'france-north-korea-relations.txt';

/** A bot started by `startTestBot`: the real app against a fake Discord, in its own temp folder. */
export interface TestBot {
  readonly fake: FakeDiscord;
  /** The running app; `restart` replaces it. */
  readonly app: App;
  readonly config: Config;
  readonly dir: string;
  /** Log lines, one JSON object each. */
  readonly logLines: string[];
  /** Dispatches a `/corpus <subcommand>` with the given options, from `who` in `guildId`. */
  corpus(subcommand: string, who: APIInteractionGuildMember, options?: CorpusOptions): APIInteraction;
  /** Stops the app and starts a new one (index opened again) on the same config, DATA_DIR and fake, as a restart would. */
  restart(): Promise<void>;
  /** Stops the app and the fake, and removes the folder. */
  close(): Promise<void>;
}

export interface CorpusOptions {
  readonly guildId?: string;
  readonly doc?: string;
  readonly file?: APIAttachment;
  readonly url?: string;
}

/** A `/corpus <subcommand>` interaction with the given options, from `who` (in `guildId`, default the fake's server). */
export function corpusCommand(subcommand: string, who: APIInteractionGuildMember, { guildId, doc, file, url }: CorpusOptions = {}): APIInteraction {
  const options = [
    ...(doc === undefined ? [] : [{ name: 'doc', type: ApplicationCommandOptionType.String as const, value: doc }]),
    ...(url === undefined ? [] : [{ name: 'url', type: ApplicationCommandOptionType.String as const, value: url }]),
    ...(file === undefined ? [] : [{ name: 'file', type: ApplicationCommandOptionType.Attachment as const, value: file.id }]),
  ];
  return chatInputInteraction({
    name: 'corpus',
    member: who,
    guildId,
    options: [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }],
    ...(file === undefined ? {} : { resolved: { attachments: { [file.id]: file } } }),
  });
}

let nextUser = 1;
/** A member with a fresh user id (its own rate-limit budget). */
export function testMember(options: { manageGuild?: boolean; roles?: string[] } = {}): APIInteractionGuildMember {
  const id = `14000000000000000${String(nextUser++).padStart(2, '0')}`;
  return guildMember({ user: apiUser({ id, username: `user${id.slice(-2)}` }), ...options });
}

/**
 * Starts the real app (liveIndex with the offline embedder, discord.js client) against a fresh fake
 * Discord, with a corpus of the shipped article (and `moreDocuments`, by file name). `env` adds or
 * overrides config keys.
 */
export async function startTestBot(env: Record<string, string> = {}, moreDocuments: Readonly<Record<string, string>> = {}): Promise<TestBot> {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-bot-test-'));
  mkdirSync(join(dir, 'corpus'));
  copyFileSync(join('corpus', CORPUS_FILE), join(dir, 'corpus', CORPUS_FILE));
  for (const [name, text] of Object.entries(moreDocuments)) writeFileSync(join(dir, 'corpus', name), text);
  const fake = await FakeDiscord.start();
  const config = loadConfig(
    {
      CORPUS_DIR: join(dir, 'corpus'),
      DATA_DIR: join(dir, 'data'),
      EMBEDDER: 'hash',
      DISCORD_TOKEN: 'FAKE-BOT-TOKEN.test',
      DISCORD_API_URL: fake.apiUrl,
      ...env,
    },
    join(dir, 'no.env'),
  );
  const logLines: string[] = [];
  const capture =
    (level: string) =>
    (message: string, context: object = {}) =>
      logLines.push(JSON.stringify({ level, message, ...context }));
  const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
  const open = async () => {
    const app = createApp({ config, ...(await openBotIndex(config, logger)), logger });
    await app.start();
    return app;
  };
  let app = await open();
  return {
    fake,
    get app() {
      return app;
    },
    config,
    dir,
    logLines,
    corpus: (subcommand, who, options) => fake.dispatchInteraction(corpusCommand(subcommand, who, options)),
    async restart() {
      await app.stop();
      app = await open();
    },
    async close() {
      await app.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
