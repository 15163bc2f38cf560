import { type APIActionRowComponent, type APIButtonComponent, type APIEmbedField, ButtonStyle, ComponentType } from 'discord.js';
import type { ChangedSentence } from '../../corpus/diffDocuments.js';
import type { ChangePreview } from '../../editing/ChangePreview.js';
import type { NoChange } from '../../editing/CorpusEditor.js';
import { describeLabel, PREVIEW_QUOTES } from '../../render/renderCorpusText.js';
import { type BotMessage, textMessage } from './BotMessage.js';
import { DISCORD_LIMITS, fitEmbeds, truncate } from './discordLimits.js';
import { NO_MENTIONS, quoteBlock, safeText } from './safeText.js';

/**
 * Longest sentence quoted in a preview, and longest list of headings, in characters: with every
 * field full the embed stays under Discord's 6000-character total.
 */
const QUOTE_CHARS = 120;
const HEADINGS_CHARS = 300;

/** What a preview button does. */
export type PreviewAction = 'apply' | 'cancel';

/** The custom id of a preview button: `change:<apply|cancel>:<preview id>`. */
export function previewButtonId(action: PreviewAction, previewId: string): string {
  return `change:${action}:${previewId}`;
}

/** Reads a custom id made by `previewButtonId`; null for any other id. */
export function parsePreviewButtonId(customId: string): { readonly action: PreviewAction; readonly previewId: string } | null {
  const m = /^change:(apply|cancel):([\w-]{1,64})$/.exec(customId);
  return m ? { action: m[1] as PreviewAction, previewId: m[2]! } : null;
}

/**
 * The ephemeral preview of `/corpus update` and `/corpus rollback`: what changes (counts, then the
 * first few sentences quoted), how many chunks the build will embed, and Apply / Cancel buttons
 * that expire at `expires`.
 */
export function renderChangePreview(preview: ChangePreview, previewId: string, expires: Date): BotMessage {
  const { diff, doc } = preview;
  const verb = preview.action === 'update' ? 'Update' : 'Roll back';
  const description = [
    `\`${doc.id}\`: ${describeLabel(preview.from, 'current')} → ${describeLabel(preview.to, preview.action === 'update' ? 'new' : 'restored')}`,
    '',
    `**Sections:** ${diff.sectionsAdded.length} added, ${diff.sectionsRemoved.length} removed`,
    `**Sentences:** ${diff.sentencesAdded.length} added, ${diff.sentencesRemoved.length} removed, ${diff.sentencesChanged.length} changed`,
    `**References:** ${diff.referencesAdded.length} added, ${diff.referencesRemoved.length} removed`,
    `**Chunks to re-embed:** ${preview.chunks.total} (${preview.chunks.newText} with new text)`,
    '',
    `Only you can apply this; the buttons expire <t:${Math.floor(expires.getTime() / 1000)}:R>.`,
  ].join('\n');
  const fields: APIEmbedField[] = [
    ...listField('Sections added', diff.sectionsAdded.map(safeText).join(', ')),
    ...listField('Sections removed', diff.sectionsRemoved.map(safeText).join(', ')),
    ...quotesField('Sentences changed', diff.sentencesChanged, changedQuote),
    ...quotesField('Sentences added', diff.sentencesAdded, quote),
    ...quotesField('Sentences removed', diff.sentencesRemoved, quote),
    ...quotesField('References added', diff.referencesAdded, quote),
    ...quotesField('References removed', diff.referencesRemoved, quote),
  ];
  const { embeds } = fitEmbeds([{ title: `${verb} ${safeText(doc.title)}: preview`, description, fields }]);
  return { content: '', embeds, components: [previewButtons(previewId)], allowedMentions: NO_MENTIONS };
}

/** Apply (green) and Cancel. */
function previewButtons(previewId: string): APIActionRowComponent<APIButtonComponent> {
  const button = (action: PreviewAction, style: ButtonStyle.Success | ButtonStyle.Secondary, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    label,
    custom_id: previewButtonId(action, previewId),
  });
  return { type: ComponentType.ActionRow, components: [button('apply', ButtonStyle.Success, 'Apply'), button('cancel', ButtonStyle.Secondary, 'Cancel')] };
}

function listField(name: string, value: string): APIEmbedField[] {
  return value === '' ? [] : [{ name, value: truncate(value, HEADINGS_CHARS) }];
}

/** The first `PREVIEW_QUOTES` items quoted, then how many more; none when the list is empty. */
function quotesField<T>(name: string, items: readonly T[], show: (item: T) => string): APIEmbedField[] {
  if (items.length === 0) return [];
  const more = items.length - PREVIEW_QUOTES;
  const value = [...items.slice(0, PREVIEW_QUOTES).map(show), ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
  return [{ name: `${name} (${items.length})`, value: truncate(value, DISCORD_LIMITS.fieldValue) }];
}

function quote(text: string): string {
  return quoteBlock(truncate(text, QUOTE_CHARS));
}

function changedQuote({ before, after }: ChangedSentence): string {
  return `${quote(before)}\n→\n${quote(after)}`;
}

/** "Nothing changed": the document already holds that revision or content. */
export function renderNoChange({ doc, at }: NoChange): BotMessage {
  return textMessage(`Nothing changed: **${safeText(doc.title)}** (\`${doc.id}\`) is already at ${describeLabel(at, 'this content')}.`);
}
