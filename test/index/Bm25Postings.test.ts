import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Postings } from '../../src/index/Bm25Postings.js';

// Bm25Postings claims to score like MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5) with an OR query,
// weighted terms and field boosts. These tests index the same chunks in MiniSearch itself and
// compare every score, to 1e-9, and the order.

/** Two fields per chunk, already tokenised: the text, then the heading. */
const CHUNKS: readonly (readonly [string, string])[] = [
  ['france recognise north korea not recognise', 'relations france'],
  ['office pyongyang cultural humanitarian office office', 'office pyongyang'],
  ['north korea embassy paris france', 'embassy'],
  ['trade limited economic relations', 'economic relations'],
  ['friendship association korea france active members', 'association'],
  ['korea korea korea north south', 'korea'],
  ['treaty signed paris', 'treaty history'],
];
const BOOSTS = [1, 2.5];
const FIELDS = ['text', 'heading'] as const;

function postingsOf(chunks: readonly (readonly [string, string])[], compactAfter = 0): Bm25Postings {
  const postings = Bm25Postings.empty(FIELDS.length, BOOSTS);
  chunks.forEach((fields, i) => {
    postings.add(fields.map((f) => f.split(' ')));
    if (i + 1 === compactAfter) postings.compact();
  });
  return postings;
}

function miniSearchOf(chunks: readonly (readonly [string, string])[]): MiniSearch<{ id: number; text: string; heading: string }> {
  const index = new MiniSearch<{ id: number; text: string; heading: string }>({
    fields: [...FIELDS],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
  });
  index.addAll(chunks.map(([text, heading], id) => ({ id, text, heading })));
  return index;
}

/** MiniSearch's results for the weighted terms, as labels and scores, best first. */
function miniSearchResults(index: MiniSearch, weights: ReadonlyMap<string, number>): { label: number; score: number }[] {
  const terms = [...weights.keys()];
  return index
    .search(terms.join(' '), {
      combineWith: 'OR',
      boost: { text: BOOSTS[0]!, heading: BOOSTS[1]! },
      boostTerm: (term) => weights.get(term) ?? 0,
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    })
    .map((r) => ({ label: r.id as number, score: r.score }));
}

function expectSameResults(actual: { label: number; score: number }[], expected: { label: number; score: number }[]): void {
  expect(actual.map((r) => r.label)).toEqual(expected.map((r) => r.label));
  actual.forEach((r, i) => expect(Math.abs(r.score - expected[i]!.score)).toBeLessThan(1e-9));
}

const QUERIES: readonly (readonly [string, ReadonlyMap<string, number>])[] = [
  ['one term in both fields', new Map([['office', 1]])],
  ['a frequent term', new Map([['korea', 1]])],
  [
    'terms of different weights',
    new Map([
      ['north', 1],
      ['korea', 0.5],
      ['france', 0.25],
    ]),
  ],
  ['a term only in headings', new Map([['history', 2]])],
  [
    'a term no chunk holds, beside one that some do',
    new Map([
      ['zorblax', 1],
      ['paris', 1],
    ]),
  ],
  [
    'many terms, each matched by several chunks',
    new Map([
      ['relations', 1],
      ['economic', 0.7],
      ['france', 0.3],
      ['korea', 0.9],
      ['embassy', 1.5],
    ]),
  ],
];

describe('Bm25Postings scores like MiniSearch BM25+', () => {
  it.each(QUERIES)('%s', (_, weights) => {
    const expected = miniSearchResults(miniSearchOf(CHUNKS), weights);
    expect(expected.length).toBeGreaterThan(0);
    expectSameResults(postingsOf(CHUNKS).search(weights, CHUNKS.length), expected);
  });

  it.each(QUERIES)('%s, with some chunks in the compacted arrays and the rest in the tail', (_, weights) => {
    expectSameResults(postingsOf(CHUNKS, 4).search(weights, CHUNKS.length), miniSearchResults(miniSearchOf(CHUNKS), weights));
  });

  it.each(QUERIES)('%s, after removing chunks (labels renumbered)', (_, weights) => {
    const postings = postingsOf(CHUNKS);
    postings.remove(new Set([1, 4]));
    const kept = CHUNKS.filter((_, i) => i !== 1 && i !== 4);
    expectSameResults(postings.search(weights, kept.length), miniSearchResults(miniSearchOf(kept), weights));
  });

  it('keeps the best `limit` in the same order', () => {
    const weights = new Map([
      ['korea', 1],
      ['france', 1],
    ]);
    expectSameResults(postingsOf(CHUNKS).search(weights, 2), miniSearchResults(miniSearchOf(CHUNKS), weights).slice(0, 2));
  });
});

describe('Bm25Postings.searchGroups', () => {
  const postings = postingsOf(CHUNKS);
  const score = (results: { label: number; score: number }[], label: number): number | undefined => results.find((r) => r.label === label)?.score;

  it('scores single-term groups exactly as the OR query does', () => {
    const weights = new Map([
      ['korea', 0.9],
      ['embassy', 1.5],
    ]);
    const grouped = postings.searchGroups(
      [...weights].map(([term, weight]) => [{ terms: [term], weight }]),
      CHUNKS.length,
    );
    expect(grouped).toEqual(postings.search(weights, CHUNKS.length));
  });

  it('scores a group by its best alternative, not their sum, and counts it once as matched', () => {
    // One word read two ways ("embassy" or "office"); chunk 2 holds "embassy" in text and heading.
    const group = [
      { terms: ['embassy'], weight: 1 },
      { terms: ['paris'], weight: 0.5 },
    ];
    const alone = (terms: string[], weight: number, label = 2): number => score(postings.searchGroups([[{ terms, weight }]], CHUNKS.length), label)!;
    const results = postings.searchGroups([group], CHUNKS.length);
    expect(score(results, 2)).toBeCloseTo(Math.max(alone(['embassy'], 1), alone(['paris'], 0.5)), 12);
    // The OR query sums both terms and doubles for two terms matched.
    const or = postings.search(
      new Map([
        ['embassy', 1],
        ['paris', 0.5],
      ]),
      CHUNKS.length,
    );
    expect(score(or, 2)).toBeCloseTo(2 * (alone(['embassy'], 1) + alone(['paris'], 0.5)), 12);
    // Chunk 6 has only "paris": the group still matches it, at the weaker alternative's score.
    expect(score(results, 6)).toBeCloseTo(alone(['paris'], 0.5, 6), 12);
  });

  it('sums a phrase alternative over its terms, and multiplies by the groups matched', () => {
    const phrase = [{ terms: ['north', 'korea'], weight: 1 }];
    const single = (term: string): number => score(postings.searchGroups([[{ terms: [term], weight: 1 }]], CHUNKS.length), 0)!;
    expect(score(postings.searchGroups([phrase], CHUNKS.length), 0)).toBeCloseTo(single('north') + single('korea'), 12);
    const two = postings.searchGroups([phrase, [{ terms: ['france'], weight: 1 }]], CHUNKS.length);
    expect(score(two, 0)).toBeCloseTo(2 * (single('north') + single('korea') + single('france')), 12);
  });
});
