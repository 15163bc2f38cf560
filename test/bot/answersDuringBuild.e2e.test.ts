import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord.js';
import { answerOptionsFromConfig } from '../../src/answer/Answerer.js';
import { LiveIndex } from '../../src/answer/LiveIndex.js';
import { type App, createApp } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/config.js';
import type { Logger } from '../../src/logging/Logger.js';
import { FAKE_GUILD_ID, FakeDiscord, apiUser, callTo, chatInputInteraction, guildMember } from '../support/FakeDiscord.js';
import { type BuildGate, SlowBuildEmbedder } from '../support/SlowBuildEmbedder.js';

const TRIGGER = 'Quellmarian';
const SLOW_DOC = `Quellmarian kettles

The ${TRIGGER} kettle is made of silver and rings like a bell.[1]

  1. ^ Quellmar Gazette, 1998
`;
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the bot during a slow index build', () => {
  let fake: FakeDiscord;
  let app: App;
  let dir: string;
  let gate: BuildGate;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-bot-slow-build-'));
    mkdirSync(join(dir, 'corpus'));
    mkdirSync(join(dir, 'gate'));
    copyFileSync(join('corpus', 'france-north-korea-relations.txt'), join(dir, 'corpus', 'france-north-korea-relations.txt'));
    // Longer than the waits below: a build in the bot's own thread stays blocked past them.
    gate = { dir: join(dir, 'gate'), trigger: TRIGGER, maxMs: 8000 };
    fake = await FakeDiscord.start();
    const config = loadConfig(
      {
        CORPUS_DIR: join(dir, 'corpus'),
        DATA_DIR: join(dir, 'data'),
        EMBEDDER: 'hash',
        DISCORD_TOKEN: 'FAKE-TOKEN',
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: FAKE_GUILD_ID,
      },
      join(dir, 'no.env'),
    );
    const { liveIndex } = await LiveIndex.open({
      corpusDir: config.CORPUS_DIR,
      dataDir: config.DATA_DIR,
      embedder: new SlowBuildEmbedder(gate),
      embeddingModel: null,
      ...answerOptionsFromConfig(config),
    });
    app = createApp({ config, liveIndex, logger: silent });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /ask from the current index while /corpus add is still building', async () => {
    fake.addAttachment('kettles.txt', Buffer.from(SLOW_DOC), 'text/plain');
    const file = fake.attachment('kettles.txt');
    const moderator = guildMember({ user: apiUser({ id: '1300000000000000101', username: 'mod' }), manageGuild: true });
    const add = fake.dispatchInteraction(
      chatInputInteraction({
        name: 'corpus',
        member: moderator,
        options: [
          {
            name: 'add',
            type: ApplicationCommandOptionType.Subcommand,
            options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: file.id }],
          },
        ],
        resolved: { attachments: { [file.id]: file } },
      }),
    );
    await until(() => existsSync(join(gate.dir, 'started')), 10_000);

    const asker = guildMember({ user: apiUser({ id: '1300000000000000102', username: 'asker' }) });
    const ask = fake.dispatchInteraction(
      chatInputInteraction({
        name: 'ask',
        member: asker,
        options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Does France recognise North Korea?' }],
      }),
    );
    // Answered while the build is held: the gate opens only after the answer. With the build on
    // the bot's thread, nothing (this test included) runs until the gate times out by itself.
    const deferred = await fake.waitForCall(callTo.callback(ask), 6000);
    const answer = await fake.waitForCall(callTo.editOriginal(ask), 6000);
    const addDoneEarly = fake.findCalls(callTo.editOriginal(add)).length > 0;
    writeFileSync(join(gate.dir, 'release'), '');
    const added = await fake.waitForCall(callTo.editOriginal(add), 20_000);

    expect(existsSync(join(gate.dir, 'timed-out'))).toBe(false);
    expect(addDoneEarly).toBe(false);
    expect(deferred.at).toBeLessThan(added.at);
    expect(answer.at).toBeLessThan(added.at);
    expect(JSON.stringify((answer.body as { embeds: APIEmbed[] }).embeds)).toContain('not to recognise North Korea');
    expect((added.body as { content: string }).content).toMatch(/^Added \*\*Quellmarian kettles\*\*/);
  });
});
