import { ApplicationCommandType, type APIUser } from 'discord.js';
import { snowflake } from './apiObjects.js';
import type { RecordedCall } from './CallLog.js';
import type { InteractionReplies } from './InteractionReplies.js';
import type { RestReply } from './RestReply.js';

/** One API route; `pattern` matches the route below `/api/v10` and its groups become `params`. */
export interface RestRoute {
  method: string;
  pattern: RegExp;
  /** Needs `Authorization: Bot <token>` (interaction callbacks and webhooks do not). */
  auth: boolean;
  handle: (call: RecordedCall, params: string[]) => RestReply;
}

export interface RestRouteDeps {
  applicationId: string;
  botUser: APIUser;
  /** Read per request: the port is known only once the server listens. */
  gatewayUrl: () => string;
  /** Registered commands by scope: `global` or a guild id. `PUT` replaces a scope's list. */
  commands: Map<string, unknown[]>;
  replies: InteractionReplies;
}

/** The Discord API routes the fake answers: gateway discovery, the bot's identity, command registration, interaction replies. */
export function restRoutes(deps: RestRouteDeps): RestRoute[] {
  const { applicationId, botUser, commands, replies } = deps;
  const gatewayInfo = (): RestReply => ({
    status: 200,
    body: {
      url: deps.gatewayUrl(),
      shards: 1,
      // max_concurrency feeds discord.js's identify throttle; reset_after is how long it caches this answer.
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    },
  });
  const putCommands =
    (scope: string) =>
    (call: RecordedCall): RestReply => {
      const sent = Array.isArray(call.body) ? call.body : [];
      const stored = sent.map((command: Record<string, unknown>) => ({
        id: snowflake(),
        application_id: applicationId,
        version: snowflake(),
        type: ApplicationCommandType.ChatInput,
        default_member_permissions: null,
        ...(scope === 'global' ? {} : { guild_id: scope }),
        ...command,
      }));
      commands.set(scope, stored);
      return { status: 200, body: stored };
    };
  return [
    { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handle: gatewayInfo },
    { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: () => ({ status: 200, body: botUser }) },
    { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: () => ({ status: 200, body: application(applicationId, botUser) }) },
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
      handle: (_call, [, guildId]) => ({ status: 200, body: commands.get(guildId ?? 'global') ?? [] }),
    },
    {
      method: 'POST',
      pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      auth: false,
      handle: (call, [id, token]) => replies.callback(call, id ?? '', token ?? ''),
    },
    {
      method: 'POST',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
      auth: false,
      handle: (call, [appId, token]) => replies.followUp(call, appId ?? '', token ?? ''),
    },
    ...(['GET', 'PATCH', 'DELETE'] as const).map((method) => ({
      method,
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      auth: false,
      handle: (call: RecordedCall, [appId, token, messageId]: string[]) => replies.webhookMessage(call, appId ?? '', token ?? '', messageId ?? ''),
    })),
  ];
}

function application(id: string, bot: APIUser): Record<string, unknown> {
  return {
    id,
    name: bot.username,
    icon: null,
    description: '',
    summary: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: 'f'.repeat(64),
    team: null,
    flags: 0,
    bot,
  };
}
