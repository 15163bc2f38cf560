/**
 * A fake Discord (REST + gateway) on 127.0.0.1 for driving the real discord.js client in tests.
 *
 * Point a client at it with `new Client({ intents, rest: { api: fake.apiUrl } })` and `client.login(anyString)`:
 * `GET /gateway/bot` hands discord.js the fake's gateway URL, so no other option is needed.
 * Every REST call is recorded; interaction replies are kept as messages so tests can assert on the final state.
 * One file on purpose (the brief allowed one); the payload builders sit at the bottom.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandGuildInteraction,
  type APIMessageComponentGuildInteraction,
  type APIUser,
  type GatewayIdentifyData,
  type GuildMemberFlags,
} from 'discord.js';

/** Ids shared by the fake and the payload builders, so tests rarely need to pass them. */
export const FAKE_APPLICATION_ID = '1200000000000000001';
export const FAKE_GUILD_ID = '1200000000000000002';
export const FAKE_CHANNEL_ID = '1200000000000000003';
export const FAKE_USER_ID = '1200000000000000004';

const API_PREFIX = '/api/v10';
const GATEWAY_PATH = '/gateway';
/** Discord's "still thinking" flag on a deferred reply; cleared by the first edit. */
const LOADING_FLAG = MessageFlags.Loading;

/** A file part of a multipart request (discord.js sends `files[n]` parts next to `payload_json`). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One HTTP request the fake received, in arrival order. */
export interface RecordedCall {
  method: string;
  /** Full pathname as sent, e.g. `/api/v10/interactions/1/tok/callback`. */
  path: string;
  /** Decoded path below `/api/v10` (e.g. `/webhooks/1/tok/messages/@original`); the full path for non-API routes. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the parsed `payload_json` of a multipart body, raw text, or null when empty. */
  body: unknown;
  files: RecordedFile[];
  /** HTTP status the fake answered with. */
  status: number;
  /** Date.now() when the request was received. */
  at: number;
}

export type CallPredicate = (call: RecordedCall) => boolean;

/** What identifies an interaction on the wire; any built or dispatched payload satisfies it. */
export interface InteractionRef {
  id: string;
  token: string;
  application_id: string;
}

/** Predicate factories for the routes a bot uses to answer an interaction. */
export const callTo = {
  callback: (i: InteractionRef): CallPredicate => (c) =>
    c.method === 'POST' && c.route === `/interactions/${i.id}/${i.token}/callback`,
  editOriginal: (i: InteractionRef): CallPredicate => (c) =>
    c.method === 'PATCH' && c.route === `/webhooks/${i.application_id}/${i.token}/messages/@original`,
  followUp: (i: InteractionRef): CallPredicate => (c) =>
    c.method === 'POST' && c.route === `/webhooks/${i.application_id}/${i.token}`,
  editMessage: (i: InteractionRef, messageId: string): CallPredicate => (c) =>
    c.method === 'PATCH' && c.route === `/webhooks/${i.application_id}/${i.token}/messages/${messageId}`,
  route: (method: string, route: string): CallPredicate => (c) => c.method === method && c.route === route,
};

export interface FakeDiscordOptions {
  applicationId?: string;
  botUsername?: string;
  /** When set, REST calls needing auth and IDENTIFY must carry this token (401 / close 4004 otherwise). */
  token?: string;
  /** HELLO's heartbeat interval; discord.js waits interval × jitter before its first heartbeat. Default 41250. */
  heartbeatIntervalMs?: number;
}

/** A canned REST answer: status 204 (or no body) is sent empty, anything else as JSON. */
export interface RestReply {
  status: number;
  body?: unknown;
}

interface RestRoute {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle: (call: RecordedCall, params: string[]) => RestReply;
}

interface Intercept {
  predicate: CallPredicate;
  reply: RestReply;
  remaining: number;
}

interface CallWaiter {
  predicate: CallPredicate;
  count: number;
  resolve: (calls: RecordedCall[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface GatewaySession {
  socket: WebSocket;
  query: URLSearchParams;
  sequence: number;
  sessionId: string | null;
}

interface InteractionState {
  payload: APIInteraction;
  callbackType: InteractionResponseType | null;
  original: APIMessage | null;
  followUps: APIMessage[];
}

interface StoredAttachment {
  data: Buffer;
  contentType: string;
}

/** Body fields the fake reads from a message create/edit; discord.js sends more, which are ignored. */
interface MessageBody {
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  tts?: boolean;
  attachments?: Array<{ id: string | number }>;
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** Gateway payloads clients sent (IDENTIFY, heartbeats, …), in order. */
  readonly gatewayReceived: Array<{ op: number; d: unknown }> = [];
  /** Query strings of gateway connections, e.g. `{ v: '10', encoding: 'json' }`. */
  readonly gatewayConnections: Array<Record<string, string>> = [];

  readonly #options: FakeDiscordOptions;
  readonly #server: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #routes: RestRoute[];
  readonly #calls: RecordedCall[] = [];
  readonly #waiters = new Set<CallWaiter>();
  readonly #intercepts: Intercept[] = [];
  readonly #sessions = new Set<GatewaySession>();
  readonly #knownSessionIds = new Set<string>();
  readonly #interactions = new Map<string, InteractionState>();
  readonly #attachments = new Map<string, StoredAttachment>();
  readonly #commands = new Map<string, unknown[]>();
  #port = 0;
  #closed = false;

  private constructor(options: FakeDiscordOptions) {
    this.#options = options;
    this.applicationId = options.applicationId ?? FAKE_APPLICATION_ID;
    // Modern bots share their id with their application.
    this.botUser = { ...apiUser({ id: this.applicationId, username: options.botUsername ?? 'corpus-bot' }), bot: true };
    this.#routes = this.#buildRoutes();
    this.#server = createServer((req, res) => {
      // A request aborted mid-body must not become an unhandled rejection in the test process.
      this.#onRequest(req, res).catch(() => res.destroy());
    });
    this.#server.on('upgrade', (req: IncomingMessage, socket, head) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== GATEWAY_PATH) {
        socket.destroy();
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onGatewayConnection(ws, req));
    });
  }

  /** Starts REST and gateway on one ephemeral port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Value for discord.js's `rest.api` option (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}${GATEWAY_PATH}`;
  }

  /** All recorded REST calls, oldest first. */
  get calls(): readonly RecordedCall[] {
    return [...this.#calls];
  }

  findCalls(predicate: CallPredicate): RecordedCall[] {
    return this.#calls.filter(predicate);
  }

  /** Resolves with the first matching call, already recorded or yet to come; rejects after timeoutMs. */
  async waitForCall(predicate: CallPredicate, timeoutMs = 2000): Promise<RecordedCall> {
    const [first] = await this.waitForCalls(predicate, 1, timeoutMs);
    return first as RecordedCall;
  }

  /** Resolves once `count` matching calls are recorded (the first `count`, oldest first). */
  waitForCalls(predicate: CallPredicate, count: number, timeoutMs = 2000): Promise<RecordedCall[]> {
    const matched = this.#calls.filter(predicate);
    if (matched.length >= count) return Promise.resolve(matched.slice(0, count));
    return new Promise((resolve, reject) => {
      const waiter: CallWaiter = {
        predicate,
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(new Error(`FakeDiscord: ${count} matching REST call(s) not seen within ${timeoutMs} ms; got:\n${this.#describeCalls()}`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Answers the next `times` calls matching `predicate` with `reply` instead of the normal route (e.g. 404 code 10062). */
  intercept(predicate: CallPredicate, reply: RestReply, times = 1): void {
    this.#intercepts.push({ predicate, reply, remaining: times });
  }

  /** Serves `data` at `GET /attachments/<name>` and returns its URL. */
  addAttachment(name: string, data: Buffer, contentType: string): string {
    this.#attachments.set(name, { data, contentType });
    return `${this.baseUrl}/attachments/${encodeURIComponent(name)}`;
  }

  /** The attachment object Discord would put in `data.resolved.attachments` for a file added with addAttachment. */
  attachment(name: string): APIAttachment {
    const stored = this.#attachments.get(name);
    if (!stored) throw new Error(`FakeDiscord: attachment "${name}" was never added`);
    const url = `${this.baseUrl}/attachments/${encodeURIComponent(name)}`;
    return apiAttachment({ filename: name, url, size: stored.data.length, contentType: stored.contentType });
  }

  /** Commands registered with `PUT /applications/:id/commands` (or the guild route when guildId is given). */
  registeredCommands(guildId?: string): unknown[] {
    return this.#commands.get(guildId ?? 'global') ?? [];
  }

  /** The current state of an interaction's original response, or null if none exists yet. */
  originalMessage(interaction: InteractionRef): APIMessage | null {
    return this.#interactions.get(interaction.token)?.original ?? null;
  }

  /** Follow-up messages of an interaction, oldest first, as last edited. */
  followUps(interaction: InteractionRef): APIMessage[] {
    return [...(this.#interactions.get(interaction.token)?.followUps ?? [])];
  }

  /** IDENTIFY payloads received, oldest first. */
  get identifies(): GatewayIdentifyData[] {
    return this.gatewayReceived.filter((p) => p.op === GatewayOpcodes.Identify).map((p) => p.d as GatewayIdentifyData);
  }

  /**
   * Sends a dispatch (op 0) to every identified gateway session, each with its own next sequence number.
   * Throws when no client has identified yet: wait for the client's `clientReady` first.
   */
  dispatch(event: string, data: unknown): void {
    const ready = [...this.#sessions].filter((s) => s.sessionId !== null);
    if (ready.length === 0) throw new Error(`FakeDiscord: cannot dispatch ${event}; no client has identified yet`);
    for (const session of ready) this.#send(session, { op: GatewayOpcodes.Dispatch, t: event, s: ++session.sequence, d: data });
  }

  /** Registers the interaction (so its callback and webhook routes work) and dispatches INTERACTION_CREATE. */
  dispatchInteraction<T extends APIInteraction>(payload: T): T {
    this.#interactions.set(payload.token, { payload, callbackType: null, original: null, followUps: [] });
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return payload;
  }

  /** Closes sockets and servers; pending waitForCall promises reject. Call client.destroy() first. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('FakeDiscord: closed while waiting for a REST call'));
    }
    this.#waiters.clear();
    for (const session of this.#sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.#server.close((err) => (err ? reject(err) : resolve())));
  }

  // ---- REST ----

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readAll(req);
    let decoded: { body: unknown; files: RecordedFile[] } | null = null;
    try {
      decoded = await decodeBody(raw, req.headers['content-type']);
    } catch {
      decoded = null;
    }
    const path = url.pathname;
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      // Decoded: discord.js sends `@original` as `%40original`.
      route: decodeURIComponent(path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: decoded ? decoded.body : raw.toString('utf8'),
      files: decoded?.files ?? [],
      status: 0,
      at,
    };
    let reply: RestReply;
    try {
      reply = decoded
        ? (this.#takeIntercept(call) ?? this.#route(call))
        : { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
    } catch (error) {
      reply = { status: 500, body: { message: `FakeDiscord: ${(error as Error).message}`, code: 0 } };
    }
    call.status = reply.status;
    this.#record(call);
    writeReply(res, reply);
  }

  #takeIntercept(call: RecordedCall): RestReply | null {
    const hit = this.#intercepts.find((i) => i.remaining > 0 && i.predicate(call));
    if (!hit) return null;
    hit.remaining -= 1;
    return hit.reply;
  }

  #route(call: RecordedCall): RestReply {
    const attachment = /^\/attachments\/(.+)$/.exec(call.route);
    if (attachment && call.method === 'GET') return this.#serveAttachment(attachment[1] ?? '');
    if (call.path.startsWith(`${API_PREFIX}/`)) {
      for (const route of this.#routes) {
        const match = route.method === call.method ? route.pattern.exec(call.route) : null;
        if (!match) continue;
        if (route.auth && !this.#authorized(call)) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
        return route.handle(call, match.slice(1));
      }
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  #authorized(call: RecordedCall): boolean {
    const header = call.headers.authorization;
    if (!header?.startsWith('Bot ')) return false;
    return this.#options.token === undefined || header === `Bot ${this.#options.token}`;
  }

  #record(call: RecordedCall): void {
    this.#calls.push(call);
    for (const waiter of [...this.#waiters]) {
      const matched = this.#calls.filter(waiter.predicate);
      if (matched.length < waiter.count) continue;
      clearTimeout(waiter.timer);
      this.#waiters.delete(waiter);
      waiter.resolve(matched.slice(0, waiter.count));
    }
  }

  #describeCalls(): string {
    if (this.#calls.length === 0) return '  (no calls)';
    return this.#calls.map((c) => `  ${c.method} ${c.route} → ${c.status}`).join('\n');
  }

  #serveAttachment(name: string): RestReply {
    const stored = this.#attachments.get(name);
    if (!stored) return { status: 404, body: { message: 'attachment not found', code: 0 } };
    return { status: 200, body: stored };
  }

  #buildRoutes(): RestRoute[] {
    const app = this.applicationId;
    const gatewayInfo = (): RestReply => ({
      status: 200,
      body: {
        url: `ws://127.0.0.1:${this.#port}${GATEWAY_PATH}`,
        shards: 1,
        // max_concurrency feeds discord.js's identify throttle; reset_after is how long it caches this answer.
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    });
    const putCommands = (scope: string) => (call: RecordedCall): RestReply => {
      const commands = Array.isArray(call.body) ? call.body : [];
      const stored = commands.map((command: Record<string, unknown>) => ({
        id: snowflake(),
        application_id: app,
        version: snowflake(),
        type: ApplicationCommandType.ChatInput,
        default_member_permissions: null,
        ...(scope === 'global' ? {} : { guild_id: scope }),
        ...command,
      }));
      this.#commands.set(scope, stored);
      return { status: 200, body: stored };
    };
    return [
      { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handle: gatewayInfo },
      { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: () => ({ status: 200, body: this.botUser }) },
      { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: () => ({ status: 200, body: this.#application() }) },
      { method: 'PUT', pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handle: putCommands('global') },
      {
        method: 'PUT',
        pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        auth: true,
        handle: (call, [, guildId]) => putCommands(guildId ?? '')(call),
      },
      {
        method: 'GET',
        pattern: /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/,
        auth: true,
        handle: (_call, [, guildId]) => ({ status: 200, body: this.registeredCommands(guildId) }),
      },
      {
        method: 'POST',
        pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
        auth: false,
        handle: (call, [id, token]) => this.#callback(call, id ?? '', token ?? ''),
      },
      {
        method: 'POST',
        pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
        auth: false,
        handle: (call, [appId, token]) => this.#followUp(call, appId ?? '', token ?? ''),
      },
      ...(['GET', 'PATCH', 'DELETE'] as const).map((method) => ({
        method,
        pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
        auth: false,
        handle: (call: RecordedCall, [appId, token, messageId]: string[]) =>
          this.#webhookMessage(call, appId ?? '', token ?? '', messageId ?? ''),
      })),
    ];
  }

  #application(): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: 'f'.repeat(64),
      team: null,
      flags: 0,
      bot: this.botUser,
    };
  }

  #callback(call: RecordedCall, id: string, token: string): RestReply {
    const state = this.#interactions.get(token);
    if (!state || state.payload.id !== id) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    if (state.callbackType !== null) {
      return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    }
    const { type, data } = (call.body ?? {}) as { type?: InteractionResponseType; data?: MessageBody };
    if (type === undefined) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
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

  #webhookState(appId: string, token: string): InteractionState | null {
    const state = this.#interactions.get(token);
    return appId === this.applicationId && state?.callbackType != null ? state : null;
  }

  #followUp(call: RecordedCall, appId: string, token: string): RestReply {
    const state = this.#webhookState(appId, token);
    if (!state) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    const message = this.#buildMessage(state, (call.body ?? {}) as MessageBody, call.files, null);
    state.followUps.push(message);
    return { status: 200, body: message };
  }

  #webhookMessage(call: RecordedCall, appId: string, token: string, messageId: string): RestReply {
    const state = this.#webhookState(appId, token);
    if (!state) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    const isOriginal = messageId === '@original' || messageId === state.original?.id;
    const existing = isOriginal ? state.original : (state.followUps.find((m) => m.id === messageId) ?? null);
    if (!existing) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    if (call.method === 'GET') return { status: 200, body: existing };
    if (call.method === 'DELETE') {
      if (isOriginal) state.original = null;
      else state.followUps = state.followUps.filter((m) => m !== existing);
      return { status: 204 };
    }
    const edited = this.#buildMessage(state, (call.body ?? {}) as MessageBody, call.files, existing);
    if (isOriginal) state.original = edited;
    else state.followUps = state.followUps.map((m) => (m === existing ? edited : m));
    return { status: 200, body: edited };
  }

  /** Builds a message as Discord would return it: `base` (when editing) with the body's fields applied. */
  #buildMessage(state: InteractionState, body: MessageBody, files: RecordedFile[], base: APIMessage | null): APIMessage {
    const id = base?.id ?? snowflake();
    const uploaded = files.map((file) => {
      const name = `${id}/${file.filename}`;
      const url = this.addAttachment(name, file.data, file.contentType);
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

  // ---- gateway ----

  #onGatewayConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', this.baseUrl).searchParams;
    this.gatewayConnections.push(Object.fromEntries(query));
    const session: GatewaySession = { socket, query, sequence: 0, sessionId: null };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('message', (data) => this.#onGatewayMessage(session, data));
    const problem = gatewayQueryProblem(query);
    // 4012 is one of the codes discord.js treats as final, so a misconfigured client fails loudly instead of looping.
    if (problem) socket.close(4012, problem);
    else this.#send(session, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#options.heartbeatIntervalMs ?? 41_250 } });
  }

  #onGatewayMessage(session: GatewaySession, data: RawData): void {
    let payload: { op: number; d: unknown };
    try {
      payload = JSON.parse(rawToString(data)) as { op: number; d: unknown };
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    this.gatewayReceived.push(payload);
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#send(session, { op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        this.#identify(session, payload.d as GatewayIdentifyData);
        break;
      case GatewayOpcodes.Resume: {
        const { session_id: sessionId } = payload.d as { session_id: string };
        if (!this.#knownSessionIds.has(sessionId)) {
          this.#send(session, { op: GatewayOpcodes.InvalidSession, d: false });
          break;
        }
        session.sessionId = sessionId;
        this.#send(session, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: ++session.sequence, d: {} });
        break;
      }
      default:
        break;
    }
  }

  #identify(session: GatewaySession, identify: GatewayIdentifyData): void {
    if (this.#options.token !== undefined && identify.token !== this.#options.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    session.sessionId = randomBytes(16).toString('hex');
    this.#knownSessionIds.add(session.sessionId);
    // No guilds: discord.js only waits (up to waitGuildTimeout, 15 s) for guilds listed in READY.
    this.#send(session, {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Ready,
      s: ++session.sequence,
      d: {
        v: 10,
        user: this.botUser,
        guilds: [],
        session_id: session.sessionId,
        resume_gateway_url: this.gatewayUrl,
        shard: identify.shard ?? [0, 1],
        application: { id: this.applicationId, flags: 0 },
      },
    });
  }

  #send(session: GatewaySession, payload: { op: number; d?: unknown; s?: number | null; t?: string | null }): void {
    if (session.socket.readyState !== session.socket.OPEN) return;
    session.socket.send(JSON.stringify({ t: null, s: null, d: null, ...payload }));
  }
}

function gatewayQueryProblem(query: URLSearchParams): string | null {
  if (query.get('v') !== '10') return `FakeDiscord speaks gateway v10, got v=${query.get('v')}`;
  if (query.get('encoding') !== 'json') return `FakeDiscord only speaks encoding=json, got ${query.get('encoding')}`;
  // discord.js asks for zlib-stream only when the optional zlib-sync package is installed.
  if (query.has('compress')) return `FakeDiscord does not compress; remove zlib-sync (compress=${query.get('compress')})`;
  return null;
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function decodeBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    // undici's Response parses multipart for us; discord.js puts the JSON in payload_json and files in files[n].
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
        continue;
      }
      files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/json')) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}

function writeReply(res: ServerResponse, reply: RestReply): void {
  if (reply.status === 204 || reply.body === undefined) {
    // No body and no JSON content type, as Discord answers interaction callbacks.
    res.writeHead(reply.status).end();
    return;
  }
  if (isStoredAttachment(reply.body)) {
    res.writeHead(reply.status, { 'content-type': reply.body.contentType, 'content-length': reply.body.data.length });
    res.end(reply.body.data);
    return;
  }
  const json = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function isStoredAttachment(body: unknown): body is StoredAttachment {
  return typeof body === 'object' && body !== null && 'data' in body && Buffer.isBuffer(body.data);
}

// ---- payload builders ----

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A fresh snowflake for the current time (random low bits, so ids from one millisecond still differ). */
export function snowflake(at = Date.now()): string {
  return (((BigInt(at) - DISCORD_EPOCH_MS) << 22n) | BigInt(randomInt(0, 1 << 22))).toString();
}

export function apiUser(params: { id?: string; username?: string } = {}): APIUser {
  const username = params.username ?? 'reader';
  return { id: params.id ?? FAKE_USER_ID, username, discriminator: '0', global_name: username, avatar: null };
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

export function guildMember(
  params: { user?: APIUser; roles?: string[]; manageGuild?: boolean; permissions?: string } = {},
): APIInteractionGuildMember {
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

export interface ChatInputParams extends InteractionContext {
  name: string;
  commandId?: string;
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
      id: params.commandId ?? snowflake(),
      name: params.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    },
  };
}

export interface AutocompleteParams extends InteractionContext {
  name: string;
  commandId?: string;
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
      id: params.commandId ?? snowflake(),
      name: params.name,
      type: ApplicationCommandType.ChatInput,
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
      author: { ...apiUser({ id: base.application_id, username: 'corpus-bot' }), bot: true },
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

export interface MessageContextMenuParams extends InteractionContext {
  name: string;
  commandId?: string;
  target: APIMessage;
}

/** A message context-menu command (type 2, data.type 3) with the target in data.resolved.messages. */
export function messageContextMenuInteraction(params: MessageContextMenuParams): APIMessageApplicationCommandGuildInteraction {
  return {
    ...guildInteractionBase(params),
    type: InteractionType.ApplicationCommand,
    data: {
      id: params.commandId ?? snowflake(),
      name: params.name,
      type: ApplicationCommandType.Message,
      target_id: params.target.id,
      resolved: { messages: { [params.target.id]: params.target } },
    },
  };
}
