import { embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../../src/bot/render/discordLimits.js';
import { parsePreviewButtonId, previewButtonId, renderChangePreview } from '../../../src/bot/render/renderChangePreview.js';
import type { ChangePreview } from '../../../src/editing/ChangePreview.js';

const PREVIEW: ChangePreview = {
  action: 'update',
  doc: { id: 'harbour', title: 'Harbour *notes*' },
  from: { version: 3, revisionId: 100, timestamp: '2020-01-01T00:00:00Z' },
  to: { revisionId: 120, timestamp: '2021-05-06T07:08:09Z' },
  diff: {
    sectionsAdded: ['Today'],
    sectionsRemoved: [],
    sentencesAdded: ['A ferry calls twice a day.', 'Gulls nest here.', 'It is busy.', 'Boats wait @everyone.'],
    sentencesRemoved: ['Fishing boats use it.'],
    sentencesChanged: [{ before: 'The harbour opened in 1850.', after: 'The harbour opened in 1851.' }],
    referencesAdded: ['Marina guide, 2020.'],
    referencesRemoved: [],
    identical: false,
  },
  chunks: { total: 40, newText: 3 },
};

describe('renderChangePreview', () => {
  it('shows the counts, the first three quotes of each list, and Apply / Cancel', () => {
    const message = renderChangePreview(PREVIEW, 'p1', new Date('2026-11-29T09:05:00Z'));
    expect(message.content).toBe('');
    expect(message.embeds).toEqual([
      {
        title: 'Update Harbour \\*notes\\*: preview',
        description: [
          '`harbour`: version 3, revision 100 of 2020-01-01 → revision 120 of 2021-05-06',
          '',
          '**Sections:** 1 added, 0 removed',
          '**Sentences:** 4 added, 1 removed, 1 changed',
          '**References:** 1 added, 0 removed',
          '**Chunks to re-embed:** 40 (3 with new text)',
          '',
          'Only you can apply this; the buttons expire <t:1795943100:R>.',
        ].join('\n'),
        fields: [
          { name: 'Sections added', value: 'Today' },
          { name: 'Sentences changed (1)', value: '> The harbour opened in 1850.\n→\n> The harbour opened in 1851.' },
          { name: 'Sentences added (4)', value: '> A ferry calls twice a day.\n> Gulls nest here.\n> It is busy.\n…and 1 more' },
          { name: 'Sentences removed (1)', value: '> Fishing boats use it.' },
          { name: 'References added (1)', value: '> Marina guide, 2020.' },
        ],
      },
    ]);
    expect(message.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 3, label: 'Apply', custom_id: 'change:apply:p1' },
          { type: 2, style: 2, label: 'Cancel', custom_id: 'change:cancel:p1' },
        ],
      },
    ]);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('names a rollback and the version it restores', () => {
    const message = renderChangePreview({ ...PREVIEW, action: 'rollback', from: { version: 3 }, to: { version: 1 } }, 'p2', new Date(0));
    expect(message.embeds[0]!.title).toBe('Roll back Harbour \\*notes\\*: preview');
    expect(message.embeds[0]!.description!.split('\n')[0]).toBe('`harbour`: version 3 → version 1');
  });

  it('stays within Discord limits when every list is long', () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} ${'word '.repeat(80)}`);
    const diff = {
      ...PREVIEW.diff,
      sectionsAdded: long(40),
      sectionsRemoved: long(40),
      sentencesAdded: long(50),
      sentencesRemoved: long(50),
      sentencesChanged: long(50).map((s) => ({ before: s, after: `${s}!` })),
      referencesAdded: long(50),
      referencesRemoved: long(50),
    };
    const [embed] = renderChangePreview({ ...PREVIEW, diff }, 'p3', new Date(0)).embeds;
    expect(embed).toBeDefined();
    expect(embedLength(embed!)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(embed!.fields!.map((f) => f.name)).toEqual([
      'Sections added',
      'Sections removed',
      'Sentences changed (50)',
      'Sentences added (50)',
      'Sentences removed (50)',
      'References added (50)',
      'References removed (50)',
    ]);
  });
});

describe('previewButtonId', () => {
  it('reads back what it writes, and nothing else', () => {
    expect(parsePreviewButtonId(previewButtonId('apply', 'abc'))).toEqual({ action: 'apply', previewId: 'abc' });
    expect(parsePreviewButtonId('change:drop:abc')).toBeNull();
    expect(parsePreviewButtonId('answer:up:abc')).toBeNull();
  });
});
