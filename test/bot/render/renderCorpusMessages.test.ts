import { describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../../src/index/buildIndex.js';
import { renderCorpusChange } from '../../../src/bot/render/renderCorpusMessages.js';

const build = (total: number, problems: string[] = []): BuildSummary => ({
  documents: 2,
  chunks: 14,
  embedded: 2,
  reused: 12,
  removed: 0,
  embedderId: 'hash-v1-512',
  problems,
  incremental: true,
  seconds: { total, parse: 0, embed: 0, index: 0, hnsw: 0, lexical: 0, write: 0 },
});

describe('renderCorpusChange', () => {
  it('names the document, the version and the rebuild, a quick one in milliseconds', () => {
    expect(renderCorpusChange('Added', { id: 'tea', title: 'Tea' }, build(0.043), 1).content).toBe(
      'Added **Tea** (`tea`). Recorded as version 1.\nIndex rebuilt in 43 ms: 2 documents, 14 chunks (2 embedded, 12 reused).',
    );
    expect(renderCorpusChange('Updated', { id: 'tea', title: 'Tea' }, build(2.46)).content).toBe(
      'Updated **Tea** (`tea`).\nIndex rebuilt in 2.5 s: 2 documents, 14 chunks (2 embedded, 12 reused).',
    );
  });

  it('lists the files the build skipped, escaped', () => {
    const message = renderCorpusChange('Removed', { id: 'tea', title: '**Tea**' }, build(0.0001, ['corpus: "x.pdf" is not text']));
    expect(message.content).toBe(
      'Removed **\\*\\*Tea\\*\\*** (`tea`).\nIndex rebuilt in 1 ms: 2 documents, 14 chunks (2 embedded, 12 reused).\n⚠ corpus: "x.pdf" is not text',
    );
    expect(message.allowedMentions).toEqual({ parse: [] });
  });
});
