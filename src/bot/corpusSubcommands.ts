import { type Attachment, type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { assertDocumentFileName } from '../corpus/documentFileName.js';
import type { NoChange, PreparedChange } from '../editing/CorpusEditor.js';
import { UserError } from '../errors.js';
import type { BotContext } from './BotContext.js';
import { downloadAttachment } from './downloadAttachment.js';
import type { PendingPreviews } from './PendingPreviews.js';
import { renderChangePreview, renderNoChange, type PreviewAction } from './render/renderChangePreview.js';
import { renderCorpusChange } from './render/renderCorpusMessages.js';
import { renderGapsMessage } from './render/renderGapsMessage.js';
import { HISTORY_PAGE, renderHistoryMessage } from './render/renderHistoryMessage.js';
import { textMessage } from './render/BotMessage.js';
import { ephemeral, isModerator } from './replies.js';

/** The days `/corpus gaps` looks back over. */
export const GAPS_DAYS = 30;

/** What the update, rollback, history and gaps subcommands and their buttons need. */
export type ChangeContext = Pick<BotContext, 'importArticle' | 'maxUploadBytes' | 'corpus' | 'store' | 'previews' | 'titleOf' | 'moderatorRoleId'>;

/**
 * `/corpus update doc [file|url]`: the new version from an upload, from a Wikipedia URL, or (with
 * neither) the latest revision of the article the document was imported from. Replies with the
 * preview and Apply / Cancel, or "Nothing changed".
 */
export async function update(interaction: ChatInputCommandInteraction, ctx: ChangeContext): Promise<void> {
  const doc = interaction.options.getString('doc', true);
  const file = interaction.options.getAttachment('file');
  const url = interaction.options.getString('url');
  if (file !== null && url !== null)
    throw new UserError('bad_option', 'corpus: give file: or url:, or neither to fetch the latest revision of an imported article, not both');
  if (file !== null) checkUpload(file, ctx.maxUploadBytes);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const replacement =
    file !== null ? { fileName: file.name, bytes: await downloadAttachment(file.url, ctx.maxUploadBytes, file.name) } : await fetchArticle(doc, url, ctx);
  await replyWithPreview(interaction, await ctx.corpus.prepareUpdate(doc, replacement), ctx.previews);
}

/** `/corpus rollback doc version`: the stored version through the same preview. */
export async function rollback(interaction: ChatInputCommandInteraction, ctx: ChangeContext): Promise<void> {
  const doc = interaction.options.getString('doc', true);
  const version = interaction.options.getInteger('version', true);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await replyWithPreview(interaction, await ctx.corpus.prepareRollback(doc, version), ctx.previews);
}

/** `/corpus history doc`: the newest page of its versions. */
export async function history(interaction: ChatInputCommandInteraction, ctx: ChangeContext): Promise<void> {
  const doc = interaction.options.getString('doc', true);
  const page = await ctx.store.history(doc, { limit: HISTORY_PAGE });
  await interaction.reply(ephemeral(renderHistoryMessage({ id: doc, title: ctx.titleOf(doc) ?? doc }, page, page.total + 1)));
}

/** Newer / Older under a history page: the page of versions numbered below `before`, in place. */
export async function turnHistoryPage(interaction: ButtonInteraction, doc: string, before: number, ctx: ChangeContext): Promise<void> {
  if (!isModerator(interaction, ctx.moderatorRoleId)) throw new UserError('not_moderator', 'corpus: only moderators can page through a document’s history');
  const page = await ctx.store.history(doc, { limit: HISTORY_PAGE, before });
  await interaction.update(renderHistoryMessage({ id: doc, title: ctx.titleOf(doc) ?? doc }, page, before));
}

/** `/corpus gaps`: this server's most frequent declined questions and most down-voted passages. */
export async function gaps(interaction: ChatInputCommandInteraction, guild: string, ctx: ChangeContext): Promise<void> {
  const [found, downvoted] = await Promise.all([ctx.store.topGaps({ guild, days: GAPS_DAYS }), ctx.store.downvotedPassages({ guild, days: GAPS_DAYS })]);
  await interaction.reply(ephemeral(renderGapsMessage({ days: GAPS_DAYS, gaps: found, downvoted })));
}

/**
 * Apply or Cancel under a preview. Apply removes the buttons at once ("Applying…"), then shows the
 * outcome with the rebuild's time; Cancel says nothing changed. Only the moderator who asked may
 * press them (`PendingPreviews.take`).
 */
export async function settlePreview(interaction: ButtonInteraction, action: PreviewAction, previewId: string, ctx: ChangeContext): Promise<void> {
  const change = ctx.previews.take(previewId, interaction.user.id);
  if (action === 'cancel') {
    await interaction.update(textMessage(`Cancelled: nothing changed in \`${change.preview.doc.id}\`.`));
    return;
  }
  await interaction.update(textMessage(`Applying to \`${change.preview.doc.id}\`: rebuilding the index…`));
  const actor = { id: interaction.user.id, name: interaction.user.username, guild: interaction.guildId };
  const done = await ctx.corpus.apply(change, actor);
  await interaction.editReply(renderCorpusChange(change.preview.action === 'update' ? 'Updated' : 'Rolled back', done.doc, done.build, done.version));
}

async function replyWithPreview(interaction: ChatInputCommandInteraction, prepared: PreparedChange | NoChange, previews: PendingPreviews): Promise<void> {
  if (prepared.kind === 'unchanged') {
    await interaction.editReply(renderNoChange(prepared));
    return;
  }
  const { id, expires } = previews.add(prepared, interaction.user.id);
  await interaction.editReply(renderChangePreview(prepared.preview, id, expires));
}

/** The article at `url`, or with no URL the one the document was imported from. */
async function fetchArticle(doc: string, url: string | null, ctx: ChangeContext): Promise<{ bytes: Uint8Array }> {
  const source = url ?? (await ctx.corpus.articleUrl(doc));
  if (source === undefined) {
    throw new UserError('no_source', `corpus: "${doc}" was not imported from Wikipedia, so it has no latest revision to fetch; give file: or url:`);
  }
  const article = await ctx.importArticle(source);
  return { bytes: Buffer.from(article.text, 'utf8') };
}

/** Refuses an upload that is not a .txt or .md file, or over `MAX_UPLOAD_BYTES`, before downloading it. */
export function checkUpload(file: Attachment, maxBytes: number): void {
  assertDocumentFileName(file.name);
  if (file.size > maxBytes) throw new UserError('too_large', `corpus: "${file.name}" is ${file.size} bytes; the limit is ${maxBytes} bytes (MAX_UPLOAD_BYTES)`);
}
