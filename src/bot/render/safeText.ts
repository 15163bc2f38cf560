import { escapeMarkdown } from 'discord.js';

/**
 * Corpus text or user text made inert for Discord: markdown escaped (including headings, lists
 * and masked links, which a quoted line could otherwise start), and mentions broken with a
 * zero-width space so `@everyone` or `<@123>` shows as typed without resolving or pinging.
 * `allowedMentions: { parse: [] }` is still set on every message; this keeps the text readable too.
 */
export function safeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true });
  // escapeMarkdown's maskedLink option escapes only the first link of a text; breaking every
  // `](` is enough to stop `[text](url)` from rendering as a link.
  return neutralizeMentions(escaped.replace(/\]\(/g, ']\\('));
}

/** `@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>` and `<t:…>` kept as plain text. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(?=[@#/]|a?:|t:)/g, '<\u200b');
}

/** Each line of `text` as a Discord block-quote line, made safe. */
export function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${safeText(line)}`)
    .join('\n');
}

/** What every bot message allows to ping: nothing. */
export const NO_MENTIONS = { parse: [] } as const;
