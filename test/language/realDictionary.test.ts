import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/language/translateQuestion.js';
import { contentStems } from '../../src/text/tokenize.js';

// Runs where Debian's dict-freedict-fra-eng is installed (.ci/run installs it when it can).
const DICTIONARY_DIR = '/usr/share/dictd';
const installed = existsSync(`${DICTIONARY_DIR}/freedict-fra-eng.index`);

describe.runIf(installed)('the installed FreeDict French–English dictionary', () => {
  const translator = createTranslators({ dictionaryDir: DICTIONARY_DIR }).get('fr')!;
  const corpusStems = new Set(contentStems(readFileSync('corpus/france-north-korea-relations.txt', 'utf8')));

  // The answerable French questions of the shared dev-chat set, and English words among their
  // translations that the article itself uses.
  it.each([
    ['Qui sont les seuls Français qui vivent en Corée du Nord ?', ['French', 'live', 'North Korea', 'only']],
    ['Quel film nord-coréen est sorti en France en 2007 ?', ['film', 'North Korean', 'France', '2007']],
    ["C'est quoi l'AAFC, elle est active ?", ['AAFC', 'active']],
    ['Qui a mené les activités liées à la Corée du Nord au Sénat français ?', ['activity', 'North Korea', 'senate', 'French']],
  ])('reads "%s" into words the corpus uses', (question, expected) => {
    const translation = translator.translate(question)!;
    const english = [...translation.words.flatMap((w) => w.translations), ...translation.passthrough];
    for (const word of expected) {
      expect(english, question).toContain(word);
      for (const stem of contentStems(word)) expect(corpusStems.has(stem), `${word} in the corpus`).toBe(true);
    }
  });

  it("maps inflected forms to the dictionary's headwords", () => {
    expect(translator.translate('Qui a mené les activités liées à la Corée du Nord ?')?.words.map((w) => w.headword)).toEqual([
      'mener',
      'activité',
      'lier',
      'Corée du Nord',
    ]);
  });
});
