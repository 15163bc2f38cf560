import { type AutocompleteInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../BotContext.js';
import { documentChoices, footnoteChoices } from '../autocompleteChoices.js';
import { renderCitationMessage } from '../render/renderCitationMessage.js';

export const data = new SlashCommandBuilder()
  .setName('cite')
  .setDescription('Show a footnote’s reference text and the passages that cite it')
  .addIntegerOption((o) => o.setName('number').setDescription('Footnote number').setRequired(true).setMinValue(1).setAutocomplete(true))
  .addStringOption((o) => o.setName('doc').setDescription('Document (all documents when left out)').setAutocomplete(true));

/** /cite: a lookup in the loaded index, fast enough to answer without deferring. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const n = interaction.options.getInteger('number', true);
  const doc = interaction.options.getString('doc') ?? undefined;
  await interaction.reply(renderCitationMessage(ctx.engine.service.cite(n, doc)));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const service = ctx.engine.service;
  if (focused.name === 'doc') {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number option's partial input may arrive as a number whatever the typings say
    await interaction.respond(documentChoices(service.listDocuments(), String(focused.value)));
    return;
  }
  const doc = interaction.options.getString('doc') ?? undefined;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number option's partial input may arrive as a number whatever the typings say
  await interaction.respond(footnoteChoices(service, String(focused.value), doc));
}
