import { type ChatInputCommandInteraction, type Interaction, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../errors.js';
import type { BotContext } from './BotContext.js';
import type { BotMessage } from './render/BotMessage.js';

/** `message` as an ephemeral reply (only the user who asked sees it). */
export function ephemeral(message: BotMessage): BotMessage & { flags: MessageFlags.Ephemeral } {
  return { ...message, flags: MessageFlags.Ephemeral };
}

/**
 * Throws `rate_limited` (shown to the user) when they asked too often; records the use otherwise.
 * The time to try again is a Discord relative timestamp, which each reader's client counts down.
 */
export function checkAskLimit(ctx: BotContext, userId: string, now: number = Date.now()): void {
  const wait = ctx.askLimiter.take(userId);
  if (wait > 0) {
    throw new UserError('rate_limited', `you are asking faster than I can keep up with; you can ask again <t:${Math.ceil(now / 1000) + wait}:R>`);
  }
}

/**
 * Moderators: members with Manage Server, or with the configured moderator role. Checked at run
 * time because server admins can override a command's default permission for anyone.
 */
export function isModerator(interaction: Interaction, moderatorRoleId: string | undefined): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!moderatorRoleId || !interaction.member) return false;
  // Without the guild cached, discord.js hands us the raw member: roles is a list of ids.
  const roles = interaction.member.roles;
  return Array.isArray(roles) ? roles.includes(moderatorRoleId) : roles.cache.has(moderatorRoleId);
}

/** Throws `not_moderator` unless the user may change the corpus. */
export function requireModerator(interaction: ChatInputCommandInteraction, ctx: BotContext): void {
  if (!isModerator(interaction, ctx.moderatorRoleId)) {
    throw new UserError('not_moderator', 'corpus: only moderators (Manage Server, or the moderator role) can use /corpus; ask one of them for the change');
  }
}

/**
 * Throws `corpus_changes_off` or `wrong_server` unless the interaction comes from a server allowed to
 * change the corpus (`CORPUS_GUILD_IDS`). Every server is answered from the one corpus, so a
 * moderator of any other server — anyone who invites the bot — must not change it. Checked at run
 * time: command registration only hides /corpus, and an old global registration may linger.
 * Returns the server id, for the audit log.
 */
export function requireCorpusGuild(guildId: string | null, corpusGuildIds: readonly string[]): string {
  if (corpusGuildIds.length === 0) {
    throw new UserError(
      'corpus_changes_off',
      'corpus: changes from Discord are turned off; set CORPUS_GUILD_IDS (or DISCORD_GUILD_ID) in .env to the servers allowed to change the corpus, then restart the bot',
    );
  }
  if (guildId === null || !corpusGuildIds.includes(guildId)) {
    throw new UserError('wrong_server', 'corpus: this server may not change the corpus; ask the bot’s operator, or use /corpus in the corpus’s home server');
  }
  return guildId;
}
