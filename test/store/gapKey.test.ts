import { describe, expect, it } from 'vitest';
import { gapKey } from '../../src/store/gapKey.js';

describe('gapKey', () => {
  it('groups questions that differ only in case, punctuation and stop words', () => {
    expect(gapKey('Who is Jack Lang?')).toBe('jack lang');
    expect(gapKey('who is jack lang')).toBe('jack lang');
    expect(gapKey('who’s Jack Lang??')).toBe('jack lang');
    expect(gapKey("Who's JACK LANG!")).toBe('jack lang');
    expect(gapKey('Tell me about Jack Lang.')).toBe('jack lang');
  });

  it('keeps content words apart and in order, and diacritics folded', () => {
    expect(gapKey('Lang Jack?')).toBe('lang jack');
    expect(gapKey('Who is Jack Lang’s wife?')).toBe('jack lang wife');
    expect(gapKey('Où est Benoît?')).toBe('ou est benoit');
  });

  it('keeps every word of a question made of stop words only', () => {
    expect(gapKey('Who is he?')).toBe('who is he');
    expect(gapKey('???')).toBe('');
  });
});
