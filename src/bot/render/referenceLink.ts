import { truncate } from './discordLimits.js';
import { safeText } from './safeText.js';

// A URL longer than this is shown as plain reference text: a link must never be cut.
const MAX_URL = 512;
// "Title" or “Title” in a formatted reference (CS1 quotes the titles of articles and pages).
const QUOTED_TITLE = /["“]([^"“”]{1,300})["”]\.?/;

/**
 * A reference for a Discord embed: with an `http`/`https` URL, `[Title](url) — the rest`
 * (the quoted title is the link; without one, the whole text is), escaped like all corpus
 * text, at most `maxText` characters of text besides the URL; otherwise the escaped text cut
 * to `maxText`. Other schemes (`javascript:`, `data:`) are never linked.
 */
export function referenceLink(text: string, url: string | undefined, maxText: number): string {
  const href = linkTarget(url);
  if (!href) return truncate(safeText(text.slice(0, maxText + 100)), maxText);
  const m = QUOTED_TITLE.exec(text);
  const title = m ? m[1]! : text;
  const rest = m ? `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim() : '';
  const label = truncate(linkLabel(title.slice(0, maxText)), Math.floor(maxText / 2));
  const tail = rest === '' ? '' : ` — ${truncate(safeText(rest.slice(0, maxText)), maxText - label.length)}`;
  return `[${label}](${href})${tail}`;
}

/** `url` as a masked-link target, or undefined unless it is a well-formed http(s) URL of sane length. */
export function linkTarget(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // Brackets and spaces would end the link early; percent-encoded, they mean the same URL.
  return parsed.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// Link text: escaped, and with brackets escaped too, which would close the label early.
function linkLabel(text: string): string {
  return safeText(text)
    .replace(/\n/g, ' ')
    .replace(/(?<!\\)([[\]])/g, '\\$1');
}
