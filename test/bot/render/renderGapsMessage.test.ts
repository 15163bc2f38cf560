import { describe, expect, it } from 'vitest';
import { renderGapsMessage } from '../../../src/bot/render/renderGapsMessage.js';

describe('renderGapsMessage', () => {
  it('lists the declined questions and the passages voted down, with counts and when', () => {
    const message = renderGapsMessage({
      days: 30,
      gaps: [
        { key: 'jack lang', question: 'Who is Jack Lang?', count: 3, lastAsked: new Date(1_800_000_000_000) },
        { key: 'estonia nato', question: 'is estonia in *nato*', count: 1, lastAsked: new Date(1_790_000_000_000) },
      ],
      downvoted: [
        { doc: 'harbour', section: 'History', text: 'Ships came\nfrom far away.', start: 0, end: 24, count: 2, lastVoted: new Date(1_800_000_000_000) },
      ],
    });
    expect(message.embeds).toEqual([
      {
        title: 'What the corpus lacks: the last 30 days in this server',
        fields: [
          {
            name: 'Questions declined, most asked first',
            value: '1. **3×** Who is Jack Lang? · last <t:1800000000:R>\n2. **1×** is estonia in \\*nato\\* · last <t:1790000000:R>',
          },
          { name: 'Passages voted 👎, most votes first', value: '1. **2× 👎** `harbour` · History · last <t:1800000000:R>\n> Ships came from far away.' },
        ],
        footer: { text: 'Questions that differ only in case, punctuation and small words are counted together.' },
      },
    ]);
  });

  it('says when there is nothing to show', () => {
    const [embed] = renderGapsMessage({ days: 30, gaps: [], downvoted: [] }).embeds;
    expect(embed!.fields!.map((f) => f.value)).toEqual(['None declined.', 'None voted down.']);
  });

  it('keeps whole lines within a field', () => {
    const gaps = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, question: `q${i} ${'x'.repeat(200)}`, count: 1, lastAsked: new Date(0) }));
    const [embed] = renderGapsMessage({ days: 30, gaps, downvoted: [] }).embeds;
    const lines = embed!.fields![0]!.value.split('\n');
    expect(embed!.fields![0]!.value.length).toBeLessThanOrEqual(1024);
    expect(lines.map((l) => l.slice(0, 8))).toEqual(['1. **1×*', '2. **1×*', '3. **1×*', '4. **1×*']);
  });
});
