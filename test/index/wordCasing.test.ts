import { describe, expect, it } from 'vitest';
import { wordCasing } from '../../src/index/wordCasing.js';

describe('wordCasing', () => {
  it('tells capitalised words inside a sentence from lower-case ones, skipping sentence starts', () => {
    expect(wordCasing('The office was headed by Olivier Vaysset. Lang traveled to Pyongyang.')).toEqual({
      capitalised: ['olivier', 'vaysset', 'pyongyang'],
      lower: ['office', 'was', 'headed', 'by', 'traveled', 'to'],
    });
  });
});
