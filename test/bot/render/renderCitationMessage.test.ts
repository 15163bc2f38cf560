import { describe, expect, it } from 'vitest';
import { embedLength } from 'discord.js';
import { COLOURS } from '../../../src/bot/render/colours.js';
import { DISCORD_LIMITS, truncate } from '../../../src/bot/render/discordLimits.js';
import { renderCitationMessage } from '../../../src/bot/render/renderCitationMessage.js';

describe('renderCitationMessage', () => {
  it('shows the reference text, then the citing passages under their sections', () => {
    const message = renderCitationMessage([
      { docId: 'd', title: 'Doc', n: 2, text: 'BBC @everyone', passages: [{ section: 'Intro', text: 'A poll.[2]', start: 0, end: 10 }] },
    ]);

    expect(message.embeds).toEqual([{ color: COLOURS.sourced, title: '[2] Doc', description: 'BBC @\u200beveryone\n**Cited by**\n*Intro*\n> A poll.[2]' }]);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('escapes a hostile document title in the embed title', () => {
    const message = renderCitationMessage([{ docId: 'd', title: '[Official](https://evil.example) @everyone', n: 1, text: 'r', passages: [] }]);

    expect(message.embeds[0]?.title).toBe('[1] [Official]\\(https://evil.example) @\u200beveryone');
  });

  it('stays within the limits when a footnote is cited by many long passages in many documents', () => {
    const passages = Array.from({ length: 30 }, (_, i) => ({ section: `S${i}`, text: 'x '.repeat(400), start: 0, end: 800 }));
    const citations = Array.from({ length: 12 }, (_, i) => ({ docId: `d${i}`, title: `Doc ${i}`, n: 1, text: 'r'.repeat(3000), passages }));

    const message = renderCitationMessage(citations);

    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    expect(message.embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const e of message.embeds) expect(e.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(message.embeds[0]?.description).toMatch(/…and \d+ more passages$/);
    expect(message.content).toMatch(/^_\d+ more documents with this footnote did not fit\._$/);
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('alpha beta gamma delta', 12)).toBe('alpha beta…');
  });

  it('never ends on half of a markdown escape', () => {
    expect(truncate('abcdefgh\\*ij', 10)).toBe('abcdefgh…');
  });
});
