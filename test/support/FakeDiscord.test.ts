import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import {
  FakeDiscord,
  apiMessage,
  autocompleteInteraction,
  buttonInteraction,
  callTo,
  chatInputInteraction,
  memberPermissions,
  messageContextMenuInteraction,
} from './FakeDiscord.js';

// discord.js does not check the token's shape (it only strips a "Bot " prefix), so any string works.
const TOKEN = 'FAKE-TOKEN.must-not-leak.0123456789';

/** Resource kinds that would keep the process alive after teardown. */
const HANDLE_KINDS = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'];

function countHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (HANDLE_KINDS.includes(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Test handlers keyed by command name or custom id; errors are collected rather than thrown into discord.js. */
async function handle(interaction: Interaction, errors: unknown[]): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed} (article)`, value: `${typed}-1` }]);
    } else if (interaction.isChatInputCommand()) {
      if (interaction.commandName === 'defer') {
        await interaction.deferReply();
        await interaction.editReply({ content: 'hi', allowedMentions: { parse: [] } });
      } else if (interaction.commandName === 'secret') {
        await interaction.reply({ content: 'only you', flags: MessageFlags.Ephemeral });
      } else if (interaction.commandName === 'upload') {
        await interaction.deferReply();
        await interaction.editReply({ content: 'file', files: [{ attachment: Buffer.from('hello'), name: 'answer.txt' }] });
        await interaction.followUp({ content: 'more', allowedMentions: { parse: [] } });
      } else if (interaction.commandName === 'read') {
        await interaction.deferReply();
        const file = interaction.options.getAttachment('file', true);
        const text = await (await fetch(file.url)).text();
        await interaction.editReply({ content: `read ${file.name}: ${text}` });
      }
    } else if (interaction.isMessageContextMenuCommand()) {
      await interaction.reply({ content: `quoted: ${interaction.targetMessage.content}` });
    } else if (interaction.isButton()) {
      await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    }
  } catch (error) {
    errors.push(error);
  }
}

describe('FakeDiscord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let baseline: Record<string, number>;
  const errors: unknown[] = [];

  beforeAll(async () => {
    baseline = countHandles();
    fake = await FakeDiscord.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (interaction) => void handle(interaction, errors));
    const ready = once(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('hands discord.js the gateway and gets an uncompressed JSON v10 IDENTIFY with the token', () => {
    const gatewayBot = fake.findCalls(callTo.route('GET', '/gateway/bot'));
    expect(gatewayBot).toHaveLength(1);
    expect(gatewayBot[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(fake.gatewayConnections).toEqual([{ v: '10', encoding: 'json' }]);
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, compress: false, shard: [0, 1] });
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.application?.id).toBe(fake.applicationId);
  });

  it('records deferReply as callback type 5 and editReply as a PATCH to @original', async () => {
    const interaction = fake.dispatchInteraction(chatInputInteraction({ name: 'defer' }));

    const callback = await fake.waitForCall(callTo.callback(interaction));
    const edit = await fake.waitForCall(callTo.editOriginal(interaction));

    expect(callback.status).toBe(204);
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined();
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'hi', allowed_mentions: { parse: [] } });
    expect(fake.originalMessage(interaction)).toMatchObject({ content: 'hi', flags: 0 });
    expect(errors).toEqual([]);
  });

  it('records an ephemeral reply as callback type 4 with flags 64', async () => {
    const interaction = fake.dispatchInteraction(chatInputInteraction({ name: 'secret' }));

    const callback = await fake.waitForCall(callTo.callback(interaction));

    expect(callback.body).toMatchObject({ type: 4, data: { content: 'only you', flags: 64 } });
    expect(fake.originalMessage(interaction)).toMatchObject({ content: 'only you', flags: 64 });
    expect(errors).toEqual([]);
  });

  it('records an autocomplete respond() as callback type 8 with choices', async () => {
    const interaction = fake.dispatchInteraction(autocompleteInteraction({ name: 'ask', focused: { name: 'article', value: 'tea' } }));

    const callback = await fake.waitForCall(callTo.callback(interaction));

    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'tea (article)', value: 'tea-1' }] } });
    expect(errors).toEqual([]);
  });

  it('decodes multipart edits into payload_json plus files, and records follow-ups', async () => {
    const interaction = fake.dispatchInteraction(chatInputInteraction({ name: 'upload' }));

    const edit = await fake.waitForCall(callTo.editOriginal(interaction));
    const followUp = await fake.waitForCall(callTo.followUp(interaction));

    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.body).toMatchObject({ content: 'file', attachments: [{ id: '0' }] });
    expect(edit.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([['files[0]', 'answer.txt', 'hello']]);
    expect(fake.originalMessage(interaction)?.attachments.map((a) => a.filename)).toEqual(['answer.txt']);
    expect(followUp.query).toEqual({ wait: 'true' });
    expect(fake.followUps(interaction).map((m) => m.content)).toEqual(['more']);
    expect(errors).toEqual([]);
  });

  it('serves registered attachments so a handler can download an attachment option', async () => {
    fake.addAttachment('notes.txt', Buffer.from('tea is a drink'), 'text/plain');
    const interaction = fake.dispatchInteraction(chatInputInteraction({ name: 'read', attachments: { file: fake.attachment('notes.txt') } }));

    await fake.waitForCall(callTo.editOriginal(interaction));

    expect(fake.findCalls(callTo.route('GET', '/attachments/notes.txt'))).toHaveLength(1);
    expect(fake.originalMessage(interaction)?.content).toBe('read notes.txt: tea is a drink');
    expect(errors).toEqual([]);
  });

  it('delivers message context-menu commands and button presses', async () => {
    const target = apiMessage({ content: 'Tea is an aromatic beverage.' });
    const menu = fake.dispatchInteraction(messageContextMenuInteraction({ name: 'Quote', target }));
    const button = fake.dispatchInteraction(buttonInteraction({ customId: 'feedback:up' }));

    const menuCallback = await fake.waitForCall(callTo.callback(menu));
    const buttonCallback = await fake.waitForCall(callTo.callback(button));

    expect(menuCallback.body).toMatchObject({ type: 4, data: { content: 'quoted: Tea is an aromatic beverage.' } });
    expect(buttonCallback.body).toMatchObject({ type: 7, data: { content: 'pressed feedback:up', components: [] } });
    expect(fake.originalMessage(button)?.content).toBe('pressed feedback:up');
    expect(errors).toEqual([]);
  });

  it('lets a test force a Discord error such as an expired interaction (10062)', async () => {
    const interaction = chatInputInteraction({ name: 'defer' });
    fake.intercept(callTo.callback(interaction), { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    fake.dispatchInteraction(interaction);

    await fake.waitForCall(callTo.callback(interaction));
    await expect.poll(() => errors.length).toBe(1);

    expect(errors[0]).toBeInstanceOf(DiscordAPIError);
    expect((errors[0] as DiscordAPIError).code).toBe(10062);
    errors.length = 0;
  });

  it('accepts application command registration and echoes the commands with ids', async () => {
    const commands = await client.application?.commands.set([{ name: 'ask', description: 'Ask the corpus' }]);

    expect(commands?.first()?.name).toBe('ask');
    expect(fake.findCalls(callTo.route('PUT', `/applications/${fake.applicationId}/commands`))).toHaveLength(1);
    expect(fake.registeredCommands()).toMatchObject([{ name: 'ask', description: 'Ask the corpus', application_id: fake.applicationId }]);
  });

  it('builds member permissions with and without Manage Guild', () => {
    expect(BigInt(memberPermissions({ manageGuild: true })) & (1n << 5n)).toBe(1n << 5n);
    expect(BigInt(memberPermissions()) & (1n << 5n)).toBe(0n);
  });

  it('never puts the token anywhere but the Authorization header of authenticated calls', () => {
    const calls = fake.calls;
    expect(calls.length).toBeGreaterThan(5);
    for (const call of calls) {
      const { authorization, ...otherHeaders } = call.headers;
      const visible = JSON.stringify([call.path, call.query, call.body, otherHeaders]) + call.files.map((f) => f.data).join('');
      expect(visible).not.toContain(TOKEN);
      if (call.route.startsWith('/interactions/') || call.route.startsWith('/webhooks/')) expect(authorization).toBeUndefined();
    }
  });

  // Last on purpose: it tears down what the other tests use (afterAll's second destroy/close is a no-op).
  it('leaves no sockets or timers behind after client.destroy() and fake.close()', async () => {
    await client.destroy();
    await fake.close();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const after = countHandles();
    expect(after.TCPSocketWrap ?? 0).toBe(baseline.TCPSocketWrap ?? 0);
    expect(after.TCPServerWrap ?? 0).toBe(baseline.TCPServerWrap ?? 0);
    // vitest's own hook/test timeout timers come and go, so timers may only not grow.
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(baseline.Timeout ?? 0);
  });
});
