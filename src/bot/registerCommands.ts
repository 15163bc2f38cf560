import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REST, type RESTPostAPIApplicationCommandsJSONBody, Routes } from 'discord.js';
import type { Config } from '../config/config.js';
import { UserError } from '../errors.js';
import { commandPayloads } from './commands/allCommands.js';

/** `global`, or a server id. */
export type CommandScope = string;

/** The commands now registered in one scope (empty: the scope was cleared). */
export interface ScopeRegistration {
  readonly scope: CommandScope;
  readonly names: readonly string[];
}

/** The servers commands were registered in, remembered in DATA_DIR so a later run can clear them. */
const STATE_FILE = 'registered-commands.json';

/**
 * Which commands go where. `/ask`, `/cite` and "Find sources" go to `DISCORD_GUILD_ID` when set
 * (visible at once), else globally (may take up to an hour to show); `/corpus` goes only to the
 * servers of `CORPUS_GUILD_IDS`, never globally. Every other scope that may hold our commands —
 * global, and the servers registered before (`earlier`) — gets an empty list, which removes them.
 */
export function planRegistration(config: Config, earlier: readonly string[]): Map<CommandScope, RESTPostAPIApplicationCommandsJSONBody[]> {
  const answersScope = config.DISCORD_GUILD_ID ?? 'global';
  const scopes = new Set(['global', answersScope, ...config.CORPUS_GUILD_IDS, ...earlier]);
  const commands = commandPayloads();
  const plan: ReturnType<typeof planRegistration> = new Map();
  for (const scope of scopes) {
    const wanted = commands.filter((c) => (c.audience === 'answers' ? scope === answersScope : config.CORPUS_GUILD_IDS.includes(scope)));
    plan.set(
      scope,
      wanted.map((c) => c.payload),
    );
  }
  return plan;
}

/**
 * Replaces the application's commands in every scope of `planRegistration`, so switching between
 * global and server registration, or changing the servers, leaves nothing behind. Uses
 * `DISCORD_API_URL` when set.
 */
export async function registerCommands(config: Config): Promise<ScopeRegistration[]> {
  const { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: clientId } = config;
  if (!token || !clientId) {
    throw new UserError('bad_config', 'register-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env; see .env.example');
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  const statePath = join(config.DATA_DIR, STATE_FILE);
  const earlier = readRegisteredServers(statePath);
  const plan = planRegistration(config, earlier);
  const servers = [...plan].filter(([scope, body]) => scope !== 'global' && body.length > 0).map(([scope]) => scope);
  // Remember the new servers before registering there, so a run that fails midway is cleaned up by the next.
  writeRegisteredServers(statePath, [...new Set([...earlier, ...servers])]);
  const done: ScopeRegistration[] = [];
  for (const [scope, body] of plan) {
    await rest.put(scope === 'global' ? Routes.applicationCommands(clientId) : Routes.applicationGuildCommands(clientId, scope), { body });
    done.push({ scope, names: body.map((c) => c.name) });
  }
  writeRegisteredServers(statePath, servers);
  return done;
}

function readRegisteredServers(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    const { servers } = JSON.parse(readFileSync(path, 'utf8')) as { servers?: unknown };
    return Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string' && /^\d{17,20}$/.test(s)) : [];
  } catch {
    throw new UserError(
      'bad_state',
      `register-commands: "${path}" is not valid JSON; delete it and run again (commands registered in servers no longer configured then stay)`,
    );
  }
}

function writeRegisteredServers(path: string, servers: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ servers }, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
