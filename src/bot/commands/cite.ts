import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder, type StringSelectMenuInteraction } from 'discord.js';
import { UserError } from '../../errors.js';
import type { BotContext } from '../BotContext.js';
import { documentChoices, footnoteChoices } from '../autocompleteChoices.js';
import { renderCitationChoice, renderCitationMessage } from '../render/renderCitationMessage.js';

export const data = new SlashCommandBuilder()
  .setName('cite')
  .setDescription('Show a footnote’s reference text and the passages that cite it')
  .addIntegerOption((o) => o.setName('number').setDescription('Footnote number').setRequired(true).setMinValue(1).setAutocomplete(true))
  .addStringOption((o) => o.setName('doc').setDescription('Document (all documents when left out)').setAutocomplete(true));

/**
 * /cite: a lookup in the loaded index, fast enough to answer without deferring. Footnote numbers
 * are per document: when several documents have footnote N and none was chosen, the reply is a
 * menu of those documents rather than all of them at once.
 */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const n = interaction.options.getInteger('number', true);
  const doc = interaction.options.getString('doc') ?? undefined;
  const citations = ctx.liveIndex.answerer.cite(n, doc);
  await interaction.reply(citations.length > 1 ? renderCitationChoice(n, citations) : renderCitationMessage(citations));
}

/** A document picked from the menu of a /cite reply: that document's footnote, in place of the menu. */
export async function choose(interaction: StringSelectMenuInteraction, n: number, ctx: BotContext): Promise<void> {
  const docId = interaction.values[0];
  if (docId === undefined) throw new UserError('bad_option', 'cite: pick one document from the list');
  await interaction.update(renderCitationMessage(ctx.liveIndex.answerer.cite(n, docId)));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const answerer = ctx.liveIndex.answerer;
  if (focused.name === 'doc') {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number option's partial input may arrive as a number whatever the typings say
    await interaction.respond(documentChoices(answerer.listDocuments(), String(focused.value)));
    return;
  }
  const doc = interaction.options.getString('doc') ?? undefined;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number option's partial input may arrive as a number whatever the typings say
  await interaction.respond(footnoteChoices(answerer, String(focused.value), doc));
}
