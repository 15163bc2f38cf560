import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffDocuments, sentenceTexts, similarity } from '../../src/corpus/diffDocuments.js';
import { parseDocument } from '../../src/corpus/parseDocument.js';

function md(...lines: string[]) {
  return parseDocument('harbour.md', Buffer.from([...lines, ''].join('\n'), 'utf8'));
}

const BEFORE = md(
  '# Harbour',
  '',
  'The harbour opened in 1850.[^1] It is deep and sheltered. Fishing boats use it.',
  '',
  '## History',
  '',
  'Ships came from far away.[^2] Trade grew fast.',
  '',
  '## Trivia',
  '',
  'A cat lives on the pier.',
  '',
  '[^1]: Port Authority, 1850 report.',
  '[^2]: Smith, "Trade", 1901.',
);

const AFTER = md(
  '# Harbour',
  '',
  'The harbour opened in 1851.[^1] It is deep and sheltered. A ferry calls twice a day.',
  '',
  '## History',
  '',
  'Ships came from far away.[^2] Trade grew fast.',
  '',
  '## Today',
  '',
  'The harbour is a marina now.[^3]',
  '',
  '[^1]: Port Authority, 1850 report.',
  '[^2]: Smith, "Trade", 1901.',
  '[^3]: Marina guide, 2020.',
);

describe('diffDocuments', () => {
  it('lists sections, sentences and references added, removed and changed, in document order', () => {
    expect(diffDocuments(BEFORE, AFTER)).toEqual({
      sectionsAdded: ['Today'],
      sectionsRemoved: ['Trivia'],
      sentencesAdded: ['A ferry calls twice a day.', 'The harbour is a marina now.'],
      sentencesRemoved: ['Fishing boats use it.', 'A cat lives on the pier.'],
      sentencesChanged: [{ before: 'The harbour opened in 1850.', after: 'The harbour opened in 1851.' }],
      referencesAdded: ['Marina guide, 2020.'],
      referencesRemoved: [],
      identical: false,
    });
  });

  it('is the mirror image when the versions are swapped', () => {
    const back = diffDocuments(AFTER, BEFORE);
    expect(back.sectionsAdded).toEqual(['Trivia']);
    expect(back.sectionsRemoved).toEqual(['Today']);
    expect(back.sentencesAdded).toEqual(['Fishing boats use it.', 'A cat lives on the pier.']);
    expect(back.sentencesRemoved).toEqual(['A ferry calls twice a day.', 'The harbour is a marina now.']);
    expect(back.sentencesChanged).toEqual([{ before: 'The harbour opened in 1851.', after: 'The harbour opened in 1850.' }]);
    expect(back.referencesRemoved).toEqual(['Marina guide, 2020.']);
  });

  it('finds nothing between a document and itself', () => {
    expect(diffDocuments(BEFORE, BEFORE)).toEqual({
      sectionsAdded: [],
      sectionsRemoved: [],
      sentencesAdded: [],
      sentencesRemoved: [],
      sentencesChanged: [],
      referencesAdded: [],
      referencesRemoved: [],
      identical: true,
    });
  });

  it('ignores renumbered footnote markers and re-wrapped lines, but says the text is not identical', () => {
    const renumbered = md('# Harbour', '', 'It is deep.[^2]', 'It is old.[^1]', '', '[^1]: Old.', '[^2]: Deep.');
    const original = md('# Harbour', '', 'It is deep.[^1] It is old.[^2]', '', '[^1]: Deep.', '[^2]: Old.');
    expect(diffDocuments(original, renumbered)).toMatchObject({ sentencesAdded: [], sentencesRemoved: [], sentencesChanged: [], referencesAdded: [], referencesRemoved: [], identical: false });
  });

  it('counts a repeated sentence or heading once per occurrence', () => {
    const once = md('# T', '', 'The sea is grey. The sky is low.', '', '## Notes', '', 'Boats wait.');
    const twice = md('# T', '', 'The sea is grey. The sky is low. The sea is grey.', '', '## Notes', '', 'Boats wait.', '', '## Notes', '', 'Gulls cry.');
    const diff = diffDocuments(once, twice);
    expect(diff.sentencesAdded).toEqual(['The sea is grey.', 'Gulls cry.']);
    expect(diff.sectionsAdded).toEqual(['Notes']);
  });

  it('reports a moved sentence as removed in one place and added in the other', () => {
    const a = md('# T', '', 'Red is warm. Blue is cold. Green is calm.');
    const b = md('# T', '', 'Blue is cold. Green is calm. Red is warm.');
    const diff = diffDocuments(a, b);
    expect(diff.sentencesRemoved).toEqual(['Red is warm.']);
    expect(diff.sentencesAdded).toEqual(['Red is warm.']);
    expect(diff.sentencesChanged).toEqual([]);
  });

  it('pairs changed sentences in order and leaves an unrelated one as added', () => {
    const a = md('# T', '', 'The bridge was built in 1900 by the city. The tower was built in 1920 by the state.');
    const b = md('# T', '', 'The bridge was built in 1901 by the city. Penguins swim. The tower was built in 1921 by the state.');
    expect(diffDocuments(a, b)).toMatchObject({
      sentencesChanged: [
        { before: 'The bridge was built in 1900 by the city.', after: 'The bridge was built in 1901 by the city.' },
        { before: 'The tower was built in 1920 by the state.', after: 'The tower was built in 1921 by the state.' },
      ],
      sentencesAdded: ['Penguins swim.'],
      sentencesRemoved: [],
    });
  });

  it('compares references with their URL', () => {
    const wiki = (url: string) =>
      parseDocument('w.txt', Buffer.from(['W', '', 'Alpha is small.[1]', '', 'References', '', `  1. ^ "Alpha", Beta Press <${url}>`, ''].join('\n')));
    const diff = diffDocuments(wiki('https://a.example/1'), wiki('https://a.example/2'));
    expect(diff.referencesAdded).toEqual(['"Alpha", Beta Press <https://a.example/2>']);
    expect(diff.referencesRemoved).toEqual(['"Alpha", Beta Press <https://a.example/1>']);
  });
});

describe('similarity', () => {
  it('is the Dice coefficient of the lower-cased words', () => {
    expect(similarity('The harbour opened in 1850.', 'the harbour opened in 1851')).toBe(0.8);
    expect(similarity('A b', 'c d')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });
});

describe('diffDocuments on a real article', () => {
  const text = readFileSync(new URL('../../corpus/france-north-korea-relations.txt', import.meta.url), 'utf8');
  const doc = parseDocument('france-north-korea-relations.txt', Buffer.from(text));
  const sentences = sentenceTexts(doc);

  it('finds exactly the one sentence edited in a 100-sentence article', () => {
    const target = sentences[5]!;
    const edited = parseDocument('france-north-korea-relations.txt', Buffer.from(text.replace(target, `${target.slice(0, -1)} indeed.`)));
    const diff = diffDocuments(doc, edited);
    expect(diff.sentencesChanged).toEqual([{ before: target, after: `${target.slice(0, -1)} indeed.` }]);
    expect([diff.sentencesAdded, diff.sentencesRemoved, diff.sectionsAdded, diff.referencesAdded]).toEqual([[], [], [], []]);
  });
});
