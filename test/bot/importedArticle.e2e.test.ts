import { errorText } from '../support/errorText.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord.js';
import { importWikipedia } from '../../src/wikipedia/importWikipedia.js';
import { type FakeMediaWiki, startFakeMediaWiki } from '../support/FakeMediaWiki.js';
import { callTo, chatInputInteraction, FAKE_GUILD_ID } from '../support/FakeDiscord.js';
import { startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

const BRITISH_MUSEUM = 'https://www.britishmuseum.org/research/search_the_collection_database/term_details.aspx?bioId=140564';

// A moderator imports with `/corpus add url:`, or with `npm run import` (importWikipedia) and an
// upload of the written file with `/corpus add file:`; answers then link its footnotes.
describe('an article imported from Wikipedia, in Discord', () => {
  let api: FakeMediaWiki;
  let bot: TestBot;

  beforeAll(async () => {
    api = await startFakeMediaWiki([
      { title: 'Goryeo ware', wikitext: readFileSync(new URL('../fixtures/wikitext/Goryeo-ware.wikitext', import.meta.url), 'utf8') },
      { title: 'Bodmin', wikitext: readFileSync(new URL('../fixtures/wikitext/Bodmin.wikitext', import.meta.url), 'utf8'), revisionId: 1_234_567 },
    ]);
    bot = await startTestBot({ CORPUS_GUILD_IDS: FAKE_GUILD_ID, WIKIPEDIA_API_URL: api.apiUrl });
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
    // Footnotes in small print under the quote, each a link to its source.
    // The first one shares the caption line with the passage's rank and section.
    const footnotes = embeds.flatMap((e) => (e.description ?? '').split('\n').filter((l) => l.startsWith('-# ')));
    expect(footnotes).toEqual([
      `-# **1** · History · [3] [British Museum - Term details](${BRITISH_MUSEUM})`,
      '-# [4] [Koryo Celadon (1979) - IMDb](http://www.imdb.com/title/tt0079414/)',
      '-# **2**',
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
    expect(description.startsWith(`[British Museum - Term details](${BRITISH_MUSEUM})\n**Cited by**`)).toBe(true);
  });

  it('is imported with /corpus add url:, then answered from with a linked footnote', async () => {
    const add = bot.corpus('add', testMember({ manageGuild: true }), { url: 'https://en.wikipedia.org/wiki/Bodmin' });
    const added = await bot.fake.waitForCall(callTo.editOriginal(add), 30_000);
    expect((added.body as { content: string }).content).toMatch(/^Imported \*\*Bodmin\*\* \(`bodmin`\)\./);
    expect(api.requests.at(-1)?.get('titles')).toBe('Bodmin');
    expect(readFileSync(`${bot.config.CORPUS_DIR}/bodmin.txt`, 'utf8')).toMatch(
      /Retrieved from "https:\/\/en\.wikipedia\.org\/wiki\/Bodmin", revision 1234567 of /,
    );

    const ask = bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'ask',
        member: testMember(),
        options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'What was the population of Bodmin in the 2011 census?' }],
      }),
    );
    const answer = await bot.fake.waitForCall(callTo.editOriginal(ask), 10_000);
    const embeds = (answer.body as { embeds: APIEmbed[] }).embeds;
    // The document named once, linked to the article it came from.
    expect((answer.body as { content: string }).content).toContain('From [**Bodmin**](https://en.wikipedia.org/wiki/Bodmin)');
    expect(embeds.map((e) => e.description).join('\n')).toMatch(/^-# .*\[\d+\] \[[^\]]+\]\(https?:\/\/[^)]+\)/m);
  });

  it('refuses /corpus add with both or neither of file: and url:, and a non-Wikipedia URL, changing nothing', async () => {
    const who = testMember({ manageGuild: true });
    const neither = bot.corpus('add', who);
    const callback = await bot.fake.waitForCall(callTo.callback(neither), 5000);
    expect(errorText(callback.body)).toBe('Give either file: (a .txt or .md upload) or url: (a Wikipedia article URL), not both');

    const foreign = bot.corpus('add', who, { url: 'https://example.com/wiki/Bodmin' });
    const refused = await bot.fake.waitForCall(callTo.editOriginal(foreign), 10_000);
    expect(errorText(refused.body)).toMatch(/not a Wikipedia article URL/);
  });
});
