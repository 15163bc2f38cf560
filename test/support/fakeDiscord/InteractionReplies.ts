import { InteractionResponseType, MessageFlags, MessageType, type APIInteraction, type APIMessage, type APIUser } from 'discord.js';
import { FAKE_CHANNEL_ID, apiAttachment, apiMessage, snowflake } from './apiObjects.js';
import type { AttachmentStore } from './AttachmentStore.js';
import type { RecordedCall, RecordedFile } from './CallLog.js';
import type { InteractionRef } from './callTo.js';
import { restError, type RestReply } from './RestReply.js';

/** Discord's "still thinking" flag on a deferred reply; cleared by the first edit. */
const LOADING_FLAG = MessageFlags.Loading;

interface InteractionState {
  payload: APIInteraction;
  callbackType: InteractionResponseType | null;
  original: APIMessage | null;
  followUps: APIMessage[];
}

/** Body fields the fake reads from a message create/edit; discord.js sends more, which are ignored. */
interface MessageBody {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  tts?: boolean;
  attachments?: { id: string | number }[];
}

/**
 * Dispatched interactions and the messages a bot answered them with: the interaction callback, then
 * webhook follow-ups and edits, kept as Discord would return them so tests can assert on the final state.
 */
export class InteractionReplies {
  readonly #interactions = new Map<string, InteractionState>();

  constructor(
    private readonly applicationId: string,
    private readonly botUser: APIUser,
    private readonly attachments: AttachmentStore,
  ) {}

  /** Makes the interaction's callback and webhook routes answer; replaces any earlier state for its token. */
  register(payload: APIInteraction): void {
    this.#interactions.set(payload.token, { payload, callbackType: null, original: null, followUps: [] });
  }

  /** The current state of an interaction's original response, or null if none exists yet. */
  original(interaction: InteractionRef): APIMessage | null {
    return this.#interactions.get(interaction.token)?.original ?? null;
  }

  /** Follow-up messages of an interaction, oldest first, as last edited. */
  followUps(interaction: InteractionRef): APIMessage[] {
    return [...(this.#interactions.get(interaction.token)?.followUps ?? [])];
  }

  /** `POST /interactions/:id/:token/callback`. */
  callback(call: RecordedCall, id: string, token: string): RestReply {
    const state = this.#interactions.get(token);
    if (state?.payload.id !== id) return restError(404, 'Unknown interaction', 10062);
    if (state.callbackType !== null) return restError(400, 'Interaction has already been acknowledged.', 40060);
    const { type, data } = (call.body ?? {}) as { type?: InteractionResponseType; data?: MessageBody };
    if (type === undefined) return restError(400, 'Invalid Form Body', 50035);
    state.callbackType = type;
    const componentMessage = 'message' in state.payload ? (state.payload.message ?? null) : null;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        state.original = this.#buildMessage(state, data ?? {}, call.files, null);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        state.original = this.#buildMessage(state, { content: '', flags: (data?.flags ?? 0) | LOADING_FLAG }, [], null);
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        state.original = componentMessage;
        break;
      case InteractionResponseType.UpdateMessage:
        state.original = componentMessage && this.#buildMessage(state, data ?? {}, call.files, componentMessage);
        break;
      default:
        break;
    }
    if (call.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: state.payload.type,
          response_message_id: state.original?.id,
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
          response_message_ephemeral: Boolean((state.original?.flags ?? 0) & MessageFlags.Ephemeral),
        },
        resource: state.original ? { type, message: state.original } : { type },
      },
    };
  }

  /** `POST /webhooks/:appId/:token`: a follow-up message. */
  followUp(call: RecordedCall, appId: string, token: string): RestReply {
    const state = this.#webhookState(appId, token);
    if (!state) return restError(404, 'Unknown Webhook', 10015);
    const message = this.#buildMessage(state, call.body ?? {}, call.files, null);
    state.followUps.push(message);
    return { status: 200, body: message };
  }

  /** `GET`, `PATCH` or `DELETE /webhooks/:appId/:token/messages/:messageId` (`@original` or a follow-up's id). */
  webhookMessage(call: RecordedCall, appId: string, token: string, messageId: string): RestReply {
    const state = this.#webhookState(appId, token);
    if (!state) return restError(404, 'Unknown Webhook', 10015);
    const isOriginal = messageId === '@original' || messageId === state.original?.id;
    const existing = isOriginal ? state.original : (state.followUps.find((m) => m.id === messageId) ?? null);
    if (!existing) return restError(404, 'Unknown Message', 10008);
    if (call.method === 'GET') return { status: 200, body: existing };
    if (call.method === 'DELETE') {
      if (isOriginal) state.original = null;
      else state.followUps = state.followUps.filter((m) => m !== existing);
      return { status: 204 };
    }
    const edited = this.#buildMessage(state, call.body ?? {}, call.files, existing);
    if (isOriginal) state.original = edited;
    else state.followUps = state.followUps.map((m) => (m === existing ? edited : m));
    return { status: 200, body: edited };
  }

  /** An interaction's webhook exists once its callback was answered. */
  #webhookState(appId: string, token: string): InteractionState | null {
    const state = this.#interactions.get(token);
    return appId === this.applicationId && state?.callbackType != null ? state : null;
  }

  /** Builds a message as Discord would return it: `base` (when editing) with the body's fields applied. */
  #buildMessage(state: InteractionState, body: MessageBody, files: RecordedFile[], base: APIMessage | null): APIMessage {
    const id = base?.id ?? snowflake();
    const uploaded = files.map((file) => {
      const name = `${id}/${file.filename}`;
      const url = this.attachments.add(name, file.data, file.contentType);
      return apiAttachment({ filename: file.filename, url, size: file.data.length, contentType: file.contentType });
    });
    const keptIds = new Set((body.attachments ?? []).map((a) => String(a.id)));
    const kept = body.attachments ? (base?.attachments ?? []).filter((a) => keptIds.has(a.id)) : (base?.attachments ?? []);
    const baseFlags = (base?.flags ?? 0) & ~LOADING_FLAG;
    return {
      ...(base ?? apiMessage({ id, author: this.botUser, channelId: state.payload.channel?.id ?? FAKE_CHANNEL_ID })),
      type: base?.type ?? MessageType.ChatInputCommand,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      content: body.content ?? base?.content ?? '',
      embeds: body.embeds ?? base?.embeds ?? [],
      components: body.components ?? base?.components ?? [],
      attachments: [...kept, ...uploaded],
      flags: baseFlags | (body.flags ?? 0),
      edited_timestamp: base ? new Date().toISOString() : null,
    };
  }
}
