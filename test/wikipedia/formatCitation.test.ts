import { describe, expect, it } from 'vitest';
import { formatCitation, httpUrl } from '../../src/wikipedia/formatCitation.js';
import { readCitation } from '../../src/wikipedia/parseWikitext.js';

const format = (wikitext: string) => formatCitation(readCitation(wikitext));

describe('formatCitation', () => {
  it('formats a citation template as Wikipedia prints it, with its URL', () => {
    expect(
      format(
        '{{cite news |last=Charlton |first=Angela |title=France wades into bog of North Korean diplomacy |url=https://apnews.com/x |work=[[Associated Press]] |date=3 November 2009}}',
      ),
    ).toEqual({
      text: 'Charlton, Angela (3 November 2009). "France wades into bog of North Korean diplomacy". Associated Press.',
      url: 'https://apnews.com/x',
    });
    expect(format('{{cite web |url=http://www.bodmin.gov.uk/ |title=Bodmin Council website |publisher=Bodmin.gov.uk |date=2014}}')).toEqual({
      text: '"Bodmin Council website". Bodmin.gov.uk. 2014.',
      url: 'http://www.bodmin.gov.uk/',
    });
  });

  it("reads other language editions' templates", () => {
    expect(format('{{Internetquelle |url=https://welt.de/a |titel=Ein Titel |autor=Hans Meier |werk=Die Welt |datum=2012-03-04}}')).toEqual({
      text: 'Hans Meier (2012-03-04). "Ein Titel". Die Welt.',
      url: 'https://welt.de/a',
    });
  });

  it("keeps a reference without a template as its text, with a bracketed link's URL", () => {
    expect(format('[http://www.britishmuseum.org/x British Museum - Term details]')).toEqual({
      text: 'British Museum - Term details',
      url: 'http://www.britishmuseum.org/x',
    });
    expect(format('Ordnance Survey: Landranger map sheet 200')).toEqual({ text: 'Ordnance Survey: Landranger map sheet 200' });
  });

  it('reduces external links to their labels, reads protocol-relative URLs as https, and names a bare template', () => {
    expect(format("[//www.mozilla.org/en-US/firefox/releases/1.5.html Mozilla Firefox 1.5 Release Notes] (englisch), Meldung bei ''Mozilla''.")).toEqual({
      text: 'Mozilla Firefox 1.5 Release Notes (englisch), Meldung bei Mozilla.',
      url: 'https://www.mozilla.org/en-US/firefox/releases/1.5.html',
    });
    expect(format('{{cite encyclopedia |encyclopedia=The Welsh Academy Encyclopaedia of Wales |year=2008 |publisher=University of Wales Press}}')).toEqual({
      text: 'The Welsh Academy Encyclopaedia of Wales. University of Wales Press. 2008.',
    });
  });

  it('keeps only http and https URLs', () => {
    expect(format('{{cite web |url=javascript:alert(1) |title=T}}')).toEqual({ text: '"T".' });
    expect(httpUrl('https://a.example/x y<z>')).toBe('https://a.example/x%20y%3Cz%3E');
    expect(httpUrl('mailto:a@b.c')).toBeUndefined();
  });
});
