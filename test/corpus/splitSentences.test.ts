import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEGMENT_WINDOW, splitSentences } from '../../src/corpus/splitSentences.js';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('does not end a sentence at a title or at initials', () => {
    expect(split('Mr. J. R. Smith went to Washington. He stayed.')).toEqual(['Mr. J. R. Smith went to Washington.', 'He stayed.']);
  });

  it('does not end a sentence at U.S. or a month abbreviation', () => {
    expect(split('The U.S. Senate met on Nov. 9 in the capital. It voted.')).toEqual(['The U.S. Senate met on Nov. 9 in the capital.', 'It voted.']);
  });

  it('keeps markers after a full stop with the sentence they follow', () => {
    expect(split('It ended in Estonia.[1] (This means a lot.) Next one.[2][3] Last.[citation needed]')).toEqual([
      'It ended in Estonia.[1]',
      '(This means a lot.)',
      'Next one.[2][3]',
      'Last.[citation needed]',
    ]);
  });

  it('merges a segment that continues in lower case', () => {
    expect(split('He said "no." and left. then again. Done.')).toEqual(['He said "no." and left. then again.', 'Done.']);
  });

  it('splits at ? and !', () => {
    expect(split('Is it? Yes! It is.')).toEqual(['Is it?', 'Yes!', 'It is.']);
  });

  it('covers the paragraph: spans are trimmed, ordered, and only white space lies between them', () => {
    const text = '  First one here.  Second, with Dr. Who.[4]\tThird one?  ';
    const spans = splitSentences(text);
    expect(spans[0]?.start).toBe(2);
    expect(spans[spans.length - 1]?.end).toBe(text.trimEnd().length);
    spans.forEach((s, i) => {
      const gap = text.slice(i === 0 ? 0 : spans[i - 1]!.end, s.start);
      expect(gap.trim()).toBe('');
      expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
    });
  });

  it('returns nothing for white space', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('splitSentences on one very long paragraph', () => {
  afterEach(() => vi.restoreAllMocks());
  const words = ['alpha', 'bravo', 'charlie', 'delta'];
  const sentences = Array.from({ length: 60_000 }, (_, i) => `Zeta ${words[i % 4]} ${i} ran in Dr. Who's town.[${(i % 9) + 1}]`);
  const paragraph = sentences.join(' ');

  it('splits 60,000 sentences exactly, markers with their sentence and abbreviations mended', { timeout: 30_000 }, () => {
    expect(split(paragraph)).toEqual(sentences);
  });

  it('hands the Segmenter bounded windows that cover the text at most twice (linear work)', () => {
    const text = sentences.slice(0, 5000).join(' ');
    const seen: number[] = [];
    // Kept unbound on purpose: the spy below calls it with its own `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      seen.push(input.length);
      return segment.call(this, input);
    });
    expect(split(text)).toEqual(sentences.slice(0, 5000));
    expect(Math.max(...seen)).toBeLessThanOrEqual(SEGMENT_WINDOW);
    expect(seen.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * text.length);
  });

  it('cuts a sentence longer than a window at spaces and joins the pieces again', () => {
    const long = `${Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ')}. Next one.`;
    expect(split(long)).toEqual([long.slice(0, -' Next one.'.length), 'Next one.']);
  });
});
