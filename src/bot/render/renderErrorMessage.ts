import { type UserError } from '../../errors.js';
import type { BotMessage } from './BotMessage.js';
import { COLOURS } from './colours.js';
import { DISCORD_LIMITS, truncate } from './discordLimits.js';
import { NO_MENTIONS } from './safeText.js';

/**
 * A refusal or failure as a red embed. The text is what people read: no error code (that stays
 * in the log and the JSON), no component prefix.
 */
export function renderErrorMessage(text: string): BotMessage {
  return {
    content: '',
    embeds: [{ color: COLOURS.error, description: truncate(text, DISCORD_LIMITS.description) }],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * A `UserError` as people read it: "cite: no footnote 99; …" → "No footnote 99; …". The code
 * and the component name a log needs are left out.
 */
export function humanText(err: UserError): string {
  const text = err.detail.replace(/^[a-z][a-z -]*: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
