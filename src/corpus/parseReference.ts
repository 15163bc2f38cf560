import type { Reference } from './types.js';

// `  1. ^ a b "DPRK Diplomatic Relations", National Committee on North Korea`
const WIKIPEDIA_REFERENCE = /^\s*(\d{1,4})\.\s+\^\s*(.*)$/;
// A source URL after the reference text, delimited as URLs in plain text are: `… Press. <https://…>`.
const TRAILING_URL = /\s*<(https?:\/\/[^\s<>]+)>$/;

/**
 * Parses one line of a Wikipedia reference list, or returns undefined when the line is not
 * one. The letters after `^` are backlinks (one per citation), not part of the reference; a
 * trailing `<http…>` is the source's URL.
 */
export function parseReference(line: string): Reference | undefined {
  const m = WIKIPEDIA_REFERENCE.exec(line);
  if (!m) return undefined;
  const { backlinks, rest } = splitBacklinks(m[2] ?? '');
  const url = TRAILING_URL.exec(rest.trimEnd());
  if (!url) return { n: Number(m[1]), text: rest.trim(), backlinks };
  return { n: Number(m[1]), text: rest.trimEnd().slice(0, url.index).trim(), backlinks, url: url[1]! };
}

/** The reference-list line `parseReference` reads back as `ref`. */
export function formatReference(ref: Reference): string {
  const letters = ref.backlinks > 1 ? `${Array.from({ length: ref.backlinks }, (_, i) => backlinkLabel(i)).join(' ')} ` : '';
  return `  ${ref.n}. ^ ${letters}${ref.text}${ref.url ? ` <${ref.url}>` : ''}`;
}

// Wikipedia labels backlinks a … z, then aa, ab, … (the 27th citation of one reference is "aa").
function backlinkLabel(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : String.fromCharCode(97 + Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26));
}

// Backlinks are the run `a b c …` in order; a single letter is ambiguous with prose ("a study
// of …"), and Wikipedia prints letters only for two or more citations.
function splitBacklinks(body: string): { backlinks: number; rest: string } {
  const m = /^((?:[a-z]{1,2} )+)/.exec(body);
  if (!m) return { backlinks: 1, rest: body };
  const labels = (m[1] ?? '').trim().split(' ');
  let count = 0;
  while (count < labels.length && labels[count] === backlinkLabel(count)) count++;
  if (count < 2) return { backlinks: 1, rest: body };
  const consumed = labels.slice(0, count).join(' ').length + 1;
  return { backlinks: count, rest: body.slice(consumed) };
}
