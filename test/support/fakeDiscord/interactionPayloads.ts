import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandGuildInteraction,
  type APIMessageComponentGuildInteraction,
  type APIModalSubmitGuildInteraction,
} from 'discord.js';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID, apiBotUser, apiMessage, guildMember, snowflake } from './apiObjects.js';

/** Where an interaction happens and who sends it; every field has a default. */
export interface InteractionContext {
  id?: string;
  token?: string;
  applicationId?: string;
  guildId?: string;
  channelId?: string;
  member?: APIInteractionGuildMember;
  appPermissions?: string;
  locale?: Locale;
}

/** An application command invocation: the command's name and, optionally, its id. */
interface CommandContext extends InteractionContext {
  name: string;
  commandId?: string;
}

const APP_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory;

/** Fields every guild interaction carries. discord.js reads `channel.id` (not channel_id) and requires
 * `entitlements` and `authorizing_integration_owners` to be present. */
function guildInteractionBase(ctx: InteractionContext) {
  const guildId = ctx.guildId ?? FAKE_GUILD_ID;
  const channelId = ctx.channelId ?? FAKE_CHANNEL_ID;
  return {
    id: ctx.id ?? snowflake(),
    application_id: ctx.applicationId ?? FAKE_APPLICATION_ID,
    token: ctx.token ?? `fake-interaction-token.${randomBytes(24).toString('base64url')}`,
    version: 1 as const,
    guild_id: guildId,
    guild: { id: guildId, features: [], locale: Locale.EnglishUS },
    channel_id: channelId,
    channel: { id: channelId, type: ChannelType.GuildText as const, guild_id: guildId, name: 'general' },
    member: ctx.member ?? guildMember(),
    app_permissions: ctx.appPermissions ?? APP_PERMISSIONS.toString(),
    locale: ctx.locale ?? Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { 0: guildId },
    context: 0,
    attachment_size_limit: 26_214_400,
  };
}

/** The `data` fields every application command interaction starts with. */
function commandData<T extends ApplicationCommandType>(params: CommandContext, type: T) {
  return { id: params.commandId ?? snowflake(), name: params.name, type };
}

export interface ChatInputParams extends CommandContext {
  options?: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[];
  resolved?: APIInteractionDataResolved;
  /** Attachment options by option name; adds both the option (value = attachment id) and data.resolved.attachments. */
  attachments?: Record<string, APIAttachment>;
}

/** A `/name` slash command (type 2, data.type 1) in a guild text channel. */
export function chatInputInteraction(params: ChatInputParams): APIChatInputApplicationCommandGuildInteraction {
  const options = [...(params.options ?? [])];
  const resolved: APIInteractionDataResolved = { ...params.resolved };
  for (const [name, attachment] of Object.entries(params.attachments ?? {})) {
    options.push({ name, type: ApplicationCommandOptionType.Attachment, value: attachment.id });
    resolved.attachments = { ...resolved.attachments, [attachment.id]: attachment };
  }
  return {
    ...guildInteractionBase(params),
    type: InteractionType.ApplicationCommand,
    data: {
      ...commandData(params, ApplicationCommandType.ChatInput),
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    },
  };
}

export interface AutocompleteParams extends CommandContext {
  /** The option being typed in; sent as a string option with focused: true. */
  focused: { name: string; value: string };
  options?: APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommandAutocomplete>[];
}

/** An autocomplete request (type 4) while the user types into `focused`. */
export function autocompleteInteraction(params: AutocompleteParams): APIApplicationCommandAutocompleteGuildInteraction {
  return {
    ...guildInteractionBase(params),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      ...commandData(params, ApplicationCommandType.ChatInput),
      options: [
        ...(params.options ?? []),
        { name: params.focused.name, type: ApplicationCommandOptionType.String, value: params.focused.value, focused: true },
      ],
    },
  };
}

export interface ButtonParams extends InteractionContext {
  customId: string;
  /** The message carrying the button; defaults to a bot message with one action row holding it. */
  message?: APIMessage;
}

/** A button press (type 3, component_type 2) on a message. */
export function buttonInteraction(params: ButtonParams): APIMessageComponentGuildInteraction {
  const base = guildInteractionBase(params);
  const message =
    params.message ??
    apiMessage({
      author: apiBotUser({ id: base.application_id }),
      channelId: base.channel_id,
      content: 'Was this answer useful?',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: params.customId, label: 'Button' }],
        },
      ],
    });
  return {
    ...base,
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: params.customId, component_type: ComponentType.Button },
  };
}

export interface SelectParams extends InteractionContext {
  customId: string;
  values: string[];
  /** The message carrying the menu. */
  message: APIMessage;
}

/** A choice in a string select menu (type 3, component_type 3) on a message. */
export function selectInteraction(params: SelectParams): APIMessageComponentGuildInteraction {
  return {
    ...guildInteractionBase(params),
    type: InteractionType.MessageComponent,
    message: params.message,
    data: { custom_id: params.customId, component_type: ComponentType.StringSelect, values: params.values },
  };
}

export interface ModalSubmitParams extends InteractionContext {
  customId: string;
  /** Text input values by custom id. */
  fields: Record<string, string>;
  /** The message whose button opened the modal, when one did. */
  message?: APIMessage;
}

/** A modal submitted (type 5): one action row per text input, as Discord sends them. */
export function modalSubmitInteraction(params: ModalSubmitParams): APIModalSubmitGuildInteraction {
  return {
    ...guildInteractionBase(params),
    type: InteractionType.ModalSubmit,
    ...(params.message ? { message: params.message } : {}),
    data: {
      custom_id: params.customId,
      components: Object.entries(params.fields).map(([custom_id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id, value }],
      })),
    },
  };
}

export interface MessageContextMenuParams extends CommandContext {
  target: APIMessage;
}

/** A message context-menu command (type 2, data.type 3) with the target in data.resolved.messages. */
export function messageContextMenuInteraction(params: MessageContextMenuParams): APIMessageApplicationCommandGuildInteraction {
  return {
    ...guildInteractionBase(params),
    type: InteractionType.ApplicationCommand,
    data: {
      ...commandData(params, ApplicationCommandType.Message),
      target_id: params.target.id,
      resolved: { messages: { [params.target.id]: params.target } },
    },
  };
}
