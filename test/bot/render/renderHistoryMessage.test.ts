import { describe, expect, it } from 'vitest';
import { parseHistoryButtonId, renderHistoryMessage } from '../../../src/bot/render/renderHistoryMessage.js';
import type { DocumentVersion } from '../../../src/store/CorpusStore.js';

const version = (n: number, extra: Partial<DocumentVersion> = {}): DocumentVersion => ({
  doc: 'harbour',
  version: n,
  action: 'update',
  sha256: `${n}`.repeat(64).slice(0, 64),
  bytes: 100,
  source: { fileName: 'harbour.txt', url: 'https://en.wikipedia.org/wiki/Harbour', revisionId: `${100 + n}` },
  actor: { id: '42', name: 'alice_', guild: '7' },
  time: new Date(Date.UTC(2026, 10, n)),
  ...extra,
});

describe('renderHistoryMessage', () => {
  it('lists versions newest first with who, when, where, source and sha256, and pages with Newer / Older', () => {
    const versions = [
      version(12, { action: 'rollback', restores: 10 }),
      version(11, { source: { fileName: 'harbour.txt' }, actor: { id: 'operator', name: 'corpus folder', guild: null }, action: 'baseline' }),
    ];
    const message = renderHistoryMessage({ id: 'harbour', title: 'Harbour' }, { versions, total: 12, next: 11 }, 13);
    expect(message.embeds).toEqual([
      {
        title: 'History of Harbour',
        description: [
          '**Version 12** · rollback to version 10 · <t:1794441600:f>',
          'by alice\\_ in server 7 · revision 112 of <https://en.wikipedia.org/wiki/Harbour> · sha256 `121212121212`',
          '',
          '**Version 11** · baseline · <t:1794355200:f>',
          'by corpus folder · file harbour.txt · sha256 `111111111111`',
        ].join('\n'),
        footer: { text: 'harbour: versions 12–11 of 12, newest first' },
      },
    ]);
    expect(message.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: '◀ Newer', custom_id: 'history:0:harbour', disabled: true },
          { type: 2, style: 2, label: 'Older ▶', custom_id: 'history:11:harbour', disabled: false },
        ],
      },
    ]);
  });

  it('enables Newer on an older page and disables Older on the last', () => {
    const message = renderHistoryMessage({ id: 'harbour', title: 'Harbour' }, { versions: [version(1, { action: 'add' })], total: 12 }, 2);
    expect(message.components[0]!.components.map((b) => [(b as { custom_id: string }).custom_id, (b as { disabled: boolean }).disabled])).toEqual([
      ['history:12:harbour', false],
      ['history:1:harbour', true],
    ]);
    expect(parseHistoryButtonId('history:12:harbour')).toEqual({ doc: 'harbour', before: 12 });
    expect(parseHistoryButtonId('history:x:harbour')).toBeNull();
  });

  it('says when a document has no versions', () => {
    expect(renderHistoryMessage({ id: 'harbour', title: 'Harbour' }, { versions: [], total: 0 }, 1).content).toBe('No versions of `harbour` are recorded.');
  });
});
