import { describe, expect, it } from 'vitest';
import { analyzeQuery, type Vocabulary } from '../../src/retrieval/analyzeQuery.js';
import { inflections } from '../../src/retrieval/inflections.js';
import { coverage, keyShare, type TextTerms } from '../../src/retrieval/scoreText.js';
import { WordNet } from '../../src/retrieval/WordNet.js';
import { stem } from '../../src/text/tokenize.js';

// A tiny corpus vocabulary: words used, and document frequencies of their stems.
function vocabulary(words: string[], chunks = 10): Vocabulary {
  const used = new Set(words);
  const df = new Map<string, number>();
  for (const w of words) df.set(stem(w), 1);
  return {
    hasWord: (w) => used.has(w),
    stemsExtending: (prefix, extra) => [...df.keys()].filter((s) => s !== prefix && s.startsWith(prefix) && s.length - prefix.length <= extra),
    documentFrequency: (s) => df.get(s) ?? 0,
    idf: (s) => Math.log(1 + (chunks - (df.get(s) ?? 0) + 0.5) / ((df.get(s) ?? 0) + 0.5)),
  };
}

const wordnet = WordNet.open();

// The terms of a text made of these words.
function terms(...words: string[]): TextTerms {
  return { words: new Set(words), stems: new Set(words.map(stem)) };
}

describe('analyzeQuery', () => {
  it('keeps content words, drops stop words, and expands only to words the corpus uses', () => {
    const q = analyzeQuery('Would they give up the bomb?', vocabulary(['abandons', 'bomb']), wordnet);
    expect(q.groups.map((g) => g.word)).toEqual(['give', 'bomb']);
    const give = q.groups[0]!;
    expect(give.alternatives.map((a) => a.stem)).toContain('abandon');
    expect(give.alternatives[0]).toEqual({ stem: 'give', weight: 1 });
  });

  it('does not expand to a word that merely shares a stem with a corpus word', () => {
    // "population" relates to "universe" in WordNet; the corpus only has "university".
    const q = analyzeQuery('population', vocabulary(['university']), wordnet);
    expect(q.groups[0]!.alternatives.map((a) => a.stem)).toEqual(['popul']);
  });

  it('matches an expansion only through its own forms, not other words of its stem', () => {
    // "set" relates to "position"; "positively" has the same Porter stem but is another word.
    const q = analyzeQuery('What did France set?', vocabulary(['position', 'positively', 'france']), wordnet);
    const set = q.groups.find((g) => g.word === 'set')!;
    expect(set.alternatives).toContainEqual({ stem: 'posit', weight: expect.any(Number), forms: ['position'] });
    expect(coverage(q, terms('france', 'position'))).toBeGreaterThan(coverage(q, terms('france', 'positively')));
    expect(keyShare(q, terms('positively'))).toBe(0);
  });

  it('matches a multi-word expansion only when every word is present', () => {
    const vocab = vocabulary(['european', 'union', 'members']);
    const q = analyzeQuery('Which EU members?', vocab, wordnet);
    const eu = q.groups.find((g) => g.word === 'eu')!;
    expect(eu.phrases).toContainEqual({ stems: ['european', 'union'], forms: [['european'], ['union']], weight: expect.any(Number) });
    expect(coverage(q, terms('european', 'union', 'members'))).toBeGreaterThan(coverage(q, terms('european', 'members')));
  });

  it('measures the share of key words present regardless of idf', () => {
    // In a large corpus "bake" and "home" are common and "baguette" rare: one dictionary entry
    // for "baguette" covers most of the idf mass, yet only a third of the words.
    const df: Record<string, number> = { bake: 300, baguett: 1, home: 500 };
    const vocab: Vocabulary = {
      hasWord: (w) => ['bake', 'baguette', 'home'].includes(w),
      stemsExtending: () => [],
      documentFrequency: (s) => df[s] ?? 0,
      idf: (s) => Math.log(1 + (10_000 - (df[s] ?? 0) + 0.5) / ((df[s] ?? 0) + 0.5)),
    };
    const q = analyzeQuery('How do I bake a baguette at home?', vocab, wordnet);
    expect(q.groups.map((g) => [g.word, g.role])).toEqual([
      ['bake', 'key'],
      ['baguette', 'key'],
      ['home', 'weak'], // a general word: many senses in WordNet
    ]);
    expect(keyShare(q, terms('baguette'))).toBeCloseTo(1 / 2);
    expect(coverage(q, terms('baguette'))).toBeGreaterThan(0.5);
  });
});

describe('inflections', () => {
  it('lists regular forms of a lemma', () => {
    expect(inflections('abandon')).toEqual(expect.arrayContaining(['abandon', 'abandons', 'abandoned', 'abandoning']));
    expect(inflections('study')).toEqual(expect.arrayContaining(['studies', 'studied']));
    expect(inflections('universe')).not.toContain('university');
  });
});
