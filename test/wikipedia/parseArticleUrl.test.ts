import { describe, expect, it } from 'vitest';
import { articleUrl, parseArticleUrl } from '../../src/wikipedia/parseArticleUrl.js';

describe('parseArticleUrl', () => {
  it('reads any language edition, mobile hosts, percent-encoding and ?title=', () => {
    expect(parseArticleUrl('https://fr.wikipedia.org/wiki/Corée_du_Nord')).toEqual({ lang: 'fr', title: 'Corée du Nord' });
    expect(parseArticleUrl('https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord#Histoire')).toEqual({ lang: 'fr', title: 'Corée du Nord' });
    expect(parseArticleUrl('https://en.m.wikipedia.org/wiki/Goryeo_ware')).toEqual({ lang: 'en', title: 'Goryeo ware' });
    expect(parseArticleUrl('https://en.wikipedia.org/w/index.php?title=United_Kingdom&oldid=1')).toEqual({ lang: 'en', title: 'United Kingdom' });
    expect(parseArticleUrl('  http://de.wikipedia.org/wiki/Mozilla_Firefox ')).toEqual({ lang: 'de', title: 'Mozilla Firefox' });
    expect(parseArticleUrl('https://zh-min-nan.wikipedia.org/wiki/Tâi-oân')).toEqual({ lang: 'zh-min-nan', title: 'Tâi-oân' });
    expect(parseArticleUrl('https://en.wikipedia.org/wiki/AC/DC')).toEqual({ lang: 'en', title: 'AC/DC' });
  });

  it('refuses anything else, naming the value and the expected form', () => {
    const hint = 'give an article URL such as https://en.wikipedia.org/wiki/Goryeo_ware';
    expect(() => parseArticleUrl('https://example.com/wiki/X')).toThrow(
      `bad_url: import: "https://example.com/wiki/X" is not a Wikipedia article URL; ${hint}`,
    );
    expect(() => parseArticleUrl('Goryeo ware')).toThrow(`bad_url: import: "Goryeo ware" is not a URL; ${hint}`);
    expect(() => parseArticleUrl('https://www.wikipedia.org/wiki/X')).toThrow('is not a Wikipedia article URL');
    expect(() => parseArticleUrl('https://en.wikipedia.org.evil.example/wiki/X')).toThrow('is not a Wikipedia article URL');
    expect(() => parseArticleUrl('ftp://en.wikipedia.org/wiki/X')).toThrow('is not a Wikipedia article URL');
    expect(() => parseArticleUrl('https://en.wikipedia.org/about')).toThrow('is not a Wikipedia article URL');
    expect(() => parseArticleUrl('https://en.wikipedia.org/wiki/%E0%A4%A')).toThrow(
      `bad_url: import: "https://en.wikipedia.org/wiki/%E0%A4%A" has a badly percent-encoded title; ${hint}`,
    );
    expect(() => parseArticleUrl('https://en.wikipedia.org/wiki/')).toThrow('names no article');
  });

  it('builds the canonical article URL', () => {
    expect(articleUrl('fr', 'Corée du Nord')).toBe('https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord');
    expect(articleUrl('en', 'AC/DC')).toBe('https://en.wikipedia.org/wiki/AC/DC');
  });
});
