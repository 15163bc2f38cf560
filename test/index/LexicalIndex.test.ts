import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/chunking/chunkDocument.js';
import { LexicalIndex } from '../../src/index/LexicalIndex.js';

const TEXTS = [
  'France is one of two European Union members not to recognise North Korea.',
  'The office was to be headed by French diplomat Olivier Vaysset in Pyongyang.',
  'Groups such as the France-Korea Friendship Association (AAFC) are active.',
];
const chunks: Chunk[] = TEXTS.map((t) => ({ docId: 'doc', title: 'Relations', section: 'Introduction', start: 0, end: t.length, sentences: [] }));

describe('LexicalIndex vocabulary', () => {
  const built = LexicalIndex.build(chunks, TEXTS);
  const loaded = LexicalIndex.fromBuffer(built.toBuffer());

  it.each([
    ['built', built],
    ['loaded from its buffer', loaded],
  ])('knows names, acronyms and close words when %s', (_, index) => {
    expect(index.isName('vaysset')).toBe(true);
    expect(index.isName('pyongyang')).toBe(true);
    expect(index.isName('office')).toBe(false);
    expect(index.expandAcronym('nk')).toEqual(['north korea']);
    expect(index.expandAcronym('aafc')).toEqual(['france korea friendship association']);
    expect(index.expandAcronym('xyz')).toEqual([]);
    expect(index.isNamePart(['olivier', 'vaysset'])).toBe(true);
    expect(index.isNamePart(['vaysset', 'olivier'])).toBe(false);
    expect(index.correct('vayset')).toEqual({ word: 'vaysset', distance: 1 });
    expect(index.correct('pyonyang')).toEqual({ word: 'pyongyang', distance: 1 });
    expect(index.correct('office')).toBeUndefined();
  });

  it('learns the words of chunks added later', () => {
    const index = LexicalIndex.fromBuffer(built.toBuffer());
    expect(index.correct('steinburg')).toBeUndefined();
    index.add([{ ...chunks[0]!, end: 40 }], ['Lang briefed James Steinberg in Washington.']);
    expect(index.correct('steinburg')).toEqual({ word: 'steinberg', distance: 1 });
    expect(index.isName('steinberg')).toBe(true);
  });

  it('refuses a buffer of another version', () => {
    const buf = built.toBuffer();
    const headerLength = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as { version: number };
    const old = Buffer.from(JSON.stringify({ ...header, version: 3 }).padEnd(headerLength));
    const damaged = Buffer.concat([buf.subarray(0, 8), old, buf.subarray(8 + headerLength)]);
    expect(() => LexicalIndex.fromBuffer(damaged)).toThrow('lexical index version 3 is not 4');
  });
});

describe('LexicalIndex.queryGroups', () => {
  const index = LexicalIndex.build(chunks, TEXTS);
  const scores = (hits: { label: number; score: number }[]): Record<number, number> => Object.fromEntries(hits.map((h) => [h.label, h.score]));

  it('reads a stem shared by two question words once, for the word it stands for most strongly', () => {
    // "korea" stands for "north" at 0.5 and for "dprk" at 0.9: it counts for "dprk" only, once.
    const shared = index.queryGroups([[{ terms: ['korea'], weight: 0.5 }], [{ terms: ['korea'], weight: 0.9 }]], 3);
    const once = index.queryGroups([[{ terms: ['korea'], weight: 0.9 }]], 3);
    expect(once.length).toBeGreaterThan(0);
    expect(scores(shared)).toEqual(scores(once));
  });

  it('leaves out a group whose every stem is unknown, and finds nothing for none known', () => {
    expect(index.queryGroups([[{ terms: ['zzz'], weight: 1 }]], 3)).toEqual([]);
    expect(index.queryGroups([[{ terms: ['zzz'], weight: 1 }], [{ terms: ['vaysset'], weight: 1 }]], 3).map((h) => h.label)).toEqual([1]);
  });
});
