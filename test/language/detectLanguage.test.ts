import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detectLanguage.js';

const ENGLISH = [
  'who is jean-marie lambret',
  'was the aafc active in paris',
  'Who is Kim Jong-un?',
  'was françois mitterrand president',
  "who was giscard d'estaing",
  'what did le monde say about the office',
  'does paris give any aid to the dprk',
  "what's the name of the fm spokesman who commented on the pyongyang office",
  'did the senat vote on it',
  'la france?? lol no, i mean the french embassy in seoul',
  'when did jack lang go to pyongyang',
  'is the pro nk scene in france more left wing or right wing tho',
];

const FRENCH = [
  'Qui sont les seuls Français qui vivent en Corée du Nord ?',
  'Quel film nord-coréen est sorti en France en 2007 ?',
  "C'est quoi l'AAFC, elle est active ?",
  'Qui a mené les activités liées à la Corée du Nord au Sénat français ?',
  'est-ce que le royaume-uni a une ambassade à pyongyang ?',
  "quel âge avait jack lang quand sarkozy l'a nommé envoyé spécial ?",
  'pourquoi la france ne reconnait pas la coree du nord',
  'qui est jean-marie lambret',
  'la france a une ambassade a pyongyang?',
  "c'est qui pierre rigoulot",
  'combien de nord-coreens vivent en france',
  'ya des francais qui habitent a pyongyang?',
  'pk la france reconnait pas la coree du nord',
];

describe('detectLanguage', () => {
  it.each(ENGLISH)('reads "%s" as English', (question) => {
    expect(detectLanguage(question).language).toBe('en');
  });

  it.each(FRENCH)('reads "%s" as French', (question) => {
    expect(detectLanguage(question).language).toBe('fr');
  });

  it('grows more confident with more evidence, and has none for names alone', () => {
    expect(detectLanguage('qui est lambret').confidence).toBe(2 / 3);
    expect(detectLanguage('Qui sont les seuls Français qui vivent en Corée du Nord ?').confidence).toBeGreaterThan(0.8);
    expect(detectLanguage('François Mitterrand?')).toEqual({ language: 'en', confidence: 0 });
    expect(detectLanguage('')).toEqual({ language: 'en', confidence: 0 });
  });

  it('counts a function word two languages share for neither, unless its accent says which', () => {
    expect(detectLanguage('a')).toEqual({ language: 'en', confidence: 0 });
    // à and qui: two French function words (2) and a French letter (0.5): 2.5 / 3.5.
    expect(detectLanguage('à qui')).toEqual({ language: 'fr', confidence: 2.5 / 3.5 });
  });

  it('needs two function words of another language: one alone is no evidence', () => {
    // "eu" is French (avoir) and the European Union in chat; "doesnt" is English chat.
    expect(detectLanguage('wich eu contry besides france doesnt recognize pyongyang').language).toBe('en');
    expect(detectLanguage("l'AAFC ?").language).toBe('en');
    expect(detectLanguage("c'est quoi l'AAFC ?").language).toBe('fr');
  });
});
