import { describe, expect, it } from 'vitest';
import { maxEdits, SpellingIndex } from '../../src/index/SpellingIndex.js';

const WORDS = ['mitterrand', 'pyongyang', 'france', 'sarkozy', 'lambret', 'vaysset', 'russia', 'estonia', 'office', 'offices', 'lang', 'long'];
const frequency = (w: string): number => (w === 'office' ? 5 : 1);
const index = SpellingIndex.build(WORDS, frequency);

describe('SpellingIndex', () => {
  it('allows no edit below 4 letters, one up to 7, two from 8', () => {
    expect([3, 4, 7, 8, 12].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('corrects a deleted, inserted, substituted or swapped letter', () => {
    expect(index.correct('pyonyang')).toEqual({ word: 'pyongyang', distance: 1 });
    expect(index.correct('mitterand')).toEqual({ word: 'mitterrand', distance: 1 });
    expect(index.correct('frnace')).toEqual({ word: 'france', distance: 1 });
    expect(index.correct('vayset')).toEqual({ word: 'vaysset', distance: 1 });
    expect(index.correct('estomia')).toEqual({ word: 'estonia', distance: 1 });
  });

  it('corrects two edits in a word of eight letters or more, never in a shorter one', () => {
    expect(index.correct('miterand')).toEqual({ word: 'mitterrand', distance: 2 });
    // "rusian" is two edits from "russia" but has only six letters.
    expect(index.correct('rusian')).toBeUndefined();
  });

  it('leaves short words, far words and indexed words alone', () => {
    expect(index.correct('lan')).toBeUndefined();
    expect(index.correct('germany')).toBeUndefined();
    expect(index.correct('france')).toBeUndefined();
  });

  it('prefers the closer word, then the more frequent one', () => {
    // "offic" is one edit from "office" and two from "offices".
    expect(index.correct('offic')).toEqual({ word: 'office', distance: 1 });
    // "lung" is one edit from both "lang" and "long": equally frequent, so alphabetical.
    expect(index.correct('lung')).toEqual({ word: 'lang', distance: 1 });
  });

  it('answers the same after a round trip through its arrays', () => {
    const again = SpellingIndex.fromArrays(WORDS, index.toArrays(), frequency);
    for (const w of ['pyonyang', 'miterand', 'offic', 'germany']) expect(again.correct(w)).toEqual(index.correct(w));
    expect(again.entries).toBe(index.entries);
  });
});
