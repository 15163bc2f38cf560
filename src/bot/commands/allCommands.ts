import * as ask from './ask.js';
import * as cite from './cite.js';
import * as corpus from './corpus.js';
import * as findSources from './findSources.js';

/** Slash commands by name. */
export const chatCommands = { ask, cite, corpus } as const;
/** Message context-menu commands by name. */
export const messageCommands = { [findSources.data.name]: findSources } as const;

/** Every command's registration payload, for `npm run register-commands`. */
export function commandPayloads() {
  return [ask.data, cite.data, corpus.data, findSources.data].map((d) => d.toJSON());
}
