import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DictionaryTranslator } from '../../src/language/DictionaryTranslator.js';
import { SOURCE_LANGUAGES } from '../../src/language/languages.js';
import { createTranslators, readQuestionLanguage } from '../../src/language/translateQuestion.js';
import { FRENCH_ARTICLES, makeDictd } from '../support/makeDictd.js';

const dir = mkdtempSync(join(tmpdir(), 'translator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
makeDictd(dir, SOURCE_LANGUAGES.fr.dictionary, FRENCH_ARTICLES);
const french = new DictionaryTranslator(SOURCE_LANGUAGES.fr, dir);

describe('DictionaryTranslator (French, tiny FreeDict fixture)', () => {
  it('reads inflected words as headwords and multi-word headwords by longest match, in question order', () => {
    expect(french.translate('Qui a mené les activités liées à la Corée du Nord au Sénat ?')).toEqual({
      language: 'fr',
      words: [
        { source: 'mené', headword: 'mener', translations: ['conduct', 'guide', 'lead'] },
        { source: 'activités', headword: 'activité', translations: ['action', 'activity', 'vigour'] },
        { source: 'liées', headword: 'lier', translations: ['tie on'] },
        { source: 'Corée du Nord', headword: 'Corée du Nord', translations: ['North Korea'] },
        { source: 'Sénat', headword: 'sénat', translations: ['senate'] },
      ],
      passthrough: [],
      unknown: [],
      englishText: 'conduct action tie on North Korea senate',
    });
  });

  it('splits elisions, keeps acronyms, names and numbers as typed, and lists lower-case words it lacks', () => {
    expect(french.translate("C'est quoi l'AAFC, elle est active ?")).toMatchObject({
      words: [{ source: 'active', headword: 'actif', translations: ['active', 'in action', 'adroit', 'agile'] }],
      passthrough: ['AAFC'],
      englishText: 'AAFC active',
    });
    expect(french.translate('Quel film nord-coréen est sorti à Pyongyang en 2007 avec jack lang ?')).toMatchObject({
      words: [
        { source: 'film', translations: ['film', 'motion picture', 'movie'] },
        { source: 'nord-coréen', headword: 'nord-coréen', translations: ['North Korean'] },
      ],
      passthrough: ['Pyongyang', '2007'],
      unknown: ['sorti', 'jack', 'lang'],
      englishText: 'film North Korean sorti Pyongyang 2007 jack lang',
    });
  });

  it('splits a hyphenated word the dictionary lacks into its words, and reads plurals of hyphenated headwords', () => {
    expect(french.translate('les nord-coréens')?.words).toEqual([{ source: 'nord-coréens', headword: 'nord-coréen', translations: ['North Korean'] }]);
    expect(french.translate('le film-corée')?.words.map((w) => w.headword)).toEqual(['film', 'Corée']);
  });

  it("matches a headword with an elision inside it as typed (the index writes d'alcool as dalcool)", () => {
    expect(french.translate("une personne qui ne boit jamais d'alcool")?.words).toEqual([
      { source: "personne qui ne boit jamais d'alcool", headword: "personne qui ne boit jamais d'alcool", translations: ['teetotaller'] },
    ]);
  });

  it('prefers a headword of the part of speech the inflection implies, and falls back to any', () => {
    expect(french.translate('la France donne un don aux étudiantes')?.words.map((w) => [w.source, w.headword])).toEqual([
      ['France', 'France'],
      ['donne', 'donner'],
      ['don', 'don'],
      ['étudiantes', 'étudiant'],
    ]);
  });

  it('reads questions typed without accents', () => {
    expect(french.translate('les seuls etudiants en coree du nord')?.words.map((w) => [w.source, w.translations[0]])).toEqual([
      ['seuls', 'alone'],
      ['etudiants', 'student'],
      ['coree du nord', 'North Korea'],
    ]);
  });

  it('keeps a run of capitalised words the dictionary does not all know as a name', () => {
    expect(french.translate('Qui est Pierre Rigoulot ?')).toMatchObject({ words: [], passthrough: ['Pierre', 'Rigoulot'] });
    expect(french.translate('une pierre')?.words).toEqual([{ source: 'pierre', headword: 'pierre', translations: ['stone'] }]);
  });

  it('treats a headword whose senses are only examples or glosses as unknown', () => {
    expect(french.translate('il faut falloir')).toMatchObject({ words: [], unknown: ['falloir'] });
  });

  it('reads the dictionary on the first translation, not at construction (one installed later is used)', () => {
    const later = join(dir, 'later');
    const translator = createTranslators({ dictionaryDir: later }).get('fr')!;
    expect(translator.available).toBe(false);
    makeDictd(later, SOURCE_LANGUAGES.fr.dictionary, FRENCH_ARTICLES);
    expect(translator.translate('un film')?.englishText).toBe('film');
  });
});

describe('without the dictionary', () => {
  const missing = join(dir, 'nowhere');
  const note = `French questions need the French–English dictionary, not found in ${missing}: apt-get install dict-freedict-fra-eng`;

  it('is unavailable, translates nothing and says in one line how to enable French', () => {
    const translator = new DictionaryTranslator(SOURCE_LANGUAGES.fr, missing);
    expect([translator.available, translator.note, translator.translate('Qui vit en Corée ?')]).toEqual([false, note, undefined]);
    expect(new DictionaryTranslator(SOURCE_LANGUAGES.fr, dir)).toMatchObject({ available: true, note: undefined });
  });

  it('makes readQuestionLanguage return the note for a French question, and leave English alone', () => {
    const translators = createTranslators({ dictionaryDir: missing });
    expect(readQuestionLanguage('Qui sont les Français qui vivent en Corée du Nord ?', translators)).toEqual({
      language: 'fr',
      confidence: expect.any(Number),
      note,
    });
    expect(readQuestionLanguage('who lives in north korea', translators)).toEqual({ language: 'en', confidence: expect.any(Number) });
  });
});

describe('readQuestionLanguage', () => {
  it('translates a French question with its language and confidence', () => {
    const reading = readQuestionLanguage('Qui sont les seuls Français qui vivent en Corée du Nord ?', createTranslators({ dictionaryDir: dir }));
    expect(reading).toMatchObject({ language: 'fr', translation: { passthrough: ['Français'], englishText: 'alone Français be alive North Korea' } });
    expect(reading.confidence).toBeGreaterThan(0.8);
  });
});
