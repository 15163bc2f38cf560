import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** A rendered reply, ready for `reply`, `editReply` or `followUp` (flags are the caller's). */
export interface BotMessage {
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always `{ parse: [] }`: nothing the bot sends may ping. */
  readonly allowedMentions: { parse: [] };
}

/** A plain text message, cut to Discord's content limit. */
export function textMessage(content: string): BotMessage {
  return { content: content.slice(0, 2000), embeds: [], components: [], allowedMentions: { parse: [] } };
}
