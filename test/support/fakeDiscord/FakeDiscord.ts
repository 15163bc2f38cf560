import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, type APIAttachment, type APIInteraction, type APIMessage, type APIUser, type GatewayIdentifyData } from 'discord.js';
import { FAKE_APPLICATION_ID, apiBotUser } from './apiObjects.js';
import { AttachmentStore } from './AttachmentStore.js';
import { CallLog, type CallPredicate, type RecordedCall } from './CallLog.js';
import type { InteractionRef } from './callTo.js';
import { FakeGateway, GATEWAY_PATH } from './FakeGateway.js';
import { InteractionReplies } from './InteractionReplies.js';
import { readBody } from './readBody.js';
import { restError, writeReply, type RestReply } from './RestReply.js';
import { restRoutes, type RestRoute } from './restRoutes.js';

const API_PREFIX = '/api/v10';

export interface FakeDiscordOptions {
  applicationId?: string;
  botUsername?: string;
  /** When set, REST calls needing auth and IDENTIFY must carry this token (401 / close 4004 otherwise). */
  token?: string;
  /** HELLO's heartbeat interval; discord.js waits interval × jitter before its first heartbeat. Default 41250. */
  heartbeatIntervalMs?: number;
}

interface Intercept {
  predicate: CallPredicate;
  reply: RestReply;
  remaining: number;
}

/**
 * A fake Discord (REST + gateway) on 127.0.0.1 for driving the real discord.js client in tests.
 *
 * Point a client at it with `new Client({ intents, rest: { api: fake.apiUrl } })` and `client.login(anyString)`:
 * `GET /gateway/bot` hands discord.js the fake's gateway URL, so no other option is needed.
 * Every REST call is recorded; interaction replies are kept as messages so tests can assert on the final state.
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: APIUser;

  readonly #options: FakeDiscordOptions;
  readonly #server: Server;
  readonly #gateway: FakeGateway;
  readonly #routes: RestRoute[];
  readonly #calls = new CallLog();
  readonly #intercepts: Intercept[] = [];
  readonly #attachments = new AttachmentStore(() => this.baseUrl);
  readonly #replies: InteractionReplies;
  readonly #commands = new Map<string, unknown[]>();
  #port = 0;
  #closed = false;

  private constructor(options: FakeDiscordOptions) {
    this.#options = options;
    this.applicationId = options.applicationId ?? FAKE_APPLICATION_ID;
    this.botUser = apiBotUser({ id: this.applicationId, username: options.botUsername });
    this.#replies = new InteractionReplies(this.applicationId, this.botUser, this.#attachments);
    this.#gateway = new FakeGateway({
      applicationId: this.applicationId,
      botUser: this.botUser,
      gatewayUrl: () => this.gatewayUrl,
      token: options.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs,
    });
    this.#routes = restRoutes({
      applicationId: this.applicationId,
      botUser: this.botUser,
      gatewayUrl: () => this.gatewayUrl,
      commands: this.#commands,
      replies: this.#replies,
    });
    this.#server = createServer((req, res) => {
      // A request aborted mid-body must not become an unhandled rejection in the test process.
      this.#onRequest(req, res).catch(() => res.destroy());
    });
    this.#server.on('upgrade', (req: IncomingMessage, socket, head) => this.#gateway.handleUpgrade(req, socket, head));
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
    return this.#calls.all;
  }

  findCalls(predicate: CallPredicate): RecordedCall[] {
    return this.#calls.find(predicate);
  }

  /** Resolves with the first matching call, already recorded or yet to come; rejects after timeoutMs. */
  async waitForCall(predicate: CallPredicate, timeoutMs = 2000): Promise<RecordedCall> {
    const [first] = await this.waitForCalls(predicate, 1, timeoutMs);
    return first!;
  }

  /** Resolves once `count` matching calls are recorded (the first `count`, oldest first). */
  waitForCalls(predicate: CallPredicate, count: number, timeoutMs = 2000): Promise<RecordedCall[]> {
    return this.#calls.waitFor(predicate, count, timeoutMs);
  }

  /** Answers the next `times` calls matching `predicate` with `reply` instead of the normal route (e.g. 404 code 10062). */
  intercept(predicate: CallPredicate, reply: RestReply, times = 1): void {
    this.#intercepts.push({ predicate, reply, remaining: times });
  }

  /** Serves `data` at `GET /attachments/<name>` and returns its URL. */
  addAttachment(name: string, data: Buffer, contentType: string): string {
    return this.#attachments.add(name, data, contentType);
  }

  /** The attachment object Discord would put in `data.resolved.attachments` for a file added with addAttachment. */
  attachment(name: string): APIAttachment {
    return this.#attachments.attachment(name);
  }

  /** Commands registered with `PUT /applications/:id/commands` (or the guild route when guildId is given). */
  registeredCommands(guildId?: string): unknown[] {
    return this.#commands.get(guildId ?? 'global') ?? [];
  }

  /** The current state of an interaction's original response, or null if none exists yet. */
  originalMessage(interaction: InteractionRef): APIMessage | null {
    return this.#replies.original(interaction);
  }

  /** Follow-up messages of an interaction, oldest first, as last edited. */
  followUps(interaction: InteractionRef): APIMessage[] {
    return this.#replies.followUps(interaction);
  }

  /** Gateway payloads clients sent (IDENTIFY, heartbeats, …), in order. */
  get gatewayReceived(): { op: number; d: unknown }[] {
    return this.#gateway.received;
  }

  /** Query strings of gateway connections, e.g. `{ v: '10', encoding: 'json' }`. */
  get gatewayConnections(): Record<string, string>[] {
    return this.#gateway.connections;
  }

  /** IDENTIFY payloads received, oldest first. */
  get identifies(): GatewayIdentifyData[] {
    return this.#gateway.identifies;
  }

  /**
   * Sends a dispatch (op 0) to every identified gateway session, each with its own next sequence number.
   * Throws when no client has identified yet: wait for the client's `clientReady` first.
   */
  dispatch(event: string, data: unknown): void {
    this.#gateway.dispatch(event, data);
  }

  /** Registers the interaction (so its callback and webhook routes work) and dispatches INTERACTION_CREATE. */
  dispatchInteraction<T extends APIInteraction>(payload: T): T {
    this.#replies.register(payload);
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return payload;
  }

  /** Closes sockets and servers; pending waitForCall promises reject. Call client.destroy() first. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#calls.close();
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.#server.close((err) => (err ? reject(err) : resolve())));
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', this.baseUrl);
    const { body, files, valid } = await readBody(req);
    const path = url.pathname;
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      // Decoded: discord.js sends `@original` as `%40original`.
      route: decodeURIComponent(path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      files,
      status: 0,
      at,
    };
    let reply: RestReply;
    try {
      reply = valid ? (this.#takeIntercept(call) ?? this.#route(call)) : restError(400, 'The request body contains invalid JSON.', 50109);
    } catch (error) {
      reply = restError(500, `FakeDiscord: ${(error as Error).message}`);
    }
    call.status = reply.status;
    this.#calls.record(call);
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
    if (attachment && call.method === 'GET') {
      const stored = this.#attachments.get(attachment[1] ?? '');
      return stored ? { status: 200, body: stored } : restError(404, 'attachment not found');
    }
    if (call.path.startsWith(`${API_PREFIX}/`)) {
      for (const route of this.#routes) {
        const match = route.method === call.method ? route.pattern.exec(call.route) : null;
        if (!match) continue;
        if (route.auth && !this.#authorized(call)) return restError(401, '401: Unauthorized');
        return route.handle(call, match.slice(1));
      }
    }
    return restError(404, '404: Not Found');
  }

  #authorized(call: RecordedCall): boolean {
    const header = call.headers.authorization;
    if (!header?.startsWith('Bot ')) return false;
    return this.#options.token === undefined || header === `Bot ${this.#options.token}`;
  }
}
