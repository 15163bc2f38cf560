import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { UserError } from '../../errors.js';
import type { Actor } from '../../store/CorpusStore.js';
import { documentChoices } from '../autocompleteChoices.js';
import type { BotContext } from '../BotContext.js';
import { checkUpload, gaps, history, rollback, update } from '../corpusSubcommands.js';
import { downloadAttachment } from '../downloadAttachment.js';
import { renderCorpusChange, renderDocumentList } from '../render/renderCorpusMessages.js';
import { ephemeral, requireCorpusGuild, requireModerator } from '../replies.js';

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('Moderators: list, add, update, roll back or remove corpus documents; see what it lacks')
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
      .setName('update')
      .setDescription('New version of a document, after a preview; with no file or url, its latest Wikipedia revision')
      .addStringOption((o) => o.setName('doc').setDescription('Document').setRequired(true).setAutocomplete(true))
      .addAttachmentOption((o) => o.setName('file').setDescription('The new version: a UTF-8 .txt or .md file'))
      .addStringOption((o) => o.setName('url').setDescription('A Wikipedia article URL to take the new version from').setMaxLength(500)),
  )
  .addSubcommand((s) =>
    s
      .setName('history')
      .setDescription('List the versions of a document, newest first')
      .addStringOption((o) => o.setName('doc').setDescription('Document').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('rollback')
      .setDescription('Restore an earlier version of a document, after a preview')
      .addStringOption((o) => o.setName('doc').setDescription('Document').setRequired(true).setAutocomplete(true))
      .addIntegerOption((o) => o.setName('version').setDescription('Version number, from /corpus history').setRequired(true).setMinValue(1)),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove a document and rebuild the index')
      .addStringOption((o) => o.setName('doc').setDescription('Document').setRequired(true).setAutocomplete(true)),
  )
  .addSubcommand((s) => s.setName('gaps').setDescription("This server's most declined questions and most down-voted passages, last 30 days"));

/**
 * /corpus: moderators only; replies are ephemeral. `list` and `history` work in any server (they
 * show what /cite's autocomplete shows everyone), `gaps` shows the moderator's own server; every
 * other subcommand changes the corpus and works only in the servers of `CORPUS_GUILD_IDS`. add
 * and remove defer: a rebuild may take a while; update and rollback defer, then show a preview
 * whose Apply makes the change.
 */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requireModerator(interaction, ctx);
  const subcommand = interaction.options.getSubcommand(true);
  if (subcommand === 'list') {
    await interaction.reply(ephemeral(renderDocumentList(ctx.liveIndex.answerer.listDocuments())));
    return;
  }
  if (subcommand === 'history') {
    await history(interaction, ctx);
    return;
  }
  if (subcommand === 'gaps') {
    // /corpus is registered for servers only (InteractionContextType.Guild).
    await gaps(interaction, interaction.guildId!, ctx);
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
        await interaction.editReply(renderCorpusChange('Imported', change.doc, change.build, change.version));
        return;
      }
      checkUpload(file!, ctx.maxUploadBytes);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const bytes = await downloadAttachment(file!.url, ctx.maxUploadBytes, file!.name);
      const title = interaction.options.getString('title') ?? undefined;
      const change = await ctx.corpus.add({ fileName: file!.name, bytes, title, actor });
      await interaction.editReply(renderCorpusChange('Added', change.doc, change.build, change.version));
      return;
    }
    case 'remove': {
      const docId = interaction.options.getString('doc', true);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const change = await ctx.corpus.remove(docId, actor);
      await interaction.editReply(renderCorpusChange('Removed', change.doc, change.build));
      return;
    }
    case 'update':
      await update(interaction, ctx);
      return;
    case 'rollback':
      await rollback(interaction, ctx);
      return;
    default:
      throw new Error(`corpus: unknown subcommand ${interaction.options.getSubcommand()}`);
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number option's partial input may arrive as a number whatever the typings say
  await interaction.respond(documentChoices(ctx.liveIndex.answerer.listDocuments(), String(interaction.options.getFocused())));
}
