import { describe, expect, it } from 'vitest';
import { PendingPreviews } from '../../src/bot/PendingPreviews.js';
import type { PreparedChange } from '../../src/editing/CorpusEditor.js';

const change = { kind: 'change' } as PreparedChange;

describe('PendingPreviews', () => {
  it('gives the change to its owner once, refuses anyone else without dropping it', () => {
    const previews = new PendingPreviews(1000, () => 0);
    const { id, expires } = previews.add(change, 'alice');
    expect(expires).toEqual(new Date(1000));

    expect(() => previews.take(id, 'bob')).toThrow('not_your_preview: corpus: only the moderator who asked for this preview can apply or cancel it');
    expect(previews.take(id, 'alice')).toBe(change);
    expect(() => previews.take(id, 'alice')).toThrow(
      'preview_expired: corpus: this preview has expired and nothing was changed; run the command again for a new one',
    );
  });

  it('expires a preview after its time, and forgets the oldest past its capacity', () => {
    let now = 0;
    const previews = new PendingPreviews(1000, () => now, 2);
    const first = previews.add(change, 'alice');
    now = 1000;
    expect(() => previews.take(first.id, 'alice')).toThrow('preview_expired');

    const [a, b, c] = [previews.add(change, 'u'), previews.add(change, 'u'), previews.add(change, 'u')];
    expect(() => previews.take(a.id, 'u')).toThrow('preview_expired');
    expect([previews.take(b.id, 'u'), previews.take(c.id, 'u')]).toEqual([change, change]);
  });
});
