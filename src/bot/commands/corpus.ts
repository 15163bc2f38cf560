import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { assertDocumentFileName } from '../../corpus/documentFileName.js';
import { UserError } from '../../errors.js';
import { documentChoices } from '../autocompleteChoices.js';
import type { BotContext } from '../BotContext.js';
import type { Actor } from '../ChangeJournal.js';
import { downloadAttachment } from '../downloadAttachment.js';
import { renderCorpusChange, renderDocumentList } from '../render/renderCorpusMessages.js';
import { ephemeral, requireCorpusGuild, requireModerator } from '../replies.js';

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('Moderators: list, add or remove corpus documents')
  // Hidden from members by default; server admins may change this, so handlers check again.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('list').setDescription('List the documents in the corpus'))
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add a .txt or .md document, or a Wikipedia article, and rebuild the index')
      .addAttachmentOption((o) => o.setName('file').setDescription('A UTF-8 .txt or .md file'))
      .addStringOption((o) => o.setName('url').setDescription('A Wikipedia article URL, any language').setMaxLength(500))
      .addStringOption((o) => o.setName('title').setDescription('Title to show for an uploaded file').setMaxLength(200)),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove a document and rebuild the index')
      .addStringOption((o) => o.setName('doc').setDescription('Document').setRequired(true).setAutocomplete(true)),
  );

/**
 * /corpus: moderators only; replies are ephemeral. `list` works in any server (it shows what /cite's
 * autocomplete shows everyone); every other subcommand changes the corpus and works only in the
 * servers of `CORPUS_GUILD_IDS`. add and remove defer: a rebuild may take a while.
 */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireModerator(interaction, ctx);
  const subcommand = interaction.options.getSubcommand(true);
  if (subcommand === 'list') {
    await interaction.reply(ephemeral(renderDocumentList(ctx.liveIndex.answerer.listDocuments())));
    return;
  }
  const guild = requireCorpusGuild(interaction.guildId, ctx.corpusGuildIds);
  const actor: Actor = { id: interaction.user.id, name: interaction.user.username, guild };
  switch (subcommand) {
    case 'add': {
      const file = interaction.options.getAttachment('file');
      const url = interaction.options.getString('url');
      if ((file === null) === (url === null)) {
        throw new UserError('bad_option', 'corpus: give either file: (a .txt or .md upload) or url: (a Wikipedia article URL), not both');
      }
      if (url !== null) {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const article = await ctx.importArticle(url);
        const change = await ctx.corpus.add({ fileName: article.fileName, bytes: Buffer.from(article.text, 'utf8'), actor });
        await interaction.editReply(renderCorpusChange('Imported', change.doc, change.build));
        return;
      }
      assertDocumentFileName(file!.name);
      if (file!.size > ctx.maxUploadBytes) throw tooLarge(file!.name, file!.size, ctx.maxUploadBytes);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const bytes = await downloadAttachment(file!.url, ctx.maxUploadBytes, file!.name);
      const title = interaction.options.getString('title') ?? undefined;
      const change = await ctx.corpus.add({ fileName: file!.name, bytes, title, actor });
      await interaction.editReply(renderCorpusChange('Added', change.doc, change.build));
      return;
    }
    case 'remove': {
      const docId = interaction.options.getString('doc', true);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const change = await ctx.corpus.remove(docId, actor);
      await interaction.editReply(renderCorpusChange('Removed', change.doc, change.build));
      return;
    }
    default:
      throw new Error(`corpus: unknown subcommand ${interaction.options.getSubcommand()}`);
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number option's partial input may arrive as a number whatever the typings say
  await interaction.respond(documentChoices(ctx.liveIndex.answerer.listDocuments(), String(interaction.options.getFocused())));
}

export function tooLarge(name: string, size: number, max: number): UserError {
  return new UserError('too_large', `corpus: "${name}" is ${size} bytes; the limit is ${max} bytes (MAX_UPLOAD_BYTES)`);
}
