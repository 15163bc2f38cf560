import type { APIEmbed } from 'discord.js';

/**
 * The text of an error reply as people read it — the description of its one red embed — from a
 * callback body (`{ type, data }`) or a message body (`editReply`, `followUp`).
 */
export function errorText(body: unknown): string {
  const message = (body as { data?: unknown }).data ?? body;
  const embeds = (message as { embeds?: APIEmbed[] }).embeds ?? [];
  return embeds.map((e) => e.description ?? '').join('\n');
}
