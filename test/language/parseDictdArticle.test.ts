import { describe, expect, it } from 'vitest';
import { parseDictdArticle } from '../../src/language/parseDictdArticle.js';

describe('parseDictdArticle', () => {
  it('reads the headword and one line of translations', () => {
    expect(parseDictdArticle('Corée du Nord /kɔʀedynɔʀ/ <n>\nNorth Korea\n')).toEqual({
      headword: 'Corée du Nord',
      partOfSpeech: 'noun',
      translations: ['North Korea'],
    });
    expect(parseDictdArticle('nord-coréen <adj>\nNorth Korean')).toEqual({ headword: 'nord-coréen', partOfSpeech: 'adj', translations: ['North Korean'] });
  });

  it('flattens numbered senses in order and drops repeats, whatever their case', () => {
    expect(parseDictdArticle('nord /nɔʀ/ <n, masc>\n1. north, North\n2. top, north\n')).toEqual({
      headword: 'nord',
      partOfSpeech: 'noun',
      translations: ['north', 'top'],
    });
  });

  it('drops labels, standalone notes, templates, examples and long glosses; keeps attached parentheses', () => {
    const text =
      'abats /aba/ <n, masc>\n1. offal\n2.  [cul] giblets, (kind) regards, ash (tree), (bul)rush, is ... ?, how are you?\n3. go through, live to see, in order to, it is necessary that';
    expect(parseDictdArticle(text).translations).toEqual(['offal', 'giblets', 'regards', 'ash', 'bulrush', 'go through', 'live to see', 'in order to']);
    expect(parseDictdArticle('falloir /falwaʀ/ <v>\n1.\n      "Il faut quelque chose"\n We need something\n').translations).toEqual(['We need something']);
  });

  it('reads the part of speech from the label, verbs of every kind as verbs', () => {
    expect(
      ['vivre /vivʀ/ <v>\nlive', 'sortir /sɔʀtiʀ/ <vi>\ngo out', 'très <adv>\nvery', 'non /nɔ̃/\nno'].map((t) => parseDictdArticle(t).partOfSpeech),
    ).toEqual(['verb', 'verb', 'other', undefined]);
  });

  it('keeps accented English words', () => {
    expect(parseDictdArticle('café /kafe/ <n, masc>\n1. café, coffee-house').translations).toEqual(['café', 'coffee-house']);
  });
});
