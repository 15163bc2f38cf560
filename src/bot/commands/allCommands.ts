import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import * as ask from './ask.js';
import * as cite from './cite.js';
import * as corpus from './corpus.js';
import * as findSources from './findSources.js';

/** Slash commands by name. */
export const chatCommands = { ask, cite, corpus } as const;
/** Message context-menu commands by name. */
export const messageCommands = { [findSources.data.name]: findSources } as const;

/**
 * Where each command is registered: `answers` where the bot answers (`DISCORD_GUILD_ID`, else every
 * server), `corpus` only in the servers allowed to change the corpus (`CORPUS_GUILD_IDS`).
 */
export type CommandAudience = 'answers' | 'corpus';

/** Every command's registration payload with its audience, in registration order. */
export function commandPayloads(): { audience: CommandAudience; payload: RESTPostAPIApplicationCommandsJSONBody }[] {
  const commands: [CommandAudience, { toJSON(): RESTPostAPIApplicationCommandsJSONBody }][] = [
    ['answers', ask.data],
    ['answers', cite.data],
    ['corpus', corpus.data],
    ['answers', findSources.data],
  ];
  return commands.map(([audience, data]) => ({ audience, payload: data.toJSON() }));
}
