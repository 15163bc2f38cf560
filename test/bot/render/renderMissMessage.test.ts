import { describe, expect, it } from 'vitest';
import { PLAIN_READING } from '../../../src/answer/readingOf.js';
import type { DocumentSummary } from '../../../src/answer/types.js';
import { DISCORD_LIMITS } from '../../../src/bot/render/discordLimits.js';
import { renderMissMessage } from '../../../src/bot/render/renderMissMessage.js';

const doc = (i: number, title = `Doc ${i}`): DocumentSummary => ({
  id: `d${i}`,
  title,
  sections: 6,
  references: 0,
  characters: 100,
  headings: ['Introduction', 'A', 'B', 'C', 'D', 'E'],
});

describe('renderMissMessage', () => {
  it('says what was missing, what the corpus covers and what to ask instead', () => {
    const message = renderMissMessage(
      { question: 'is estonia in nato', answered: false, passages: [], reading: { ...PLAIN_READING, missing: ['nato'] } },
      { documents: [doc(1, 'Relations')], examples: ['What does the corpus say about a?'] },
    );

    expect(message.content).toBe(
      [
        '**Question:** is estonia in nato',
        'The corpus says nothing about *nato*.',
        '',
        'The corpus covers:',
        '• **Relations**: A, B, C, D',
        '',
        'You could ask:',
        '• What does the corpus say about a?',
      ].join('\n'),
    );
    expect(message.embeds).toEqual([]);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('escapes titles and headings, names at most five documents, and stays within the content limit', () => {
    const documents = Array.from({ length: 9 }, (_, i) => doc(i, `[x](https://evil.example) @everyone ${'t'.repeat(300)}`));
    const message = renderMissMessage({ question: 'q'.repeat(500), answered: false, passages: [], reading: PLAIN_READING }, { documents, examples: [] });

    expect(message.content).not.toContain('@everyone');
    expect(message.content).not.toContain('](https://evil.example)');
    expect(message.content).toContain('• …and 4 more (see /corpus list)');
    expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  });
});
