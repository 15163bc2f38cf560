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
    expect(frenchBaseForms(word)).toContain(base);
  });

  it('puts nouns and adjectives before verbs, and never the word itself', () => {
    const forms = frenchBaseForms('liées');
    expect(forms.indexOf('lié')).toBeLessThan(forms.indexOf('lier'));
    expect(forms).not.toContain('liées');
  });
});
