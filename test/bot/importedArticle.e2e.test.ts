import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord.js';
import { importWikipedia } from '../../src/wikipedia/importWikipedia.js';
import { type FakeMediaWiki, startFakeMediaWiki } from '../support/FakeMediaWiki.js';
import { callTo, chatInputInteraction, FAKE_GUILD_ID } from '../support/FakeDiscord.js';
import { startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

const BRITISH_MUSEUM = 'https://www.britishmuseum.org/research/search_the_collection_database/term_details.aspx?bioId=140564';

// Until `/corpus add url:` is wired, a moderator imports with `npm run import` (importWikipedia)
// and uploads the written file with `/corpus add file:`; answers then link its footnotes.
describe('an article imported from Wikipedia, in Discord', () => {
  let api: FakeMediaWiki;
  let bot: TestBot;

  beforeAll(async () => {
    api = await startFakeMediaWiki([
      { title: 'Goryeo ware', wikitext: readFileSync(new URL('../fixtures/wikitext/Goryeo-ware.wikitext', import.meta.url), 'utf8') },
    ]);
    bot = await startTestBot({ CORPUS_GUILD_IDS: FAKE_GUILD_ID });
  });
  afterAll(async () => {
    await bot?.close();
    await api?.close();
  });

  it('is added with /corpus add file:, and /ask and /cite show its footnote as a link to the source', async () => {
    const imported = await importWikipedia('https://en.wikipedia.org/wiki/Goryeo_ware', { apiUrl: api.apiUrl });
    bot.fake.addAttachment(imported.fileName, Buffer.from(imported.text), 'text/plain');
    const add = bot.corpus('add', testMember({ manageGuild: true }), { file: bot.fake.attachment(imported.fileName) });
    const added = await bot.fake.waitForCall(callTo.editOriginal(add), 20_000);
    expect((added.body as { content: string }).content).toMatch(/^Added \*\*Goryeo ware\*\* \(`goryeo-ware`\)\./);

    const ask = bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'ask',
        member: testMember(),
        options: [
          { name: 'question', type: ApplicationCommandOptionType.String, value: 'Who was the Living National Treasure who specialised in Goryeo celadon?' },
        ],
      }),
    );
    const answer = await bot.fake.waitForCall(callTo.editOriginal(ask), 10_000);
    const embeds = (answer.body as { embeds: APIEmbed[] }).embeds;
    const footnotes = embeds.flatMap((e) => e.fields ?? []).map((f) => f.value);
    expect(footnotes).toEqual([
      `[3] [British Museum - Term details](${BRITISH_MUSEUM})\n[4] [Koryo Celadon (1979) - IMDb](http://www.imdb.com/title/tt0079414/)`,
    ]);

    const cite = bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'cite',
        member: testMember(),
        options: [
          { name: 'number', type: ApplicationCommandOptionType.Integer, value: 3 },
          { name: 'doc', type: ApplicationCommandOptionType.String, value: 'goryeo-ware' },
        ],
      }),
    );
    const cited = await bot.fake.waitForCall(callTo.callback(cite), 5000);
    const description = (cited.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]?.description ?? '';
    expect(description.startsWith(`[British Museum - Term details](${BRITISH_MUSEUM})\n\n**Cited by**`)).toBe(true);
  });
});
