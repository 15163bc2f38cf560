import { escapeMarkdown } from 'discord.js';

/** Lines that look empty: only spaces or invisible characters (zero-width spaces and joiners, BOM). */
const BLANK_LINE = /^[\s\u200b-\u200d\u2060\ufeff]*$/;
/** Line starts escapeMarkdown leaves: block quotes (`>`, `>>>`) and subtext (`-#`), after any indent. */
const QUOTE_OR_SUBTEXT = /^(\s*)(>|-#)/;

/**
 * The one escaping function for untrusted text — questions, messages "Find sources" reposts,
 * and corpus text: quotes, titles, section headings, reference text — wherever a renderer puts it
 * (content, embed title, description, field). It makes the text inert for Discord:
 * - inline markdown escaped, and every line start that would format the line (`#` headings,
 *   `>`/`>>>` quotes, `-#` subtext, `-`/`*`/`1.` lists), on every line, not only the first;
 * - runs of blank lines (also lines of invisible characters) cut to one blank line;
 * - masked links broken (every `](`, as escapeMarkdown's maskedLink escapes only the first);
 * - mentions broken with a zero-width space, so `@everyone` or `<@123>` shows as typed.
 * `allowedMentions: { parse: [] }` is still set on every message; this keeps the text readable too.
 */
export function safeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .split('\n')
    .filter((line, i, lines) => !(BLANK_LINE.test(line) && i > 0 && BLANK_LINE.test(lines[i - 1]!)))
    .map((line) => (BLANK_LINE.test(line) ? '' : line.replace(QUOTE_OR_SUBTEXT, '$1\\$2')))
    .join('\n');
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
