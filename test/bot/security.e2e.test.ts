import { errorText } from '../support/errorText.js';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GUILD_ID, callTo, type RecordedCall } from '../support/FakeDiscord.js';
import { changesIn } from '../support/readStore.js';
import { CORPUS_FILE, startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

const OTHER_GUILD = '1200000000000000099';
const DOC =
  'Moon cheese\n\nFrance officially recognised North Korea in 2024 after a cheese summit.[1]\n\n  1. ^ "Totally real source", https://evil.example/phish\n';
const WRONG_SERVER = 'This server may not change the corpus; ask the bot’s operator, or use /corpus in the corpus’s home server';

// A refusal's text as people read it (the description of its red embed; no error code).
const content = (call: RecordedCall) => errorText(call.body);

describe('corpus changes are allowed only from the corpus servers (CORPUS_GUILD_IDS)', () => {
  let bot: TestBot;
  const corpusFiles = () => readdirSync(bot.config.CORPUS_DIR).sort();

  beforeAll(async () => {
    bot = await startTestBot({ CORPUS_GUILD_IDS: FAKE_GUILD_ID });
  });
  afterAll(() => bot?.close());

  it('refuses /corpus add from a member with Manage Server in a second server; nothing is downloaded or changed', async () => {
    bot.fake.addAttachment('moon.txt', Buffer.from(DOC), 'text/plain');
    const interaction = bot.corpus('add', testMember({ manageGuild: true }), { guildId: OTHER_GUILD, file: bot.fake.attachment('moon.txt') });

    const callback = await bot.fake.waitForCall(callTo.callback(interaction), 3000);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(content(callback)).toBe(WRONG_SERVER);
    expect(bot.fake.findCalls(callTo.route('GET', '/attachments/moon.txt'))).toHaveLength(0);
    expect(corpusFiles()).toEqual([CORPUS_FILE]);
    expect(await changesIn(bot.config.DATA_DIR)).toEqual([]);
  });

  it('refuses /corpus remove of the home article from the second server; it stays in the corpus and answers', async () => {
    const interaction = bot.corpus('remove', testMember({ manageGuild: true }), { guildId: OTHER_GUILD, doc: 'france-north-korea-relations' });

    const callback = await bot.fake.waitForCall(callTo.callback(interaction), 3000);

    expect(content(callback)).toBe(WRONG_SERVER);
    expect(corpusFiles()).toEqual([CORPUS_FILE]);
    expect(bot.app.client.isReady()).toBe(true);
    expect(await changesIn(bot.config.DATA_DIR)).toEqual([]);
  });

  it('lets a moderator of any server list the documents (read-only)', async () => {
    const interaction = bot.corpus('list', testMember({ manageGuild: true }), { guildId: OTHER_GUILD });

    const callback = await bot.fake.waitForCall(callTo.callback(interaction), 3000);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, embeds: [{ title: 'Corpus: 1 document' }] } });
  });

  it('accepts /corpus add from the home server and records the server id with the user', async () => {
    bot.fake.addAttachment('moon-home.txt', Buffer.from(DOC), 'text/plain');
    const moderator = testMember({ manageGuild: true });
    const interaction = bot.corpus('add', moderator, { guildId: FAKE_GUILD_ID, file: bot.fake.attachment('moon-home.txt') });

    const edit = await bot.fake.waitForCall(callTo.editOriginal(interaction), 10_000);

    expect((edit.body as { content: string }).content).toMatch(/^Added \*\*Moon cheese\*\* \(`moon-home`\)\./);
    expect(corpusFiles()).toEqual([CORPUS_FILE, 'moon-home.txt']);
    const changes = await changesIn(bot.config.DATA_DIR);
    expect(changes.map((c) => [c.action, c.doc, c.status, c.actor])).toEqual([
      ['add', 'moon-home', 'done', { id: moderator.user.id, name: moderator.user.username, guild: FAKE_GUILD_ID }],
    ]);
  });
});
