const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * The line of a WordNet dict file (lines sorted by their first, space-separated field, compared as
 * latin1 bytes) whose first field is `key`, without its line break; binary search. undefined if none.
 */
export function findSortedLine(buf: Buffer, key: string): string | undefined {
  const needle = Buffer.from(key, 'latin1');
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    // lo is always a line start, so the line holding mid starts at or after lo.
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : buf.lastIndexOf(NEWLINE, mid - 1) + 1;
    let end = buf.indexOf(NEWLINE, start);
    if (end < 0) end = buf.length;
    let space = buf.indexOf(SPACE, start);
    if (space < 0 || space > end) space = end;
    // License lines begin with a space: their empty first field sorts before every lemma.
    const cmp = needle.compare(buf, start, space);
    if (cmp === 0) return buf.toString('latin1', start, end).trimEnd();
    if (cmp > 0) lo = end + 1;
    else hi = start;
  }
  return undefined;
}
