import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/parseDocument.js';
import { labelOf, previewChange } from '../../src/editing/ChangePreview.js';

const WIKI = (revision: number, lead: string) =>
  parseDocument(
    'harbour.txt',
    Buffer.from(
      [
        'Harbour',
        '',
        lead,
        '',
        'History[edit]',
        '',
        'Ships came from far away. Trade grew fast.[1]',
        '',
        'References[edit]',
        '',
        '  1. ^ "Trade", Smith <https://example.org/trade>',
        '',
        `Retrieved from "https://en.wikipedia.org/wiki/Harbour", revision ${revision} of 2020-01-0${revision % 9}T00:00:00Z.`,
        '',
      ].join('\n'),
    ),
  );

describe('previewChange', () => {
  it('compares the versions and counts the chunks whose text is new', () => {
    const before = WIKI(1, 'The harbour opened in 1850.');
    const after = WIKI(2, 'The harbour opened in 1851.');
    const preview = previewChange('update', before, after, { from: labelOf(before, 4), to: labelOf(after) });
    expect(preview).toEqual({
      action: 'update',
      doc: { id: 'harbour', title: 'Harbour' },
      from: { version: 4, revisionId: 1, timestamp: '2020-01-01T00:00:00Z' },
      to: { revisionId: 2, timestamp: '2020-01-02T00:00:00Z' },
      diff: {
        sectionsAdded: [],
        sectionsRemoved: [],
        sentencesAdded: [],
        sentencesRemoved: [],
        sentencesChanged: [{ before: 'The harbour opened in 1850.', after: 'The harbour opened in 1851.' }],
        referencesAdded: [],
        referencesRemoved: [],
        identical: false,
      },
      // The lead's chunk changed; the History chunk is the same text.
      chunks: { total: 2, newText: 1 },
    });
  });

  it('finds no new text when only the revision line differs', () => {
    const before = WIKI(1, 'The harbour opened in 1850.');
    const after = WIKI(2, 'The harbour opened in 1850.');
    expect(previewChange('rollback', before, after, { from: {}, to: { version: 1 } }).chunks).toEqual({ total: 2, newText: 0 });
  });
});

describe('labelOf', () => {
  it('gives a plain file its version only', () => {
    expect(labelOf(parseDocument('a.md', Buffer.from('# A\n\nText here.\n')), 2)).toEqual({ version: 2 });
  });
});
