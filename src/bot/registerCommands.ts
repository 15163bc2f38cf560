import { REST, Routes } from 'discord.js';
import type { Config } from '../config/config.js';
import { UserError } from '../errors.js';
import { commandPayloads } from './commands/allCommands.js';

/** Where commands were registered and how many. */
export interface Registration {
  readonly scope: 'guild' | 'global';
  readonly count: number;
}

/**
 * Replaces the application's commands: in `DISCORD_GUILD_ID` when set (visible at once), else
 * globally (may take up to an hour to show). Uses `DISCORD_API_URL` when set.
 */
export async function registerCommands(config: Config): Promise<Registration> {
  const { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: clientId, DISCORD_GUILD_ID: guildId } = config;
  if (!token || !clientId) {
    throw new UserError('bad_config', 'register-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env; see .env.example');
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const body = commandPayloads();
  await rest.put(route, { body });
  return { scope: guildId ? 'guild' : 'global', count: body.length };
}
