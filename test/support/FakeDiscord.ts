/**
 * A fake Discord (REST + gateway) on 127.0.0.1 for driving the real discord.js client in tests; the
 * public entry. The fake lives in fakeDiscord/: the server and its REST routes, the gateway, the store of
 * interaction replies, and builders for the payloads a test dispatches.
 */
export { FakeDiscord, type FakeDiscordOptions } from './fakeDiscord/FakeDiscord.js';
export type { CallPredicate, RecordedCall, RecordedFile } from './fakeDiscord/CallLog.js';
export { callTo, type InteractionRef } from './fakeDiscord/callTo.js';
export type { RestReply } from './fakeDiscord/RestReply.js';
export {
  FAKE_APPLICATION_ID,
  FAKE_CHANNEL_ID,
  FAKE_GUILD_ID,
  FAKE_USER_ID,
  apiAttachment,
  apiMessage,
  apiUser,
  guildMember,
  memberPermissions,
  snowflake,
} from './fakeDiscord/apiObjects.js';
export {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  messageContextMenuInteraction,
  modalSubmitInteraction,
  selectInteraction,
  type AutocompleteParams,
  type ButtonParams,
  type ChatInputParams,
  type InteractionContext,
  type MessageContextMenuParams,
  type ModalSubmitParams,
  type SelectParams,
} from './fakeDiscord/interactionPayloads.js';
