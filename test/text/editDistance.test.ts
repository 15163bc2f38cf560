import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/editDistance.js';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('france', 'france', 2)).toBe(0);
    expect(editDistance('frnace', 'france', 2)).toBe(1);
    expect(editDistance('pyonyang', 'pyongyang', 2)).toBe(1);
    expect(editDistance('cat', 'cut', 2)).toBe(1);
    expect(editDistance('miterand', 'mitterrand', 2)).toBe(2);
  });

  it('stops at limit + 1', () => {
    expect(editDistance('germany', 'france', 1)).toBe(2);
    expect(editDistance('a', 'abcd', 2)).toBe(3);
  });
});
