import type { Reference } from './types.js';

// `  1. ^ a b "DPRK Diplomatic Relations", National Committee on North Korea`
const WIKIPEDIA_REFERENCE = /^\s*(\d{1,4})\.\s+\^\s*(.*)$/;

/**
 * Parses one line of a Wikipedia reference list, or returns undefined when the line is not
 * one. The letters after `^` are backlinks (one per citation), not part of the reference.
 */
export function parseReference(line: string): Reference | undefined {
  const m = WIKIPEDIA_REFERENCE.exec(line);
  if (!m) return undefined;
  const { backlinks, rest } = splitBacklinks(m[2] ?? '');
  return { n: Number(m[1]), text: rest.trim(), backlinks };
}

// Backlinks are the run `a b c …` in alphabetical order; a single letter is ambiguous
// with prose ("a study of …"), and Wikipedia prints letters only for two or more citations.
function splitBacklinks(body: string): { backlinks: number; rest: string } {
  const m = /^((?:[a-z] )+)/.exec(body);
  if (!m) return { backlinks: 1, rest: body };
  const letters = (m[1] ?? '').trim().split(' ');
  const sequential = letters.every((l, i) => l === String.fromCharCode(97 + i));
  if (letters.length < 2 || !sequential) return { backlinks: 1, rest: body };
  return { backlinks: letters.length, rest: body.slice(m[0].length) };
}
