import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { DISCORD_LIMITS } from './discordLimits.js';
import { NO_MENTIONS } from './safeText.js';

/** A rendered reply, ready for `reply`, `editReply` or `followUp` (flags are the caller's). */
export interface BotMessage {
  readonly content: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Always `NO_MENTIONS` (`{ parse: [] }`): nothing the bot sends may ping. */
  readonly allowedMentions: typeof NO_MENTIONS;
}

/** A plain text message, cut to Discord's content limit. */
export function textMessage(content: string): BotMessage {
  return { content: content.slice(0, DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}
