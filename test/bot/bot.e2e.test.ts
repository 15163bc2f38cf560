import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandInteractionDataStringOption,
  type APIAttachment,
  type APIInteraction,
  type APIEmbed,
  type APIInteractionGuildMember,
  type InteractionType,
} from 'discord.js';
import { type App, createApp } from '../../src/app/createApp.js';
import { errorText } from '../support/errorText.js';
import { changesIn, votesIn } from '../support/readStore.js';
import { openBotIndex } from '../../src/app/openBotIndex.js';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type Logger } from '../../src/logging/Logger.js';
import {
  FAKE_GUILD_ID,
  FakeDiscord,
  type InteractionRef,
  type RecordedCall,
  apiMessage,
  apiUser,
  autocompleteInteraction,
  buttonInteraction,
  callTo,
  chatInputInteraction,
  guildMember,
  messageContextMenuInteraction,
  modalSubmitInteraction,
} from '../support/FakeDiscord.js';

const TOKEN = 'FAKE-BOT-TOKEN.never-logged.0123456789';
const CORPUS_FILE = 'france-north-korea-relations.txt';
const NEW_DOC = `Zorbian tea ceremony

The Zorbian tea ceremony is performed with silver kettles on the island of Quellmar.[1] Each ceremony lasts exactly forty minutes and ends with the ringing of a brass bell.[2]

History[edit]

The ceremony was first recorded by travelling monks in the twelfth century, who described the kettles in detail.[1]

  1. ^ Quellmar Gazette, 1998
  2. ^ Island Traditions of the North Sea, 2001
`;
const MODERATOR_ROLE = '1300000000000000999';
type Option = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;

let nextUser = 1;
/** A member with a fresh user id, so each test has its own rate-limit budget. */
function member(options: { manageGuild?: boolean; roles?: string[] } = {}): APIInteractionGuildMember {
  const id = `13000000000000000${String(nextUser++).padStart(2, '0')}`;
  return guildMember({ user: apiUser({ id, username: `user${id.slice(-2)}` }), ...options });
}

const str = (name: string, value: string): APIApplicationCommandInteractionDataStringOption => ({ name, type: ApplicationCommandOptionType.String, value });

function embedText(call: RecordedCall): string {
  const body = call.body as { embeds?: APIEmbed[] };
  return JSON.stringify(body.embeds ?? []);
}

describe('the bot against a fake Discord', () => {
  let fake: FakeDiscord;
  let app: App;
  let config: Config;
  let dir: string;
  const logLines: string[] = [];

  /** Dispatches an interaction and returns it with the time it was sent. */
  function send<T extends APIInteraction>(payload: T): T & { sentAt: number } {
    const sentAt = Date.now();
    return { ...fake.dispatchInteraction(payload), sentAt };
  }

  /** The interaction's first callback, asserted to come well within Discord's 3 s. */
  async function firstResponse(interaction: InteractionRef & { sentAt: number }): Promise<RecordedCall> {
    const callback = await fake.waitForCall(callTo.callback(interaction), 3000);
    expect(callback.status).toBe(204);
    expect(callback.at - interaction.sentAt).toBeLessThan(1500);
    return callback;
  }

  function ask(question: string, extra: Option[] = [], who = member()) {
    return send(chatInputInteraction({ name: 'ask', member: who, options: [str('question', question), ...extra] }));
  }

  function corpusAdd(attachment: APIAttachment, who: APIInteractionGuildMember) {
    return send(
      chatInputInteraction({
        name: 'corpus',
        member: who,
        options: [
          {
            name: 'add',
            type: ApplicationCommandOptionType.Subcommand,
            options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
          },
        ],
        resolved: { attachments: { [attachment.id]: attachment } },
      }),
    );
  }

  const corpusFiles = () => readdirSync(config.CORPUS_DIR).sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-bot-e2e-'));
    mkdirSync(join(dir, 'corpus'));
    copyFileSync(join('corpus', CORPUS_FILE), join(dir, 'corpus', CORPUS_FILE));
    fake = await FakeDiscord.start();
    config = loadConfig(
      {
        CORPUS_DIR: join(dir, 'corpus'),
        DATA_DIR: join(dir, 'data'),
        EMBEDDER: 'hash',
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        ASK_RATE_LIMIT: '3',
        ASK_RATE_WINDOW_SECONDS: '60',
        MAX_UPLOAD_BYTES: '20000',
        MODERATOR_ROLE_ID: MODERATOR_ROLE,
        CORPUS_GUILD_IDS: FAKE_GUILD_ID,
      },
      join(dir, 'no.env'),
    );
    const capture =
      (level: string) =>
      (message: string, context: object = {}) =>
        logLines.push(JSON.stringify({ level, message, ...context }, (_k, v: unknown) => (v instanceof Error ? v.stack : v)));
    const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
    app = createApp({ config, ...(await openBotIndex(config, logger)), logger });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in with the Guilds intent only', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]?.intents).toBe(1);
  });

  it('/ask defers, then edits in the answer quoting the corpus, with buttons and no mentions allowed', async () => {
    const interaction = ask('Does France recognise North Korea?');

    const callback = await firstResponse(interaction);
    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((edit.body as { content: string }).content).toMatch(
      /^\*\*Question:\*\* Does France recognise North Korea\?\nFrom \*\*France–North Korea relations\*\* · passages 1–3 of \d+$/,
    );
    expect(embedText(edit)).toContain('not to recognise North Korea');
    expect(embedText(edit)).toContain('[1] \\"DPRK Diplomatic Relations\\", National Committee on North Korea');
    const labels = JSON.stringify((edit.body as { components: unknown }).components);
    expect(labels).toContain('👍');
    expect(labels).toContain('👎');
    expect(fake.originalMessage(interaction)?.flags).toBe(0);
  });

  it('/ask private answers ephemerally (flag 64)', async () => {
    const interaction = ask('Does France recognise North Korea?', [{ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true }]);

    const callback = await firstResponse(interaction);
    await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(fake.originalMessage(interaction)?.flags).toBe(64);
  });

  it('/ask about something not in the corpus answers the asker alone: what was missing, what the corpus covers, questions it answers', async () => {
    const interaction = ask('What is the recipe for sourdough bread?');

    // The public "thinking…" is removed and the miss goes to the asker only.
    await fake.waitForCall(callTo.route('DELETE', `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`), 5000);
    const miss = await fake.waitForCall(callTo.followUp(interaction), 5000);

    expect(miss.body).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect((miss.body as { content: string }).content).toBe(
      [
        '**Question:** What is the recipe for sourdough bread?',
        'The corpus says nothing about *recipe*, *sourdough* or *bread*.',
        '',
        'The corpus covers:',
        '• **France–North Korea relations**: Economic relations, Pro-North Korean lobby in France',
        '',
        'You could ask:',
        '• What does the corpus say about economic relations?',
        '• What does the corpus say about pro-North Korean lobby in France?',
      ].join('\n'),
    );
    expect(fake.findCalls(callTo.editOriginal(interaction))).toHaveLength(0);
  });

  it('/ask with @everyone in the question never pings', async () => {
    const interaction = ask('@everyone does France recognise North Korea?');

    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((edit.body as { content: string }).content).toMatch(
      /^\*\*Question:\*\* @\u200beveryone does France recognise North Korea\?\nFrom \*\*France–North Korea relations\*\* · /,
    );
  });

  it('limits /ask per user with a polite ephemeral message', async () => {
    const who = member();
    const first = [
      ask('Does France recognise North Korea?', [], who),
      ask('Does France recognise North Korea?', [], who),
      ask('Does France recognise North Korea?', [], who),
    ];
    for (const i of first) await fake.waitForCall(callTo.editOriginal(i), 5000);

    const refused = ask('Does France recognise North Korea?', [], who);
    const callback = await firstResponse(refused);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    // No error code, and a Discord timestamp each reader's client counts down.
    expect(errorText(callback.body)).toMatch(/^You are asking faster than I can keep up with; you can ask again <t:\d+:R>$/);
  });

  it('records 👍 feedback with the question and passages shown, and pages with More passages', async () => {
    const question = 'What are the relations between France and North Korea?';
    const interaction = ask(question);
    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);
    const row = (edit.body as { components: { components: { custom_id: string; label: string }[] }[] }).components[0]!;
    const button = (label: string) => row.components.find((c) => c.label === label)!.custom_id;
    expect(row.components.map((c) => c.label)).toEqual(['More passages', 'Follow up', '👍', '👎']);

    const vote = send(buttonInteraction({ customId: button('👍'), member: member() }));
    const voteCallback = await firstResponse(vote);

    expect(voteCallback.body).toMatchObject({ type: 4, data: { flags: 64, content: 'Thanks, your 👍 is recorded; it helps improve the answers.' } });
    const record = votesIn(config.DATA_DIR).at(-1)!;
    expect(record).toMatchObject({ vote: 'up', question, user: vote.member.user.id, guild: FAKE_GUILD_ID });
    expect(record.passages).toHaveLength(3);
    for (const p of record.passages) expect(embedText(edit)).toContain(p.text.slice(0, 40));

    const press = send(buttonInteraction({ customId: button('More passages'), member: member(), message: fake.originalMessage(interaction)! }));
    const pageCallback = (await firstResponse(press)).body as {
      type: number;
      data: { flags: number; content: string; embeds: APIEmbed[]; components: { components: { custom_id: string; label: string; disabled: boolean }[] }[] };
    };

    // The second page, for the presser alone, counted, with ◀ ▶ to page in place.
    expect(pageCallback).toMatchObject({ type: 4, data: { flags: 64 } });
    const total = Number(/passages 1–3 of (\d+)/.exec((edit.body as { content: string }).content)?.[1]);
    expect(total).toBeGreaterThan(6);
    expect(pageCallback.data.content).toBe(`**More on:** ${question}\nFrom **France–North Korea relations** · passages 4–6 of ${total}`);
    expect(pageCallback.data.embeds[0]?.description).toMatch(/\n-# \*\*4\*\* · /);
    for (const p of record.passages) expect(JSON.stringify(pageCallback.data.embeds)).not.toContain(p.text.slice(0, 40));
    const arrows = pageCallback.data.components[0]!.components;
    expect(arrows.map((a) => [a.label, a.disabled])).toEqual([
      ['◀', false],
      ['▶', false],
    ]);

    const pager = fake.originalMessage(press)!;
    const next = send(buttonInteraction({ customId: arrows[1]!.custom_id, member: member(), message: pager }));
    const turned = (await firstResponse(next)).body as { type: number; data: { content: string; embeds: APIEmbed[] } };
    expect(turned.type).toBe(7); // the same message, updated
    expect(turned.data.content).toMatch(/ · passages 7–9 of \d+$/);
    expect(turned.data.embeds[0]?.description).toMatch(/\n-# \*\*7\*\* · /);

    const back = send(buttonInteraction({ customId: arrows[0]!.custom_id, member: member(), message: pager }));
    const first = (await firstResponse(back)).body as { type: number; data: { content: string; components: { components: { disabled: boolean }[] }[] } };
    expect(first.data.content).toMatch(/ · passages 1–3 of \d+$/);
    expect(first.data.components[0]!.components[0]!.disabled).toBe(true);
  });

  it('"Follow up" opens a modal, and the follow-up is answered with the question before it as context', async () => {
    const first = ask('who did Sarkozy send to Pyongyang?');
    const answer = await fake.waitForCall(callTo.editOriginal(first), 5000);
    const row = (answer.body as { components: { components: { custom_id: string; label: string }[] }[] }).components[0]!;
    const follow = row.components.find((c) => c.label === 'Follow up')!.custom_id;
    const answerMessage = fake.originalMessage(first)!;

    const press = send(buttonInteraction({ customId: follow, member: member(), message: answerMessage }));
    const modal = (await firstResponse(press)).body as {
      type: number;
      data: { custom_id: string; components: { components: { type: number; custom_id: string }[] }[] };
    };

    expect(modal.type).toBe(9);
    const input = modal.data.components[0]!.components[0]!;
    expect(input.type).toBe(4);
    const submit = send(
      modalSubmitInteraction({
        customId: modal.data.custom_id,
        fields: { [input.custom_id]: 'and when did he go there?' },
        member: member(),
        message: answerMessage,
      }),
    );
    expect((await firstResponse(submit)).body).toEqual({ type: 5, data: { flags: 0 } });
    const followUp = await fake.waitForCall(callTo.editOriginal(submit), 5000);

    expect((followUp.body as { content: string }).content).toMatch(/^\*\*Follow-up:\*\* and when did he go there\?/);
    expect(embedText(followUp)).toContain('Lang traveled to Pyongyang on November 9');
  });

  it('"Follow up" on an answer the bot no longer remembers says to ask again', async () => {
    const press = send(buttonInteraction({ customId: 'answer:follow:000000000000', member: member() }));

    const callback = await firstResponse(press);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(errorText(callback.body)).toBe('That answer is too old to follow up; please ask again with /ask');
  });

  it('/cite number 1 replies with the reference text and the passages citing it', async () => {
    const interaction = send(
      chatInputInteraction({ name: 'cite', member: member(), options: [{ name: 'number', type: ApplicationCommandOptionType.Integer, value: 1 }] }),
    );

    const callback = await firstResponse(interaction);

    expect(callback.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    const embeds = (callback.body as { data: { embeds: APIEmbed[] } }).data.embeds;
    expect(embeds[0]?.title).toBe('[1] France–North Korea relations');
    expect(embeds[0]?.description).toContain('"DPRK Diplomatic Relations", National Committee on North Korea');
    expect(embeds[0]?.description).toContain('not to recognise North Korea');
  });

  it('/cite with an unknown footnote answers with an ephemeral explanation', async () => {
    const interaction = send(
      chatInputInteraction({ name: 'cite', member: member(), options: [{ name: 'number', type: ApplicationCommandOptionType.Integer, value: 99 }] }),
    );

    const callback = await firstResponse(interaction);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(errorText(callback.body)).toBe('No footnote 99; footnotes run from 1 to 10');
  });

  it('autocompletes /cite number and doc, and /corpus remove doc (type 8, at most 25 choices)', async () => {
    const number = send(autocompleteInteraction({ name: 'cite', member: member(), focused: { name: 'number', value: '' } }));
    const doc = send(autocompleteInteraction({ name: 'cite', member: member(), focused: { name: 'doc', value: 'korea' } }));

    const numberBody = (await firstResponse(number)).body as { type: number; data: { choices: { name: string; value: number }[] } };
    const docBody = (await firstResponse(doc)).body as { type: number; data: { choices: { name: string; value: string }[] } };

    expect(numberBody.type).toBe(8);
    expect(numberBody.data.choices.length).toBeGreaterThan(0);
    expect(numberBody.data.choices.length).toBeLessThanOrEqual(25);
    // One document: it is not named on every footnote.
    expect(numberBody.data.choices[0]).toEqual({ name: '[1] "DPRK Diplomatic Relations", National Committee on North Korea', value: 1 });
    expect(docBody).toEqual({
      type: 8,
      data: { choices: [{ name: 'France–North Korea relations (france-north-korea-relations)', value: 'france-north-korea-relations' }] },
    });
  });

  it('"Find sources" on a chat message answers with the passages bearing on it', async () => {
    const target = apiMessage({ content: 'France and Estonia do not recognise North Korea @everyone' });
    const interaction = send(messageContextMenuInteraction({ name: 'Find sources', member: member(), target }));

    const callback = await firstResponse(interaction);
    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit.body).toMatchObject({
      content: '**Checking:** France and Estonia do not recognise North Korea @\u200beveryone\nFrom **France–North Korea relations**',
      allowed_mentions: { parse: [] },
    });
    expect(embedText(edit)).toContain('Estonia');
  });

  it('/ask reads a chat message wrapped in a mention and says how it read it', async () => {
    const interaction = ask('@everyone who did pres Sarkozy send to Pyongyang as envoy for nk?');

    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect((edit.body as { content: string }).content).toBe(
      '**Question:** @\u200beveryone who did pres Sarkozy send to Pyongyang as envoy for nk?\n-# Read *pres* as *president*, *nk* as *north korea*.\nFrom **France–North Korea relations**',
    );
    expect(embedText(edit)).toContain('appointed Socialist politician Jack Lang his special envoy to North Korea');
  });

  it('"Find sources" on a claim to check finds the passages bearing on it', async () => {
    const target = apiMessage({ content: 'France still refuses to recognise North Korea, right?' });
    const interaction = send(messageContextMenuInteraction({ name: 'Find sources', member: member(), target }));

    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect((edit.body as { content: string }).content).toMatch(
      /^\*\*Checking:\*\* France still refuses to recognise North Korea, right\?\nFrom \*\*France–North Korea relations\*\*/,
    );
    expect(embedText(edit)).toContain('not to recognise North Korea, the other being Estonia');
  });

  it('/ask names what the corpus lacks when it declines a near-topic question', async () => {
    const interaction = ask('when did germany and north korea set up diplomatic relations');

    const miss = await fake.waitForCall(callTo.followUp(interaction), 5000);

    expect(miss.body).toMatchObject({ flags: 64 });
    expect((miss.body as { content: string }).content).toMatch(
      /^\*\*Question:\*\* when did germany and north korea set up diplomatic relations\nThe corpus says nothing about \*germany\*\.\n/,
    );
  });

  it('"Find sources" that finds nothing tells the asker alone, never the channel', async () => {
    const target = apiMessage({ content: 'The best sourdough needs a three-day ferment.' });
    const interaction = send(messageContextMenuInteraction({ name: 'Find sources', member: member(), target }));

    await fake.waitForCall(callTo.route('DELETE', `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`), 5000);
    const miss = await fake.waitForCall(callTo.followUp(interaction), 5000);

    expect(miss.body).toMatchObject({ flags: 64 });
    expect((miss.body as { content: string }).content).toMatch(/^\*\*Checking:\*\* The best sourdough needs a three-day ferment\.\n/);
  });

  it('/ask private with nothing found edits its private reply', async () => {
    const interaction = ask('What is the recipe for sourdough bread?', [{ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true }]);

    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect((edit.body as { content: string }).content).toContain('The corpus covers:');
    expect(fake.originalMessage(interaction)?.flags).toBe(64);
  });

  it('refuses /corpus add from a member without Manage Server, ephemerally, changing nothing', async () => {
    const before = corpusFiles();
    const attachment = fake.attachment(fake.addAttachment('sneaky.txt', Buffer.from(NEW_DOC), 'text/plain').split('/').pop()!);
    const interaction = corpusAdd(attachment, member());

    const callback = await firstResponse(interaction);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(errorText(callback.body)).toBe('Only moderators (Manage Server, or the moderator role) can use /corpus; ask one of them for the change');
    expect(fake.findCalls(callTo.route('GET', '/attachments/sneaky.txt'))).toHaveLength(0);
    expect(corpusFiles()).toEqual(before);
  });

  it('rejects a file that is not UTF-8 with an ephemeral error, changing nothing', async () => {
    const before = corpusFiles();
    fake.addAttachment('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me is served in Quellmar.\n', 'latin1'), 'text/plain');
    const interaction = corpusAdd(fake.attachment('latin1.txt'), member({ manageGuild: true }));

    const callback = await firstResponse(interaction);
    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(errorText(edit.body)).toBe('"latin1.txt" is not UTF-8 text');
    expect(fake.originalMessage(interaction)?.flags).toBe(64);
    expect(corpusFiles()).toEqual(before);
    expect(await changesIn(config.DATA_DIR)).toEqual([]);
  });

  it('/corpus add by a moderator adds the document, rebuilds, audits, and /ask then answers from it', async () => {
    const bytes = Buffer.from(NEW_DOC);
    fake.addAttachment('zorbian-tea.txt', bytes, 'text/plain');
    const moderator = member({ manageGuild: true });
    const interaction = corpusAdd(fake.attachment('zorbian-tea.txt'), moderator);

    expect((await firstResponse(interaction)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 10_000);

    expect((edit.body as { content: string }).content).toMatch(
      /^Added \*\*Zorbian tea ceremony\*\* \(`zorbian-tea`\)\. Recorded as version 1\.\nIndex rebuilt in (?:\d+\.\d s|\d+ ms): 2 documents, \d+ chunks \(\d+ embedded, \d+ reused\)\.$/,
    );
    expect(corpusFiles()).toEqual([CORPUS_FILE, 'zorbian-tea.txt']);
    expect((await changesIn(config.DATA_DIR)).at(-1)).toMatchObject({
      status: 'done',
      actor: { id: moderator.user.id, name: moderator.user.username, guild: FAKE_GUILD_ID },
      action: 'add',
      doc: 'zorbian-tea',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      version: 1,
    });

    const question = ask('How long does the Zorbian tea ceremony last?');
    const answer = await fake.waitForCall(callTo.editOriginal(question), 5000);
    expect(embedText(answer)).toContain('Each ceremony lasts exactly forty minutes');
    expect(embedText(answer)).toContain('[2] Island Traditions of the North Sea, 2001');
  });

  it('/corpus list works for the moderator role without Manage Server, ephemerally', async () => {
    const interaction = send(
      chatInputInteraction({
        name: 'corpus',
        member: member({ roles: [MODERATOR_ROLE] }),
        options: [{ name: 'list', type: ApplicationCommandOptionType.Subcommand }],
      }),
    );

    const callback = await firstResponse(interaction);

    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    const embed = (callback.body as { data: { embeds: APIEmbed[] } }).data.embeds[0]!;
    expect(embed.title).toBe('Corpus: 2 documents');
    expect(embed.description).toContain('• **Zorbian tea ceremony** (`zorbian-tea`)');
  });

  it('/corpus remove deletes the document, rebuilds and audits; /ask no longer finds it', async () => {
    const interaction = send(
      chatInputInteraction({
        name: 'corpus',
        member: member({ manageGuild: true }),
        options: [{ name: 'remove', type: ApplicationCommandOptionType.Subcommand, options: [str('doc', 'zorbian-tea')] }],
      }),
    );

    expect((await firstResponse(interaction)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 10_000);

    expect((edit.body as { content: string }).content).toMatch(/^Removed \*\*Zorbian tea ceremony\*\* \(`zorbian-tea`\)\.\nIndex rebuilt/);
    expect(corpusFiles()).toEqual([CORPUS_FILE]);
    expect((await changesIn(config.DATA_DIR)).at(-1)).toMatchObject({ action: 'remove', doc: 'zorbian-tea', status: 'done', version: 2 });
    const question = ask('How long does the Zorbian tea ceremony last?');
    // Nothing on it any more: a miss, for the asker alone.
    const miss = await fake.waitForCall(callTo.followUp(question), 5000);
    expect((miss.body as { content: string }).content).toContain('The corpus says nothing about');
    expect(fake.findCalls(callTo.editOriginal(question))).toHaveLength(0);
  });

  it('refuses to add a document whose id is already in the corpus, saying how to replace it', async () => {
    fake.addAttachment(CORPUS_FILE, Buffer.from(NEW_DOC), 'text/plain');
    const interaction = corpusAdd(fake.attachment(CORPUS_FILE), member({ manageGuild: true }));

    const edit = await fake.waitForCall(callTo.editOriginal(interaction), 5000);

    expect(errorText(edit.body)).toBe('"france-north-korea-relations" is already in the corpus; to replace it, use /corpus update, or rename the file');
  });

  it('answers an unexpected failure with an ephemeral reference and logs the details', async () => {
    const interaction = send(buttonInteraction({ customId: 'nothing:here', member: member() }));

    const callback = await firstResponse(interaction);

    expect((callback.body as { data: { flags: number } }).data.flags).toBe(64);
    const reference = /reference ([0-9a-f]{8})/.exec(errorText(callback.body))?.[1];
    expect(reference).toBeDefined();
    const logged = logLines.find((l) => l.includes(reference!))!;
    expect(logged).toContain(interaction.id);
    expect(logged).toContain('button nothing:here');
  });

  it('never logs or sends the token outside the Authorization header', () => {
    expect(logLines.join('\n')).not.toContain(TOKEN);
    for (const call of fake.calls) expect(JSON.stringify([call.path, call.body])).not.toContain(TOKEN);
  });

  it('registers the commands to the guild, /corpus with Manage Server as default permission', async () => {
    await registerCommands({ ...config, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: FAKE_GUILD_ID });

    const commands = fake.registeredCommands(FAKE_GUILD_ID) as { name: string; type?: number; default_member_permissions?: string | null }[];
    expect(commands.map((c) => c.name)).toEqual(['ask', 'cite', 'corpus', 'Find sources']);
    expect(commands.find((c) => c.name === 'corpus')?.default_member_permissions).toBe('32');
    expect(commands.find((c) => c.name === 'Find sources')?.type).toBe(3);
  });
});
