import { describe, expect, it } from 'vitest';
import { decideAnswer, unaddressed } from '../../src/answer/decideAnswer.js';
import type { AnalyzedQuery, TermGroup } from '../../src/retrieval/analyzeQuery.js';
import type { FocusedSpan } from '../../src/retrieval/focusPassage.js';

const group = (word: string, extra: Partial<TermGroup> = {}): TermGroup => ({
  word,
  role: 'key',
  weight: 1,
  idf: 1,
  alternatives: [{ stem: word, weight: 1 }],
  phrases: [],
  known: true,
  salient: false,
  ...extra,
});
const query = (groups: TermGroup[], extra: Partial<AnalyzedQuery> = {}): AnalyzedQuery => ({
  parts: { core: groups.map((g) => g.word).join(' '), context: '', kind: 'question' },
  groups,
  lexicalGroups: [],
  pairs: [],
  wanted: { stems: new Set(), words: new Set() },
  text: '',
  ...extra,
});
const span = (keyCoverage: number, keyShare: number, missing: string[] = []): FocusedSpan => ({
  start: 0,
  end: 10,
  sentences: [],
  coverage: keyCoverage,
  relevance: keyCoverage,
  keyCoverage,
  keyShare,
  missing,
  isolated: [],
});
const THRESHOLDS = { minRelevance: 0.4, minKeyShare: 0.58 };

describe('decideAnswer', () => {
  it('answers when the best passage covers enough of the key words, with the margin', () => {
    const d = decideAnswer(query([group('envoy'), group('lang', { salient: true })]), span(0.9, 1), THRESHOLDS);
    expect(d).toEqual({ answered: true, reason: 'answered', missing: [], margin: expect.closeTo(0.5, 5), keyShare: 1 });
  });

  it('declines a name the corpus never uses, naming it as read', () => {
    const q = query([group('germany', { salient: true, known: false }), group('relations')]);
    expect(decideAnswer(q, span(0.9, 0.5), THRESHOLDS)).toMatchObject({ answered: false, reason: 'not_in_corpus', missing: ['germany'] });
  });

  it('declines a "which …" question whose thing the corpus never mentions, however well the rest matches', () => {
    const groups = [group('restaurant', { known: false }), group('paris', { salient: true }), group('aafc', { salient: true })];
    const asked = query(groups, { askedThing: 'restaurant' });
    expect(decideAnswer(asked, span(0.9, 0.67), THRESHOLDS)).toMatchObject({ answered: false, reason: 'not_in_corpus', missing: ['restaurant'] });
    // The same word elsewhere in the question only lowers coverage.
    expect(decideAnswer(query(groups), span(0.9, 0.67), THRESHOLDS)).toMatchObject({ answered: true });
  });

  it('declines when the best passage leaves out a name the question is about', () => {
    const q = query([group('estonia', { salient: true }), group('envoy')]);
    expect(decideAnswer(q, span(0.8, 0.5, ['estonia']), THRESHOLDS)).toMatchObject({ answered: false, reason: 'not_addressed', missing: ['estonia'] });
  });

  it('counts a part of a corpus name as the name: "Lang" addresses "Jack Lang"', () => {
    const q = query([group('jack', { salient: true, name: 0 }), group('lang', { salient: true, name: 0 }), group('critics')]);
    expect(unaddressed(q, span(0.7, 0.67, ['jack']))).toEqual([]);
    expect(unaddressed(q, span(0.3, 0.33, ['jack', 'lang']))).toEqual(['jack', 'lang']);
  });

  it('declines on low key coverage or key share, naming the key words the passage lacks', () => {
    const q = query([group('restaurant', { known: false, reading: { kind: 'corrected', from: 'restaurent', to: 'restaurant' } }), group('paris')]);
    expect(decideAnswer(q, span(0.3, 0.5, ['restaurant']), THRESHOLDS)).toMatchObject({
      reason: 'low_coverage',
      missing: ['restaurant'],
      margin: expect.closeTo(-0.1, 5),
    });
    expect(decideAnswer(q, span(0.8, 0.5, ['restaurant']), THRESHOLDS)).toMatchObject({ answered: false, reason: 'low_coverage' });
  });

  it('declines when no passage holds the kind of answer asked for', () => {
    expect(decideAnswer(query([group('recognise')]), span(1, 1), THRESHOLDS, false)).toMatchObject({ answered: false, reason: 'no_answer_kind' });
  });

  it('declines a question it cannot read, or with nothing to look for', () => {
    expect(decideAnswer(query([], { note: 'French questions need…' }), undefined, THRESHOLDS)).toMatchObject({ reason: 'unsupported_language' });
    expect(decideAnswer(query([group('lol', { role: 'weak' })]), span(1, 1), THRESHOLDS)).toMatchObject({ reason: 'nothing_asked' });
  });
});
