import { type Interaction, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { BotContext } from '../../src/bot/BotContext.js';
import { createInteractionHandler } from '../../src/bot/InteractionRouter.js';
import { RateLimiter } from '../../src/bot/RateLimiter.js';
import { COLOURS } from '../../src/bot/render/colours.js';
import { NO_MENTIONS } from '../../src/bot/render/safeText.js';
import type { LogContext, Logger } from '../../src/logging/Logger.js';

// The router is the one place errors are handled. These tests drive it with a stand-in for
// discord.js's /ask interaction that records each call, in order, and what it sent.

interface Sent {
  readonly call: string;
  readonly message?: unknown;
}

function askInteraction(question: string, opts: { private?: boolean; failOn?: string } = {}) {
  const sent: Sent[] = [];
  const record = async (call: string, message?: unknown): Promise<void> => {
    sent.push(message === undefined ? { call } : { call, message });
    if (opts.failOn === call) throw new Error(`${call} failed: unknown interaction`);
  };
  const interaction = {
    id: 'i-1',
    type: 2,
    commandName: 'ask',
    guildId: 'g-1',
    user: { id: 'u-1' },
    deferred: false,
    replied: false,
    ephemeral: null as boolean | null,
    options: { getString: () => question, getBoolean: () => opts.private ?? null },
    isChatInputCommand: () => true,
    isMessageContextMenuCommand: () => false,
    isAutocomplete: () => false,
    isButton: () => false,
    isStringSelectMenu: () => false,
    isModalSubmit: () => false,
    isCommand: () => true,
    isRepliable: () => true,
    async deferReply(options: { flags?: number }) {
      await record('deferReply', options);
      this.deferred = true;
      this.ephemeral = options.flags === MessageFlags.Ephemeral;
    },
    async reply(message: unknown) {
      await record('reply', message);
      this.replied = true;
    },
    editReply: (message: unknown) => record('editReply', message),
    deleteReply: () => record('deleteReply'),
    async followUp(message: unknown) {
      await record('followUp', message);
      this.replied = true;
    },
  };
  return { interaction: interaction as unknown as Interaction, sent };
}

function recordingLogger(): Logger & { lines: { level: string; message: string; context?: LogContext }[] } {
  const lines: { level: string; message: string; context?: LogContext }[] = [];
  const at =
    (level: string) =>
    (message: string, context?: LogContext): void => {
      lines.push(context === undefined ? { level, message } : { level, message, context });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A context whose answerer fails with `failure` once asked. Only what /ask reads is set. */
function contextFailingWith(failure: Error, logger: Logger): BotContext {
  const answerer = { answer: () => Promise.reject(failure) };
  return { liveIndex: { answerer }, logger, askLimiter: new RateLimiter(5, 60_000) } as unknown as BotContext;
}

const errorEmbed = (description: string) => ({
  content: '',
  embeds: [{ color: COLOURS.error, description }],
  components: [],
  allowedMentions: NO_MENTIONS,
});

describe('createInteractionHandler: errors', () => {
  it('after a public deferral, removes the public "thinking…" and tells the asker alone, with a reference it logs', async () => {
    const logger = recordingLogger();
    const failure = new Error('hnsw: search failed');
    const { interaction, sent } = askInteraction('Who patented the kettle?');
    await createInteractionHandler(contextFailingWith(failure, logger))(interaction);

    expect(sent.map((s) => s.call)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(sent[0]!.message).toEqual({});
    const reply = sent[2]!.message as ReturnType<typeof errorEmbed> & { flags: number };
    const reference = /^Sorry, something went wrong on my side \(reference ([0-9a-f]{8})\)\. Please try again later\.$/.exec(reply.embeds[0]!.description)?.[1];
    expect(reference).toBeDefined();
    expect(reply).toEqual({ ...errorEmbed(reply.embeds[0]!.description), flags: MessageFlags.Ephemeral });
    expect(logger.lines).toEqual([
      {
        level: 'error',
        message: 'interaction failed',
        context: { interactionId: 'i-1', command: 'ask', user: 'u-1', guild: 'g-1', reference, error: failure },
      },
    ]);
  });

  it('after a public deferral, shows a UserError to the asker alone, in words without its code', async () => {
    const logger = recordingLogger();
    const refusal = new UserError('index_mismatch', 'index: built with embedder hash-v1-512; run npm run build:index');
    const { interaction, sent } = askInteraction('Who patented the kettle?');
    await createInteractionHandler(contextFailingWith(refusal, logger))(interaction);

    expect(sent).toEqual([
      { call: 'deferReply', message: {} },
      { call: 'deleteReply' },
      { call: 'followUp', message: { ...errorEmbed('Built with embedder hash-v1-512; run npm run build:index'), flags: MessageFlags.Ephemeral } },
    ]);
    expect(logger.lines).toEqual([
      { level: 'info', message: 'refused', context: { interactionId: 'i-1', command: 'ask', user: 'u-1', guild: 'g-1', code: 'index_mismatch' } },
    ]);
  });

  it('after a private deferral, edits the private "thinking…" into the error', async () => {
    const refusal = new UserError('index_mismatch', 'index: built with embedder hash-v1-512; run npm run build:index');
    const { interaction, sent } = askInteraction('Who patented the kettle?', { private: true });
    await createInteractionHandler(contextFailingWith(refusal, recordingLogger()))(interaction);

    expect(sent).toEqual([
      { call: 'deferReply', message: { flags: MessageFlags.Ephemeral } },
      { call: 'editReply', message: errorEmbed('Built with embedder hash-v1-512; run npm run build:index') },
    ]);
  });

  it('before any deferral, replies privately', async () => {
    const { interaction, sent } = askInteraction('   ');
    await createInteractionHandler(contextFailingWith(new Error('not reached'), recordingLogger()))(interaction);

    expect(sent).toEqual([
      { call: 'reply', message: { ...errorEmbed('Is empty; ask something, e.g. "Does France recognise North Korea?"'), flags: MessageFlags.Ephemeral } },
    ]);
  });

  it('never throws when telling the user fails too: it logs that', async () => {
    const logger = recordingLogger();
    const { interaction, sent } = askInteraction('Who patented the kettle?', { failOn: 'deleteReply' });
    await expect(createInteractionHandler(contextFailingWith(new Error('boom'), logger))(interaction)).resolves.toBeUndefined();

    expect(sent.map((s) => s.call)).toEqual(['deferReply', 'deleteReply']);
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      ['error', 'interaction failed'],
      ['error', 'could not tell the user about an error'],
    ]);
    expect(logger.lines[1]!.context).toMatchObject({ interactionId: 'i-1', error: new Error('deleteReply failed: unknown interaction') });
  });
});
