import { describe, expect, it } from 'vitest';
import { answerKindOf, holdsAnswerKind } from '../../src/retrieval/answerKind.js';

describe('answerKindOf', () => {
  it.each([
    ['when did lang go to pyongyang', 'time'],
    ['what year was mitterrand in north korea', 'time'],
    ['Quand le bureau a-t-il ouvert ?', 'time'],
    ['how many north koreans lived in france', 'quantity'],
    ['what % of french people view nk positively', 'quantity'],
    ['how old was jack lang', 'age'],
    ['quel âge avait jack lang', 'age'],
    ['who heads the office', undefined],
  ])('"%s" asks for %s', (question, kind) => {
    expect(answerKindOf(question)).toBe(kind);
  });
});

describe('holdsAnswerKind', () => {
  it('finds times, numbers and ages, and anything when no kind is asked', () => {
    expect(holdsAnswerKind('Lang traveled to Pyongyang on November 9.', 'time')).toBe(true);
    expect(holdsAnswerKind('France considers the Republic of Korea sovereign.', 'time')).toBe(false);
    expect(holdsAnswerKind('there were officially 54 North Koreans living in France', 'quantity')).toBe(true);
    expect(holdsAnswerKind('Relations are very limited.', 'quantity')).toBe(false);
    expect(holdsAnswerKind('Lang, 70, said he would go.', 'age')).toBe(true);
    expect(holdsAnswerKind('In late 2009, Sarkozy appointed Jack Lang.', 'age')).toBe(false);
    expect(holdsAnswerKind('Anything at all.', undefined)).toBe(true);
  });
});
