import { randomBytes } from 'node:crypto';
import type { Interaction, RepliableInteraction } from 'discord.js';
import { isUserError } from '../errors.js';
import type { BotContext } from './BotContext.js';
import { chatCommands, messageCommands } from './commands/allCommands.js';
import { choose } from './commands/cite.js';
import { answerFollowUp, parseFollowUpId } from './followUp.js';
import { parseCitationMenuId } from './render/renderCitationMessage.js';
import { handleAnswerButton } from './handleAnswerButton.js';
import { parseAnswerButtonId } from './render/answerButtons.js';
import { parsePreviewButtonId } from './render/renderChangePreview.js';
import { parseHistoryButtonId } from './render/renderHistoryMessage.js';
import { settlePreview, turnHistoryPage } from './corpusSubcommands.js';
import { humanText, renderErrorMessage } from './render/renderErrorMessage.js';
import { ephemeral } from './replies.js';

/**
 * The one `interactionCreate` handler: routes each interaction to its command or button and is
 * the single place errors are handled. It never throws, so one bad interaction cannot crash the bot.
 */
export function createInteractionHandler(ctx: BotContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      await route(interaction, ctx);
    } catch (err) {
      await reportError(interaction, err, ctx).catch((replyErr: unknown) =>
        ctx.logger.error('could not tell the user about an error', { interactionId: interaction.id, error: replyErr }),
      );
    }
  };
}

async function route(interaction: Interaction, ctx: BotContext): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = lookup(chatCommands, interaction.commandName);
    if (!command) throw new Error(`no handler for /${interaction.commandName}`);
    await command.execute(interaction, ctx);
  } else if (interaction.isMessageContextMenuCommand()) {
    const command = lookup(messageCommands, interaction.commandName);
    if (!command) throw new Error(`no handler for "${interaction.commandName}"`);
    await command.execute(interaction, ctx);
  } else if (interaction.isAutocomplete()) {
    const command = lookup(chatCommands, interaction.commandName);
    if (command && 'autocomplete' in command) await command.autocomplete(interaction, ctx);
    else await interaction.respond([]);
  } else if (interaction.isButton()) {
    const preview = parsePreviewButtonId(interaction.customId);
    const history = parseHistoryButtonId(interaction.customId);
    const button = parseAnswerButtonId(interaction.customId);
    if (preview) await settlePreview(interaction, preview.action, preview.previewId, ctx);
    else if (history) await turnHistoryPage(interaction, history.doc, history.before, ctx);
    else if (button) await handleAnswerButton(interaction, button, ctx);
    else throw new Error(`no handler for button ${interaction.customId}`);
  } else if (interaction.isStringSelectMenu()) {
    const n = parseCitationMenuId(interaction.customId);
    if (n === null) throw new Error(`no handler for menu ${interaction.customId}`);
    await choose(interaction, n, ctx);
  } else if (interaction.isModalSubmit()) {
    const answerId = parseFollowUpId(interaction.customId);
    if (answerId === null) throw new Error(`no handler for modal ${interaction.customId}`);
    await answerFollowUp(interaction, answerId, ctx);
  }
}

function lookup<T extends object>(table: T, name: string): T[keyof T] | undefined {
  return Object.hasOwn(table, name) ? table[name as keyof T] : undefined;
}

/** A `UserError` is shown as is; anything else is logged with a reference the user can quote. */
async function reportError(interaction: Interaction, err: unknown, ctx: BotContext): Promise<void> {
  const where = { interactionId: interaction.id, command: describe(interaction), user: interaction.user.id, guild: interaction.guildId };
  let text: string;
  if (isUserError(err)) {
    ctx.logger.info('refused', { ...where, code: err.code });
    text = humanText(err);
  } else {
    const reference = randomBytes(4).toString('hex');
    ctx.logger.error('interaction failed', { ...where, reference, error: err });
    text = `Sorry, something went wrong on my side (reference ${reference}). Please try again later.`;
  }
  if (interaction.isRepliable()) await sendEphemeral(interaction, text);
}

async function sendEphemeral(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = ephemeral(renderErrorMessage(text));
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(renderErrorMessage(text));
  } else {
    // A public "thinking…" must not turn into a public error: remove it, then reply privately.
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
    await interaction.followUp(message);
  }
}

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  if (interaction.isModalSubmit()) return `modal ${interaction.customId}`;
  if (interaction.isStringSelectMenu()) return `menu ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}
