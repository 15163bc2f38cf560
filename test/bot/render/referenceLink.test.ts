import { describe, expect, it } from 'vitest';
import type { Citation, CitedReference } from '../../../src/answer/types.js';
import { DISCORD_LIMITS } from '../../../src/bot/render/discordLimits.js';
import { linkTarget, referenceLink } from '../../../src/bot/render/referenceLink.js';
import { renderCitationMessage } from '../../../src/bot/render/renderCitationMessage.js';
import { footnoteList } from '../../../src/bot/render/renderAnswerMessage.js';

const AP: CitedReference = {
  n: 4,
  text: 'Charlton, Angela (3 November 2009). "France wades into bog of North Korean diplomacy". Associated Press.',
  url: 'https://apnews.com/article/x?id=1',
};

describe('referenceLink', () => {
  it('links the quoted title and keeps the rest after a dash', () => {
    expect(footnoteList([AP])).toBe(
      '[4] [France wades into bog of North Korean diplomacy](https://apnews.com/article/x?id=1) — Charlton, Angela (3 November 2009). Associated Press.',
    );
  });

  it('links the whole text when there is no quoted title', () => {
    expect(referenceLink('Koryo Celadon (1979) - IMDb', 'http://www.imdb.com/title/tt1/', 295)).toBe(
      '[Koryo Celadon (1979) - IMDb](http://www.imdb.com/title/tt1/)',
    );
  });

  it('keeps a reference without a URL exactly as before', () => {
    expect(footnoteList([{ n: 1, text: '"DPRK Diplomatic Relations", National Committee on North Korea' }])).toBe(
      '[1] "DPRK Diplomatic Relations", National Committee on North Korea',
    );
  });

  it('drops anything but http and https, and escapes what would break out of the link', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.example/x', 'not a url', `https://a.example/${'x'.repeat(600)}`]) {
      expect(linkTarget(url)).toBeUndefined();
      expect(referenceLink('"T". W.', url, 295)).toBe('"T". W.');
    }
    expect(linkTarget('https://a.example/a (b)<c>')).toBe('https://a.example/a%20%28b%29%3Cc%3E');
    expect(referenceLink('"A [b] *c* @everyone". W.', 'https://a.example/', 295)).toBe('[A \\[b\\] \\*c\\* @\u200beveryone](https://a.example/) — W.');
    expect(referenceLink('"Evil](https://phish.example)". W.', 'https://a.example/', 295)).toBe('[Evil\\]\\(https://phish.example)](https://a.example/) — W.');
  });

  it('stays within the footnote field, never cutting a link', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      n: i + 1,
      text: `"${'Long title '.repeat(30)}". ${'Publisher '.repeat(30)}`,
      url: `https://a.example/${'p'.repeat(400)}/${i}`,
    }));
    const value = footnoteList(many);
    expect(value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    for (const line of value.split('\n').filter((l) => l.startsWith('['))) expect(line).toMatch(/\]\(https:\/\/a\.example\/p+\/\d+\)/);
    expect(value).toMatch(/…and \d+ more \(see \/cite\)$/);
  });

  it('links the reference in /cite', () => {
    const citation: Citation = { docId: 'd', title: 'T', n: 4, text: AP.text, url: AP.url!, passages: [] };
    const description = renderCitationMessage([citation]).embeds[0]!.description!;
    expect(
      description.startsWith(
        '[France wades into bog of North Korean diplomacy](https://apnews.com/article/x?id=1) — Charlton, Angela (3 November 2009). Associated Press.\n',
      ),
    ).toBe(true);
  });
});
