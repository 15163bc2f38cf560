import { describe, expect, it } from 'vitest';
import { askedThing } from '../../src/retrieval/askedThing.js';
import { WordNet } from '../../src/retrieval/WordNet.js';

const wordnet = WordNet.open();
const isNoun = (w: string): boolean => wordnet.isNoun(w);

describe('askedThing', () => {
  it('finds the last word of the run after "which" or "what", up to a function word', () => {
    expect(askedThing('which north korean restaurant in paris did the aafc help open', isNoun)).toBe('restaurant');
    expect(askedThing('What French diplomat was to head the office?', isNoun)).toBe('diplomat');
    expect(askedThing('so which restaurants opened', isNoun)).toBe('restaurants');
  });

  it('finds nothing when no thing is asked for, or the word is no noun', () => {
    expect(askedThing('what did olivier vaysset do after he left', isNoun)).toBeUndefined();
    expect(askedThing('what happened in 2009', isNoun)).toBeUndefined();
    expect(askedThing('who is Jack Lang?', isNoun)).toBeUndefined();
    expect(askedThing('what', isNoun)).toBeUndefined();
  });
});

describe('WordNet.isNoun', () => {
  it('reads a word by its base forms: mostly a noun or not', () => {
    expect(['restaurants', 'trade', 'embassy'].map(isNoun)).toEqual([true, true, true]);
    expect(['happened', 'tall', 'quickly', 'xyzzy'].map(isNoun)).toEqual([false, false, false, false]);
  });
});
