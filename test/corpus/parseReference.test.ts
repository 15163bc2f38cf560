import { describe, expect, it } from 'vitest';
import { formatReference, parseReference } from '../../src/corpus/parseReference.js';
import { formatSourceLine, parseSourceLine } from '../../src/corpus/sourceLine.js';

describe('parseReference', () => {
  it('reads backlinks, the text and a trailing <URL>', () => {
    expect(parseReference('  4. ^ Charlton, Angela (3 November 2009). "France wades". Associated Press. <https://apnews.com/x?a=1&b=2>')).toEqual({
      n: 4,
      text: 'Charlton, Angela (3 November 2009). "France wades". Associated Press.',
      backlinks: 1,
      url: 'https://apnews.com/x?a=1&b=2',
    });
    expect(parseReference('  1. ^ a b "DPRK Diplomatic Relations", National Committee on North Korea')).toEqual({ n: 1, text: '"DPRK Diplomatic Relations", National Committee on North Korea', backlinks: 2 });
    expect(parseReference('  2. ^ a study of <ftp://x>')).toEqual({ n: 2, text: 'a study of <ftp://x>', backlinks: 1 });
  });

  it('reads back what formatReference writes, also past 26 backlinks (… z aa ab)', () => {
    for (const ref of [
      { n: 1, text: 'Plain', backlinks: 1 },
      { n: 12, text: '"T". Work.', backlinks: 3, url: 'https://a.example/x' },
      { n: 300, text: 'Many', backlinks: 28 },
    ]) {
      expect(parseReference(formatReference(ref))).toEqual(ref);
    }
    expect(formatReference({ n: 300, text: 'Many', backlinks: 28 })).toBe(`  300. ^ ${'abcdefghijklmnopqrstuvwxyz'.split('').join(' ')} aa ab Many`);
  });
});

describe('source line', () => {
  it('round-trips the article URL, revision and timestamp', () => {
    const source = { url: 'https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord', revisionId: 7, timestamp: '2024-02-03T04:05:06Z' };
    const line = formatSourceLine(source);
    expect(line).toBe('Retrieved from "https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord", revision 7 of 2024-02-03T04:05:06Z.');
    expect(parseSourceLine(line)).toEqual(source);
    expect(parseSourceLine('Retrieved from "javascript:x", revision 7 of 2024-02-03T04:05:06Z.')).toBeUndefined();
  });
});
