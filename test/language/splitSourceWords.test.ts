import { describe, expect, it } from 'vitest';
import { SOURCE_LANGUAGES } from '../../src/language/languages.js';
import { splitSourceWords } from '../../src/language/splitSourceWords.js';

describe('splitSourceWords', () => {
  it('splits elisions (several in a row too) and hyphens, marking how each word joins the next', () => {
    expect(splitSourceWords("Qu'est-ce qu'l'AAFC fait aujourd'hui ?", SOURCE_LANGUAGES.fr)).toEqual([
      { text: 'Qu', stop: true, joiner: "'" },
      { text: 'est', stop: true, joiner: '-' },
      { text: 'ce', stop: true, joiner: ' ' },
      { text: 'qu', stop: true, joiner: "'" },
      { text: 'l', stop: true, joiner: "'" },
      { text: 'AAFC', stop: false, joiner: ' ' },
      { text: 'fait', stop: false, joiner: ' ' },
      { text: "aujourd'hui", stop: false, joiner: ' ' },
    ]);
  });
});
