import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIEmbed } from 'discord.js';
import { autocompleteInteraction, callTo, chatInputInteraction, selectInteraction } from '../support/FakeDiscord.js';
import { startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

// A second document with its own footnote [1]: footnote numbers are per document.
const KETTLES = `Zorbian kettles

The silver kettles of Quellmar are cast by travelling monks.[1]

  1. ^ Quellmar Gazette, 1998
`;

describe('/cite when footnote N exists in several documents', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({}, { 'zorbian-kettles.txt': KETTLES });
  });
  afterAll(() => bot?.close());

  const cite = (n: number) =>
    bot.fake.dispatchInteraction(
      chatInputInteraction({ name: 'cite', member: testMember(), options: [{ name: 'number', type: ApplicationCommandOptionType.Integer, value: n }] }),
    );

  it('replies with a menu of those documents, then shows the one picked in its place', async () => {
    const interaction = cite(1);
    const callback = await bot.fake.waitForCall(callTo.callback(interaction), 5000);
    const data = (
      callback.body as {
        data: {
          content: string;
          embeds: unknown[];
          components: { components: { type: number; custom_id: string; options: { label: string; value: string }[] }[] }[];
        };
      }
    ).data;

    expect(data.content).toBe('Footnote [1] exists in 2 documents; footnote numbers are per document. Pick one:');
    expect(data.embeds).toEqual([]);
    const menu = data.components[0]!.components[0]!;
    expect(menu.type).toBe(3);
    expect(menu.options.map((o) => [o.label, o.value])).toEqual([
      ['France–North Korea relations', 'france-north-korea-relations'],
      ['Zorbian kettles', 'zorbian-kettles'],
    ]);

    const pick = bot.fake.dispatchInteraction(
      selectInteraction({ customId: menu.custom_id, values: ['zorbian-kettles'], member: testMember(), message: bot.fake.originalMessage(interaction)! }),
    );
    const update = await bot.fake.waitForCall(callTo.callback(pick), 5000);

    expect((update.body as { type: number }).type).toBe(7);
    const embeds = (update.body as { data: { embeds: APIEmbed[]; components: unknown[] } }).data.embeds;
    expect(embeds[0]?.title).toBe('[1] Zorbian kettles');
    expect(embeds[0]?.description).toContain('cast by travelling monks');
    expect((update.body as { data: { components: unknown[] } }).data.components).toEqual([]);
  });

  it('answers directly for a footnote only one document has', async () => {
    const callback = await bot.fake.waitForCall(callTo.callback(cite(4)), 5000);

    expect((callback.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]?.title).toBe('[4] France–North Korea relations');
  });

  it('autocompletes footnotes naming the document only when there are several, cut at a word', async () => {
    const complete = bot.fake.dispatchInteraction(autocompleteInteraction({ name: 'cite', member: testMember(), focused: { name: 'number', value: '4' } }));
    const choices = ((await bot.fake.waitForCall(callTo.callback(complete), 5000)).body as { data: { choices: { name: string }[] } }).data.choices;

    expect(choices.map((c) => c.name)).toEqual(['[4] Charlton, Angela (3 November 2009). "France wades into bog of… · France–North Korea relations']);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});
