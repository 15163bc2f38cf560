import { describe, expect, it } from 'vitest';
import { frenchBaseForms } from '../../src/language/frenchBaseForms.js';

describe('frenchBaseForms', () => {
  it.each([
    ['vivent', 'vivre'],
    ['mené', 'mener'],
    ['liées', 'lier'],
    ['mènent', 'mener'],
    ['sorti', 'sortir'],
    ['vendu', 'vendre'],
    ['finissent', 'finir'],
    ['ouvrira', 'ouvrir'],
    ['reconnaît', 'reconnaître'],
    ['reconnu', 'reconnaître'],
    ['habitaient', 'habiter'],
    ['seuls', 'seul'],
    ['bureaux', 'bureau'],
    ['travaux', 'travail'],
    ['active', 'actif'],
    ['coréenne', 'coréen'],
    ['chanteuse', 'chanteur'],
    ['actrice', 'acteur'],
    ['activités', 'activité'],
  ])('proposes %s → %s', (word, base) => {
    expect(frenchBaseForms(word).map((b) => b.form)).toContain(base);
  });

  it('puts nouns and adjectives before verbs, says which each rule expects, and never gives the word itself', () => {
    const forms = frenchBaseForms('liées').map((b) => b.form);
    expect(forms.indexOf('lié')).toBeLessThan(forms.indexOf('lier'));
    expect(forms).not.toContain('liées');
    expect(frenchBaseForms('donnes').slice(0, 4)).toEqual([
      { form: 'donne' },
      { form: 'don', partOfSpeech: 'adj' },
      { form: 'donn', partOfSpeech: 'adj' },
      { form: 'donner', partOfSpeech: 'verb' },
    ]);
  });
});
