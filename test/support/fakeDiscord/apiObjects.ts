import { randomInt } from 'node:crypto';
import {
  MessageType,
  PermissionFlagsBits,
  type APIAttachment,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIUser,
  type GuildMemberFlags,
} from 'discord.js';

/** Ids shared by the fake and the payload builders, so tests rarely need to pass them. */
export const FAKE_APPLICATION_ID = '1200000000000000001';
export const FAKE_GUILD_ID = '1200000000000000002';
export const FAKE_CHANNEL_ID = '1200000000000000003';
export const FAKE_USER_ID = '1200000000000000004';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A fresh snowflake for the current time (random low bits, so ids from one millisecond still differ). */
export function snowflake(at = Date.now()): string {
  return (((BigInt(at) - DISCORD_EPOCH_MS) << 22n) | BigInt(randomInt(0, 1 << 22))).toString();
}

export function apiUser(params: { id?: string; username?: string } = {}): APIUser {
  const username = params.username ?? 'reader';
  return { id: params.id ?? FAKE_USER_ID, username, discriminator: '0', global_name: username, avatar: null };
}

/** The bot's own user; modern bots share their id with their application. */
export function apiBotUser(params: { id?: string; username?: string } = {}): APIUser {
  return { ...apiUser({ id: params.id ?? FAKE_APPLICATION_ID, username: params.username ?? 'corpus-bot' }), bot: true };
}

/** What a regular member may do: view, send, embed, attach, read history, react, use commands. */
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** A member permission bitfield string, with or without Manage Guild (1 << 5). */
export function memberPermissions(options: { manageGuild?: boolean } = {}): string {
  return (options.manageGuild ? EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild : EVERYONE_PERMISSIONS).toString();
}

export function guildMember(params: { user?: APIUser; roles?: string[]; manageGuild?: boolean; permissions?: string } = {}): APIInteractionGuildMember {
  return {
    user: params.user ?? apiUser(),
    roles: params.roles ?? [],
    permissions: params.permissions ?? memberPermissions({ manageGuild: params.manageGuild }),
    nick: null,
    avatar: null,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags, // no onboarding flags set
    pending: false,
    communication_disabled_until: null,
  };
}

export function apiAttachment(params: { filename: string; url: string; size: number; contentType: string; id?: string }): APIAttachment {
  return {
    id: params.id ?? snowflake(),
    filename: params.filename,
    size: params.size,
    url: params.url,
    proxy_url: params.url,
    content_type: params.contentType,
  };
}

export function apiMessage(
  params: { id?: string; content?: string; author?: APIUser; channelId?: string; components?: APIMessage['components'] } = {},
): APIMessage {
  return {
    id: params.id ?? snowflake(),
    channel_id: params.channelId ?? FAKE_CHANNEL_ID,
    author: params.author ?? apiUser(),
    content: params.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: params.components ?? [],
    pinned: false,
    type: MessageType.Default,
  };
}
