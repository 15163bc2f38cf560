import { describe, expect, it } from 'vitest';
import { acronymsIn } from '../../src/index/acronymsIn.js';

const found = (text: string): string[] => acronymsIn(text).map((a) => `${a.acronym}=${a.phrase}`);

describe('acronymsIn', () => {
  it('takes the initials of capitalised multi-word names', () => {
    expect(found('France is one of two European Union members not to recognise North Korea.')).toEqual(
      expect.arrayContaining(['eu=european union', 'nk=north korea']),
    );
  });

  it('gives names with "of" both forms, as ROK and DPRK are written', () => {
    expect(found('France considers the Republic of Korea sovereign.')).toEqual(expect.arrayContaining(['rk=republic of korea', 'rok=republic of korea']));
  });

  it('reads an acronym defined in brackets after its name', () => {
    expect(found('relatively large organizations such as the France-Korea Friendship Association (AAFC), who are active')).toContain(
      'aafc=france korea friendship association',
    );
  });

  it('does not start a name with a sentence-opening function word or a lone capital', () => {
    const acronyms = found('On December 18, 2009, North Korea consented. The office opened.');
    expect(acronyms).toContain('nk=north korea');
    expect(acronyms.some((a) => a.startsWith('od=') || a.startsWith('to='))).toBe(false);
  });

  it('survives stray hyphens', () => {
    expect(() => acronymsIn('The Foo-- Bar- -Baz Society met.')).not.toThrow();
  });
});
