import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { GatewayDispatchEvents, GatewayOpcodes, type APIUser, type GatewayIdentifyData } from 'discord.js';

/** The path the gateway's WebSocket upgrade must ask for. */
export const GATEWAY_PATH = '/gateway';

export interface FakeGatewayOptions {
  applicationId: string;
  botUser: APIUser;
  /** The URL clients resume on, sent in READY; read on each IDENTIFY (the port is known only once listening). */
  gatewayUrl: () => string;
  /** When set, IDENTIFY must carry this token (close 4004 otherwise). */
  token?: string;
  /** HELLO's heartbeat interval. Default 41250. */
  heartbeatIntervalMs?: number;
}

interface GatewaySession {
  socket: WebSocket;
  query: URLSearchParams;
  sequence: number;
  sessionId: string | null;
}

/** The WebSocket half of the fake: HELLO, heartbeats, IDENTIFY → READY, RESUME, and dispatches to identified sessions. */
export class FakeGateway {
  /** Gateway payloads clients sent (IDENTIFY, heartbeats, …), in order. */
  readonly received: { op: number; d: unknown }[] = [];
  /** Query strings of gateway connections, e.g. `{ v: '10', encoding: 'json' }`. */
  readonly connections: Record<string, string>[] = [];

  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Set<GatewaySession>();
  readonly #knownSessionIds = new Set<string>();

  constructor(private readonly options: FakeGatewayOptions) {}

  /** Takes over an HTTP upgrade to {@link GATEWAY_PATH}; destroys the socket of any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (new URL(req.url ?? '/', 'http://x').pathname !== GATEWAY_PATH) {
      socket.destroy();
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req));
  }

  /** IDENTIFY payloads received, oldest first. */
  get identifies(): GatewayIdentifyData[] {
    return this.received.filter((p) => p.op === GatewayOpcodes.Identify).map((p) => p.d as GatewayIdentifyData);
  }

  /**
   * Sends a dispatch (op 0) to every identified session, each with its own next sequence number.
   * Throws when no client has identified yet.
   */
  dispatch(event: string, data: unknown): void {
    const ready = [...this.#sessions].filter((s) => s.sessionId !== null);
    if (ready.length === 0) throw new Error(`FakeDiscord: cannot dispatch ${event}; no client has identified yet`);
    for (const session of ready) this.#send(session, { op: GatewayOpcodes.Dispatch, t: event, s: ++session.sequence, d: data });
  }

  /** Terminates every session and closes the WebSocket server. */
  async close(): Promise<void> {
    for (const session of this.#sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    this.connections.push(Object.fromEntries(query));
    const session: GatewaySession = { socket, query, sequence: 0, sessionId: null };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('message', (data) => this.#onMessage(session, data));
    const problem = gatewayQueryProblem(query);
    // 4012 is one of the codes discord.js treats as final, so a misconfigured client fails loudly instead of looping.
    if (problem) socket.close(4012, problem);
    else this.#send(session, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } });
  }

  #onMessage(session: GatewaySession, data: RawData): void {
    let payload: { op: number; d: unknown };
    try {
      payload = JSON.parse(rawToString(data)) as { op: number; d: unknown };
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    this.received.push(payload);
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
    if (this.options.token !== undefined && identify.token !== this.options.token) {
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
        user: this.options.botUser,
        guilds: [],
        session_id: session.sessionId,
        resume_gateway_url: this.options.gatewayUrl(),
        shard: identify.shard ?? [0, 1],
        application: { id: this.options.applicationId, flags: 0 },
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
