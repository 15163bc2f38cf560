/** One line of a text file with its offsets; `end` excludes the line break. */
export interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Splits text into lines, keeping offsets (handles `\n` and `\r\n`). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const stop = nl === -1 ? text.length : nl;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Offsets of `line` with leading and trailing white space removed. */
export function trimmedSpan(line: Line): { start: number; end: number } {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: line.end - trail };
}
