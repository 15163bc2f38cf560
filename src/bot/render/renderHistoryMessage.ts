import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import type { DocumentVersion, HistoryPage } from '../../store/CorpusStore.js';
import type { BotMessage } from './BotMessage.js';
import { DISCORD_LIMITS, fitEmbeds, truncate } from './discordLimits.js';
import { NO_MENTIONS, safeText } from './safeText.js';

/** Versions per page of `/corpus history`. */
export const HISTORY_PAGE = 10;

/** The custom id of a history page button: `history:<before>:<doc>` (the page of versions numbered below `before`). */
export function historyButtonId(doc: string, before: number): string {
  return `history:${before}:${doc}`;
}

/** Reads a custom id made by `historyButtonId`; null for any other id. */
export function parseHistoryButtonId(customId: string): { readonly doc: string; readonly before: number } | null {
  const m = /^history:(\d{1,9}):([\p{L}\p{N}._-]{1,100})$/u.exec(customId);
  return m ? { doc: m[2]!, before: Number(m[1]) } : null;
}

/**
 * One page of a document's versions, newest first: number, action, when (a Discord timestamp,
 * shown in each reader's time zone), who and from which server, the source and the sha256's
 * first 12 hex digits. Newer / Older turn the page in place.
 */
export function renderHistoryMessage(doc: { id: string; title: string }, page: HistoryPage, before: number): BotMessage {
  if (page.versions.length === 0) {
    return { content: `No versions of \`${doc.id}\` are recorded.`, embeds: [], components: [], allowedMentions: NO_MENTIONS };
  }
  const newest = page.versions[0]!.version;
  const oldest = page.versions.at(-1)!.version;
  const lines = page.versions.map(versionLines);
  const { embeds } = fitEmbeds([
    {
      title: `History of ${safeText(doc.title)}`,
      description: truncate(lines.join('\n\n'), DISCORD_LIMITS.description),
      footer: { text: `${doc.id}: versions ${newest}–${oldest} of ${page.total}, newest first` },
    },
  ]);
  return { content: '', embeds, components: historyButtons(doc.id, before, page), allowedMentions: NO_MENTIONS };
}

function versionLines(v: DocumentVersion): string {
  const action = v.action === 'rollback' && v.restores !== undefined ? `rollback to version ${v.restores}` : v.action;
  const server = v.actor.guild === null ? '' : ` in server ${v.actor.guild}`;
  return [
    `**Version ${v.version}** · ${action} · <t:${Math.floor(v.time.getTime() / 1000)}:f>`,
    `by ${safeText(v.actor.name)}${server} · ${describeSource(v)} · sha256 \`${v.sha256.slice(0, 12)}\``,
  ].join('\n');
}

/** `revision 123 of <url>` for an imported article, else the file name. */
export function describeSource(v: Pick<DocumentVersion, 'source'>): string {
  const { fileName, url, revisionId } = v.source;
  if (url === undefined) return `file ${safeText(fileName)}`;
  return `${revisionId === undefined ? '' : `revision ${revisionId} of `}<${url}>`;
}

/** Newer and Older, each disabled at its end; none when the document's id is too long for a custom id. */
function historyButtons(doc: string, before: number, page: HistoryPage): APIActionRowComponent<APIButtonComponent>[] {
  const newer = before + HISTORY_PAGE;
  const newerId = historyButtonId(doc, newer);
  if (newerId.length > DISCORD_LIMITS.choiceValue) return [];
  const button = (label: string, customId: string, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: customId,
    disabled,
  });
  const hasNewer = page.versions[0]!.version < page.total;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button('◀ Newer', hasNewer ? newerId : historyButtonId(doc, 0), !hasNewer),
        button('Older ▶', historyButtonId(doc, page.next ?? 1), page.next === undefined),
      ],
    },
  ];
}
