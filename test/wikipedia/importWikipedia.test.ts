import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parseDocument.js';
import { articleId, importWikipedia } from '../../src/wikipedia/importWikipedia.js';
import { type FakeMediaWiki, startFakeMediaWiki, WIKITEXT_FILES } from '../support/FakeMediaWiki.js';

const read = (stem: string): string => readFileSync(new URL(`../fixtures/wikitext/${stem}.wikitext`, import.meta.url), 'utf8');

let api: FakeMediaWiki;
beforeAll(async () => {
  api = await startFakeMediaWiki(
    [
      ...Object.entries(WIKITEXT_FILES).map(([stem, title]) => ({ title, wikitext: read(stem) })),
      {
        title: 'Corée du Nord',
        wikitext: "La '''Corée du Nord''' est un pays d'Asie de l'Est.<ref>{{Lien web |url=https://exemple.fr/a |titre=Un titre |site=Le Monde}}</ref>",
        revisionId: 7,
        timestamp: '2024-02-03T04:05:06Z',
      },
      { title: 'Mercury', wikitext: "'''Mercury''' may refer to:\n* [[Mercury (planet)]]\n{{disambiguation}}", disambiguation: true },
      { title: 'Talk:Goryeo ware', wikitext: 'A talk page.', ns: 1 },
    ],
    { UK: 'United Kingdom' },
  );
});
afterAll(() => api.close());

describe('importWikipedia', () => {
  it('imports an article as a corpus file the loader reads back: sentences, markers, references with URLs, source', async () => {
    const imported = await importWikipedia('https://en.wikipedia.org/wiki/Goryeo_ware', { apiUrl: api.apiUrl });
    expect(imported.id).toBe('goryeo-ware');
    expect(imported.fileName).toBe('goryeo-ware.txt');
    expect(imported.metadata).toMatchObject({
      title: 'Goryeo ware',
      url: 'https://en.wikipedia.org/wiki/Goryeo_ware',
      revisionId: 123456789,
      timestamp: '2017-06-01T10:20:30Z',
      sections: 2,
      references: 4,
      linkedReferences: 4,
    });
    expect(parseDocument(imported.fileName, new TextEncoder().encode(imported.text))).toEqual(imported.document);
    expect(
      imported.text.startsWith(
        'Goryeo ware\n\nGoryeo ware (고려도자기; Goryeo dojagi) refers to all types of Korean pottery and porcelains produced during the Goryeo dynasty.[1][2]',
      ),
    ).toBe(true);
    expect(imported.text.endsWith('\n\nRetrieved from "https://en.wikipedia.org/wiki/Goryeo_ware", revision 123456789 of 2017-06-01T10:20:30Z.\n')).toBe(true);
    expect(imported.document.source).toEqual({ url: 'https://en.wikipedia.org/wiki/Goryeo_ware', revisionId: 123456789, timestamp: '2017-06-01T10:20:30Z' });
    expect(imported.document.references[2]).toEqual({
      n: 3,
      text: 'British Museum - Term details',
      backlinks: 1,
      url: 'https://www.britishmuseum.org/research/search_the_collection_database/term_details.aspx?bioId=140564',
    });
    expect(api.requests.at(-1)?.get('titles')).toBe('Goryeo ware');
  });

  it('reads other language editions, percent-encoding, ?title= and mobile URLs, and follows redirects', async () => {
    const fr = await importWikipedia('https://fr.m.wikipedia.org/wiki/Cor%C3%A9e_du_Nord', { apiUrl: api.apiUrl });
    expect(fr.id).toBe('coree-du-nord');
    expect(fr.metadata).toMatchObject({
      title: 'Corée du Nord',
      url: 'https://fr.wikipedia.org/wiki/Cor%C3%A9e_du_Nord',
      revisionId: 7,
      timestamp: '2024-02-03T04:05:06Z',
    });
    expect(fr.document.references).toEqual([{ n: 1, text: '"Un titre". Le Monde.', backlinks: 1, url: 'https://exemple.fr/a' }]);
    const uk = await importWikipedia('https://en.wikipedia.org/w/index.php?title=UK', { apiUrl: api.apiUrl });
    expect(uk.metadata).toMatchObject({ title: 'United Kingdom', url: 'https://en.wikipedia.org/wiki/United_Kingdom', references: 605 });
  });

  it('refuses a missing page, a disambiguation page, a non-article, a page without prose and a non-Wikipedia URL', async () => {
    const options = { apiUrl: api.apiUrl };
    await expect(importWikipedia('https://en.wikipedia.org/wiki/No_such_page', options)).rejects.toThrow(
      'wikipedia_missing: import: no article "No such page" on ' + new URL(api.apiUrl).host + '; check the title in the URL',
    );
    await expect(importWikipedia('https://en.wikipedia.org/wiki/Mercury', options)).rejects.toThrow(
      'wikipedia_disambiguation: import: "Mercury" on en.wikipedia.org is a disambiguation page; import one of the articles it lists',
    );
    await expect(importWikipedia('https://en.wikipedia.org/wiki/Talk:Goryeo_ware', options)).rejects.toThrow(
      'wikipedia_not_article: import: "Talk:Goryeo ware" is not an article (namespace 1); give the URL of an article',
    );
    await expect(importWikipedia('https://en.wikipedia.org/wiki/List_of_earthquakes_in_Canada', options)).rejects.toThrow(
      'wikipedia_empty: import: "List of earthquakes in Canada" on en.wikipedia.org has no paragraphs of prose to import (lists and tables are not imported); give an article with text',
    );
    await expect(importWikipedia('https://example.com/wiki/Goryeo_ware', options)).rejects.toThrow(
      'bad_url: import: "https://example.com/wiki/Goryeo_ware" is not a Wikipedia article URL',
    );
  });

  it('refuses API failures in one line that names the API', async () => {
    api.status = 503;
    try {
      await expect(importWikipedia('https://en.wikipedia.org/wiki/Goryeo_ware', { apiUrl: api.apiUrl })).rejects.toThrow(
        `wikipedia_api: import: the Wikipedia API at ${api.apiUrl} gave HTTP 503; try again later, or check WIKIPEDIA_API_URL`,
      );
    } finally {
      delete api.status;
    }
    const closed = 'http://127.0.0.1:9/w/api.php';
    await expect(importWikipedia('https://en.wikipedia.org/wiki/Goryeo_ware', { apiUrl: closed })).rejects.toThrow(
      `wikipedia_api: import: the Wikipedia API at ${closed} gave no answer (`,
    );
    const badParams = (async (url: string | URL) => fetch(String(url).replace('rvslots=main', 'rvslots=none'))) as typeof fetch;
    await expect(importWikipedia('https://en.wikipedia.org/wiki/Goryeo_ware', { apiUrl: api.apiUrl, fetch: badParams })).rejects.toThrow(
      `wikipedia_api: import: the Wikipedia API at ${api.apiUrl} gave error badvalue: Unrecognized value for parameter "rvslots"; try again later, or check WIKIPEDIA_API_URL`,
    );
  });
});

describe('articleId', () => {
  it('names the file from the title', () => {
    expect(articleId('Corée du Nord')).toBe('coree-du-nord');
    expect(articleId('France–North Korea relations')).toBe('france-north-korea-relations');
    expect(articleId('AC/DC')).toBe('ac-dc');
    expect(articleId('北朝鮮')).toBe('北朝鮮');
    expect(articleId('고려도자기')).toBe('고려도자기');
    expect(articleId('ガンダム')).toBe('ガンダム');
    expect(articleId('Ελληνικά Άρθρα')).toBe('ελληνικά-άρθρα');
    expect(Buffer.byteLength(articleId('北'.repeat(100)))).toBeLessThanOrEqual(200);
    expect(articleId('!!!')).toBe('article');
  });
});
