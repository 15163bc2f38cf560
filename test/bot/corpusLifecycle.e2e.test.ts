import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIEmbed, type APIInteraction, type APIInteractionGuildMember } from 'discord.js';
import { SqliteStore } from '../../src/store/SqliteStore.js';
import { errorText } from '../support/errorText.js';
import { type FakeMediaWiki, startFakeMediaWiki } from '../support/FakeMediaWiki.js';
import { buttonInteraction, callTo, chatInputInteraction, FAKE_GUILD_ID } from '../support/FakeDiscord.js';
import { startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

const URL_ = 'https://en.wikipedia.org/wiki/Quellmar';

/** A small article in two revisions: the second changes one sentence and adds a section with a new reference. */
function wikitext(revision: 1 | 2): string {
  const kettles =
    revision === 1
      ? 'The silver kettles of Quellmar are rung like bells at dawn on market days.'
      : 'The copper kettles of Quellmar are rung like gongs at dusk on feast days.';
  return [
    "'''Quellmar''' is a hill village known for its weavers.<ref>{{cite web |url=https://example.org/quellmar |title=Quellmar guide |publisher=Hill Press |date=2001}}</ref>",
    `${kettles}<ref name="kettles">{{cite book |title=Kettles of the North |last=Smith |first=Ann |url=https://example.org/kettles |date=1998}}</ref>`,
    '',
    '== History ==',
    'The village was founded by weavers from the coast in 1420.<ref name="kettles"/>',
    ...(revision === 2
      ? [
          '',
          '== Today ==',
          'A weaving museum opened in the old mill in 2019.<ref>{{cite news |title=Mill museum opens |url=https://example.org/museum |date=2019}}</ref>',
        ]
      : []),
    '',
    '== References ==',
    '{{reflist}}',
  ].join('\n');
}

const OLD_QUESTION = 'How are the silver kettles of Quellmar rung?';
const NEW_QUESTION = 'How are the copper kettles of Quellmar rung?';

describe('keeping an imported article current: update with a preview, history, rollback, gaps', () => {
  let api: FakeMediaWiki;
  let bot: TestBot;
  const moderator = testMember({ manageGuild: true });

  beforeAll(async () => {
    api = await startFakeMediaWiki([{ title: 'Quellmar', wikitext: wikitext(1), revisionId: 1001, timestamp: '2024-01-01T00:00:00Z' }]);
    bot = await startTestBot({ CORPUS_GUILD_IDS: FAKE_GUILD_ID, WIKIPEDIA_API_URL: api.apiUrl });
  });
  afterAll(async () => {
    await bot?.close();
    await api?.close();
  });

  /** Dispatches `/corpus <subcommand>` with string and integer options. */
  function corpus(subcommand: string, who: APIInteractionGuildMember, options: Record<string, string | number> = {}): APIInteraction {
    return bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'corpus',
        member: who,
        options: [
          {
            name: subcommand,
            type: ApplicationCommandOptionType.Subcommand,
            options: Object.entries(options).map(([name, value]) =>
              typeof value === 'number'
                ? { name, type: ApplicationCommandOptionType.Integer as const, value }
                : { name, type: ApplicationCommandOptionType.String as const, value },
            ),
          },
        ],
      }),
    );
  }

  /** The deferred reply's final body. */
  async function finalReply(interaction: APIInteraction, timeout = 30_000) {
    return (await bot.fake.waitForCall(callTo.editOriginal(interaction), timeout)).body as {
      content: string;
      embeds: APIEmbed[];
      components: { components: { custom_id: string; label: string }[] }[];
    };
  }

  /**
   * Asks `/ask question`; returns the passages' text (embed titles and descriptions) of an answer,
   * or `declined` for a miss (sent to the asker alone).
   */
  async function ask(question: string): Promise<string> {
    const asked = bot.fake.dispatchInteraction(
      chatInputInteraction({ name: 'ask', member: testMember(), options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] }),
    );
    const call = await bot.fake.waitForCall((c) => callTo.editOriginal(asked)(c) || callTo.followUp(asked)(c), 10_000);
    if (callTo.followUp(asked)(call)) return 'declined';
    return (call.body as { embeds: APIEmbed[] }).embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n');
  }

  /** Presses a button; returns the interaction (its callback and edits are on the fake). */
  function press(customId: string, who: APIInteractionGuildMember): APIInteraction {
    return bot.fake.dispatchInteraction(buttonInteraction({ customId, member: who }));
  }

  const buttonsOf = (reply: Awaited<ReturnType<typeof finalReply>>) => Object.fromEntries(reply.components[0]!.components.map((c) => [c.label, c.custom_id]));
  const file = () => readFileSync(join(bot.config.CORPUS_DIR, 'quellmar.txt'), 'utf8');
  /** What a change touches: the corpus folder, the current index build, the store's changes and versions. */
  async function state() {
    const store = await SqliteStore.open({ dataDir: bot.config.DATA_DIR, retentionDays: 90 });
    try {
      return {
        files: readdirSync(bot.config.CORPUS_DIR).sort(),
        file: file(),
        index: readFileSync(join(bot.config.DATA_DIR, 'CURRENT'), 'utf8'),
        changes: (await store.auditLog()).map((c) => [c.action, c.status, c.version]),
        versions: (await store.history('quellmar')).total,
      };
    } finally {
      await store.close();
    }
  }

  it('imports by URL, then answers from the article with a linked footnote', async () => {
    const added = await finalReply(corpus('add', moderator, { url: URL_ }));
    expect(added.content).toMatch(/^Imported \*\*Quellmar\*\* \(`quellmar`\)\. Recorded as version 1\.\nIndex rebuilt in (?:\d+\.\d s|\d+ ms): 2 documents/);

    const answer = await ask(OLD_QUESTION);
    expect(answer).toContain('The silver kettles of Quellmar are rung like bells at dawn on market days.[2]');
    expect(answer).toContain('-# **1** · Introduction · [2] [Kettles of the North](https://example.org/kettles)');
  });

  it('previews an update of the latest revision; Cancel changes nothing in the files, the index or the database', async () => {
    api.publish({ title: 'Quellmar', wikitext: wikitext(2), revisionId: 1002, timestamp: '2025-02-02T00:00:00Z' });
    const before = await state();

    const preview = await finalReply(corpus('update', moderator, { doc: 'quellmar' }));
    const [embed] = preview.embeds;
    expect(embed!.title).toBe('Update Quellmar: preview');
    expect(embed!.description!.split('\n').slice(0, 6)).toEqual([
      '`quellmar`: version 1, revision 1001 of 2024-01-01 → revision 1002 of 2025-02-02',
      '',
      '**Sections:** 1 added, 0 removed',
      '**Sentences:** 1 added, 0 removed, 1 changed',
      '**References:** 1 added, 0 removed',
      '**Chunks to re-embed:** 3 (2 with new text)',
    ]);
    expect(embed!.fields).toEqual([
      { name: 'Sections added', value: 'Today' },
      {
        name: 'Sentences changed (1)',
        value:
          '> The silver kettles of Quellmar are rung like bells at dawn on market days.\n→\n> The copper kettles of Quellmar are rung like gongs at dusk on feast days.',
      },
      { name: 'Sentences added (1)', value: '> A weaving museum opened in the old mill in 2019.' },
      { name: 'References added (1)', value: '> "Mill museum opens". 2019. <https://example.org/museum>' },
    ]);
    expect(Object.keys(buttonsOf(preview))).toEqual(['Apply', 'Cancel']);
    expect(await state()).toEqual(before);

    const cancel = press(buttonsOf(preview).Cancel!, moderator);
    const cancelled = await bot.fake.waitForCall(callTo.callback(cancel), 5000);
    expect(cancelled.body).toMatchObject({ type: 7, data: { content: 'Cancelled: nothing changed in `quellmar`.', embeds: [], components: [] } });
    expect(await state()).toEqual(before);
    expect(await ask(OLD_QUESTION)).toContain('silver kettles');
  });

  it('lets only the moderator who asked press Apply; Apply makes the new text answer and the old one not', async () => {
    const preview = await finalReply(corpus('update', moderator, { doc: 'quellmar' }));
    const before = await state();

    const intruder = press(buttonsOf(preview).Apply!, testMember({ manageGuild: true }));
    const refused = await bot.fake.waitForCall(callTo.callback(intruder), 5000);
    expect(errorText(refused.body)).toBe('Only the moderator who asked for this preview can apply or cancel it');
    expect(await state()).toEqual(before);

    const apply = press(buttonsOf(preview).Apply!, moderator);
    expect((await bot.fake.waitForCall(callTo.callback(apply), 5000)).body).toMatchObject({
      type: 7,
      data: { content: 'Applying to `quellmar`: rebuilding the index…', components: [] },
    });
    const applied = await finalReply(apply);
    expect(applied.content).toMatch(
      /^Updated \*\*Quellmar\*\* \(`quellmar`\)\. Recorded as version 2\.\nIndex rebuilt in (?:\d+\.\d s|\d+ ms): 2 documents, \d+ chunks \(3 embedded, \d+ reused\)\.$/,
    );
    expect(file()).toContain('revision 1002 of 2025-02-02T00:00:00Z.');

    expect(await ask(NEW_QUESTION)).toContain('The copper kettles of Quellmar are rung like gongs at dusk on feast days.');
    expect(await ask(OLD_QUESTION)).not.toContain('silver');

    const again = await finalReply(corpus('update', moderator, { doc: 'quellmar' }));
    expect(again.content).toBe('Nothing changed: **Quellmar** (`quellmar`) is already at version 2, revision 1002 of 2025-02-02.');
  });

  it('lists the history newest first, and a rollback through the same preview restores the earlier answer', async () => {
    const history = bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'corpus',
        member: moderator,
        options: [
          {
            name: 'history',
            type: ApplicationCommandOptionType.Subcommand,
            options: [{ name: 'doc', type: ApplicationCommandOptionType.String, value: 'quellmar' }],
          },
        ],
      }),
    );
    const page = ((await bot.fake.waitForCall(callTo.callback(history), 5000)).body as { data: { embeds: APIEmbed[] } }).data.embeds[0]!;
    expect(page.title).toBe('History of Quellmar');
    expect(page.description!.split('\n').filter((l) => l.startsWith('**Version'))).toEqual([
      expect.stringMatching(/^\*\*Version 2\*\* · update · <t:\d+:f>$/),
      expect.stringMatching(/^\*\*Version 1\*\* · add · <t:\d+:f>$/),
    ]);
    expect(page.description).toContain(`by ${moderator.user.username} in server ${FAKE_GUILD_ID} · revision 1002 of <${URL_}> · sha256 \``);
    expect(page.footer).toEqual({ text: 'quellmar: versions 2–1 of 2, newest first' });

    // Older ▶ turns the page in place (here: the versions below 2); members who are not moderators cannot.
    const older = await bot.fake.waitForCall(callTo.callback(press('history:2:quellmar', moderator)), 5000);
    expect(older.body).toMatchObject({ type: 7, data: { embeds: [{ footer: { text: 'quellmar: versions 1–1 of 2, newest first' } }] } });
    const member = await bot.fake.waitForCall(callTo.callback(press('history:2:quellmar', testMember())), 5000);
    expect(errorText(member.body)).toBe('Only moderators can page through a document’s history');

    const preview = await finalReply(corpus('rollback', moderator, { doc: 'quellmar', version: 1 }));
    expect(preview.embeds[0]!.title).toBe('Roll back Quellmar: preview');
    expect(preview.embeds[0]!.description!.split('\n')[0]).toBe('`quellmar`: version 2, revision 1002 of 2025-02-02 → version 1, revision 1001 of 2024-01-01');
    const apply = press(buttonsOf(preview).Apply!, moderator);
    const applied = await finalReply(apply);
    expect(applied.content).toMatch(/^Rolled back \*\*Quellmar\*\* \(`quellmar`\)\. Recorded as version 3\./);

    expect(await ask(OLD_QUESTION)).toContain('The silver kettles of Quellmar are rung like bells at dawn on market days.');
    expect(await ask(NEW_QUESTION)).not.toContain('copper');
  });

  it('/corpus gaps lists a declined question asked twice, grouped, and a passage voted down', async () => {
    for (const question of ['Who is the mayor of Zanzibar?', 'who is the MAYOR of zanzibar']) expect(await ask(question)).toBe('declined');
    const asked = bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'ask',
        member: testMember(),
        options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: OLD_QUESTION }],
      }),
    );
    const answer = await finalReply(asked, 10_000);
    const down = answer.components[0]!.components.find((c) => c.label === '👎')!.custom_id;
    await bot.fake.waitForCall(callTo.callback(press(down, testMember())), 5000);

    const gaps = corpus('gaps', moderator);
    const [embed] = ((await bot.fake.waitForCall(callTo.callback(gaps), 5000)).body as { data: { embeds: APIEmbed[] } }).data.embeds;
    expect(embed!.title).toBe('What the corpus lacks: the last 30 days in this server');
    expect(embed!.fields![0]!.value).toMatch(/^1\. \*\*2×\*\* who is the MAYOR of zanzibar · last <t:\d+:R>$/);
    expect(embed!.fields![1]!.value).toMatch(/^1\. \*\*1× 👎\*\* `quellmar` · Introduction · last <t:\d+:R>\n> .*silver kettles of Quellmar/);
  });

  it('refuses an update of another format, of a document not imported, or from another server, changing nothing', async () => {
    const before = await state();
    bot.fake.addAttachment('quellmar.md', Buffer.from('# Quellmar\n\nA new text.\n'), 'text/markdown');
    const upload = await finalReply(bot.corpus('update', moderator, { doc: 'quellmar', file: bot.fake.attachment('quellmar.md') }));
    expect(errorText(upload)).toBe('"quellmar.md" is not a .txt file like "quellmar.txt"; upload the new version as .txt');

    const notImported = await finalReply(corpus('update', moderator, { doc: 'france-north-korea-relations' }));
    expect(errorText(notImported)).toBe(
      '"france-north-korea-relations" was not imported from Wikipedia, so it has no latest revision to fetch; give file: or url:',
    );

    const elsewhere = bot.corpus('update', testMember({ manageGuild: true }), { doc: 'quellmar', guildId: '1200000000000000099' });
    const refused = await bot.fake.waitForCall(callTo.callback(elsewhere), 5000);
    expect(errorText(refused.body)).toBe('This server may not change the corpus; ask the bot’s operator, or use /corpus in the corpus’s home server');
    expect(await state()).toEqual(before);
  });
});
