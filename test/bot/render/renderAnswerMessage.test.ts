import { PLAIN_READING } from '../../../src/answer/readingOf.js';
import { describe, expect, it } from 'vitest';
import { embedLength } from 'discord.js';
import type { Answer, Passage } from '../../../src/answer/types.js';
import { DISCORD_LIMITS } from '../../../src/bot/render/discordLimits.js';
import { COLOURS } from '../../../src/bot/render/colours.js';
import { footnoteList, renderAnswerMessage, UNSOURCED_WARNING } from '../../../src/bot/render/renderAnswerMessage.js';
import { NOT_IN_CORPUS } from '../../../src/render/describeReading.js';
import type { BotMessage } from '../../../src/bot/render/BotMessage.js';

function passage(over: Partial<Passage> = {}): Passage {
  return {
    docId: 'france-north-korea-relations',
    title: 'France–North Korea relations',
    section: 'Introduction',
    text: 'France is one of the only two European Union members not to recognise North Korea, the other being Estonia.[1]',
    start: 250,
    end: 360,
    score: 1.04,
    footnotes: [{ n: 1, text: '"DPRK Diplomatic Relations", National Committee on North Korea' }],
    citationNeeded: false,
    ...over,
  };
}

/** Every Discord limit a message must respect, asserted one by one. */
function expectWithinLimits(message: BotMessage): void {
  expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(message.allowedMentions).toEqual({ parse: [] });
}

describe('renderAnswerMessage', () => {
  it('renders a passage as a quote captioned with its rank, section and footnotes in small print, the document named once, and buttons', () => {
    const answer: Answer = { question: 'Does France recognise North Korea?', answered: true, passages: [passage()], reading: PLAIN_READING };

    const message = renderAnswerMessage(answer, { answerId: 'abc123', more: true });

    expect(message.content).toBe('**Question:** Does France recognise North Korea?\nFrom **France–North Korea relations**');
    // No internal ids or offsets anywhere: no title, no footer; the caption under the quote.
    expect(message.embeds).toEqual([
      {
        color: COLOURS.sourced,
        description:
          'France is one of the only two European Union members not to recognise North Korea, the other being Estonia.[1]\n-# **1** · Introduction · [1] "DPRK Diplomatic Relations", National Committee on North Korea',
      },
    ]);
    expect(message.components[0]?.components.map((c) => ('label' in c ? (c.label ?? '') : '') + ' ' + ('custom_id' in c ? c.custom_id : ''))).toEqual([
      'More passages answer:more:abc123',
      'Follow up answer:follow:abc123',
      '👍 answer:up:abc123',
      '👎 answer:down:abc123',
    ]);
    expectWithinLimits(message);
  });

  it('links the document to the article it was imported from, and names documents per passage when there are several', () => {
    const linked = renderAnswerMessage({
      question: 'q',
      answered: true,
      passages: [passage({ sourceUrl: 'https://en.wikipedia.org/wiki/Bodmin_(town)' })],
      reading: PLAIN_READING,
    });
    expect(linked.content).toBe('**Question:** q\nFrom [**France–North Korea relations**](https://en.wikipedia.org/wiki/Bodmin_%28town%29)');

    const two = renderAnswerMessage({
      question: 'q',
      answered: true,
      passages: [passage(), passage({ docId: 'other', title: 'Other', text: 'Something else.' })],
      reading: PLAIN_READING,
    });
    expect(two.content).toBe('**Question:** q');
    expect(two.embeds).toHaveLength(1);
    expect(two.embeds[0]?.description?.split('\n').filter((line) => line.startsWith('-# **'))).toEqual([
      '-# **1** · France–North Korea relations — Introduction · [1] "DPRK Diplomatic Relations", National Committee on North Korea',
      // Footnote numbers are per document: the other document's [1] is its own.
      '-# **2** · Other — Introduction · [1] "DPRK Diplomatic Relations", National Committee on North Korea *(closes the paragraph)*',
    ]);
  });

  it('shows a passage the article repeats once, saying where it appears again', () => {
    const again = passage({
      text: 'France is one of the only two European Union members not to grant diplomatic recognition to North Korea, the other being Estonia.[1]',
      section: 'Diplomatic relations',
      start: 900,
      end: 1030,
    });

    const message = renderAnswerMessage({ question: 'q', answered: true, passages: [passage(), again], reading: PLAIN_READING });

    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.description?.split('\n')[1]).toBe(
      '-# **1** · Introduction · *said again in Diplomatic relations* · [1] "DPRK Diplomatic Relations", National Committee on North Korea',
    );
    expect(message.embeds[0]?.description).not.toContain('grant diplomatic recognition');
  });

  it('lists a footnote once per message, and says when it closes the paragraph rather than the quote', () => {
    const first = passage();
    const second = passage({
      text: 'The office was to be headed by a diplomat.',
      start: 500,
      end: 540,
      footnotes: [
        { n: 1, text: 'DPRK' },
        { n: 5, text: 'AP, 2011' },
      ],
    });

    const message = renderAnswerMessage({ question: 'q', answered: true, passages: [first, second], reading: PLAIN_READING });

    expect(message.embeds[0]?.description?.split('\n').slice(2)).toEqual([
      'The office was to be headed by a diplomat.',
      // The section is named where it changes: passage 2 is in the same one as passage 1.
      '-# **2** · [5] AP, 2011 *(closes the paragraph)*',
      '-# [1] as above',
    ]);
  });

  it('keeps many long passages with many footnotes within every Discord limit, noting what was left out', () => {
    const long = 'The *claim* is `long` and _winding_ [a](http://x) ~~so~~ ||it|| goes on. '.repeat(80);
    const footnotes = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, text: `Reference ${i + 1}: ${'a source with a long name '.repeat(12)}` }));
    const passages = Array.from({ length: 15 }, (_, i) =>
      passage({
        title: 'T'.repeat(300),
        section: `Section ${i} ${'s'.repeat(300)}`,
        text: `${long}\n# heading\n- item`,
        footnotes: footnotes.slice(i),
        citationNeeded: true,
      }),
    );

    const message = renderAnswerMessage({ question: 'Q? '.repeat(160), answered: true, passages, reading: PLAIN_READING }, { answerId: 'x', more: true });

    expectWithinLimits(message);
    // Each passage starts with the warning and ends with its caption and footnotes.
    const blocks = message.embeds.flatMap((e) => e.description!.split(/\n(?=⚠️)/));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThan(15);
    expect(message.content).toContain(`${15 - blocks.length} more passages did not fit in this message.`);
    for (const block of blocks) {
      // The warning first; the quote cut cleanly: at a boundary, marked, never mid-escape.
      expect(block.split('\n')[0]).toBe(UNSOURCED_WARNING);
      expect(block).toMatch(/[^\\]…\n-# \*\*\d+\*\* · /);
    }
    expect(blocks[0]).toMatch(/…and \d+ more \(see \/cite\)$/);
  });

  it('shows a [citation needed] quote in its own colour with the warning as its first line', () => {
    const p = passage({ text: 'Mitterrand promised recognition.[citation needed]', footnotes: [], citationNeeded: true });

    const message = renderAnswerMessage({
      question: 'Mitterrand?',
      answered: true,
      passages: [p, passage({ start: 600, end: 700, text: 'Another, sourced.[2]', footnotes: [{ n: 2, text: 'BBC' }] })],
      reading: PLAIN_READING,
    });

    expect(message.embeds.map((e) => e.color)).toEqual([COLOURS.citationNeeded, COLOURS.sourced]);
    expect(message.embeds[0]?.description).toBe(`${UNSOURCED_WARNING}\nMitterrand promised recognition.[citation needed]\n-# **1** · Introduction`);
  });

  it('packs neighbouring passages of one colour into one embed, a [citation needed] one between them in its own', () => {
    const sourced = (start: number, text: string) => passage({ start, end: start + text.length, text, footnotes: [] });
    const unsourced = passage({ start: 300, end: 340, text: 'Mitterrand promised recognition.[citation needed]', footnotes: [], citationNeeded: true });
    const passages = [sourced(0, 'One thing.'), sourced(100, 'Another thing.'), unsourced, sourced(500, 'A last thing.')];

    const message = renderAnswerMessage(
      { question: 'q', answered: true, passages, reading: PLAIN_READING },
      { answerId: 'a', more: true, pager: { page: 0, pages: 3, total: 12 } },
    );

    expect(message.content).toBe('**Question:** q\nFrom **France–North Korea relations** · passages 1–4 of 12');
    expect(message.embeds).toEqual([
      { color: COLOURS.sourced, description: 'One thing.\n-# **1** · Introduction\nAnother thing.\n-# **2**' },
      { color: COLOURS.citationNeeded, description: `${UNSOURCED_WARNING}\nMitterrand promised recognition.[citation needed]\n-# **3**` },
      { color: COLOURS.sourced, description: 'A last thing.\n-# **4**' },
    ]);
  });

  it("names a passage's section where it changes, not again under a run from one section", () => {
    const inSection = (section: string, start: number) => passage({ section, start, end: start + 10, text: `${section} ${start}.`, footnotes: [] });
    const message = renderAnswerMessage({
      question: 'q',
      answered: true,
      passages: [inSection('Introduction', 0), inSection('Economy', 100), inSection('Economy', 200)],
      reading: PLAIN_READING,
    });
    expect(message.embeds[0]?.description?.split('\n').filter((line) => line.startsWith('-# '))).toEqual([
      '-# **1** · Introduction',
      '-# **2** · Economy',
      '-# **3**',
    ]);
  });

  it('keeps to 10 embeds when every passage changes colour, noting the passages left out', () => {
    const passages = Array.from({ length: 14 }, (_, i) =>
      passage({ start: i * 100, end: i * 100 + 20, text: `${'abcdefghijklmn'[i]!.repeat(5)} ${i}.`, footnotes: [], citationNeeded: i % 2 === 1 }),
    );

    const message = renderAnswerMessage({ question: 'q', answered: true, passages, reading: PLAIN_READING });

    expect(message.embeds).toHaveLength(DISCORD_LIMITS.embeds);
    expect(message.embeds.map((e) => e.color)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 1 ? COLOURS.citationNeeded : COLOURS.sourced)));
    expect(message.content).toContain('4 more passages did not fit in this message.');
    expectWithinLimits(message);
  });

  it('makes @everyone and user mentions inert in the question and in corpus text', () => {
    const p = passage({ text: 'Ping @everyone and @here and <@123> and <@&456> now.', footnotes: [{ n: 1, text: 'By <@123> @everyone' }] });

    const message = renderAnswerMessage({ question: '@everyone is <@123> right?', answered: true, passages: [p], reading: PLAIN_READING });

    const visible = JSON.stringify([message.content, message.embeds]);
    expect(visible).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
    expect(message.content).toBe('**Question:** @\u200beveryone is <\u200b@123> right?\nFrom **France–North Korea relations**');
    expect(message.embeds[0]?.description).toBe(
      'Ping @\u200beveryone and @\u200bhere and <\u200b@123> and <\u200b@&456> now.\n-# **1** · Introduction · [1] By <\u200b@123> @\u200beveryone *(closes the paragraph)*',
    );
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('keeps corpus text from breaking the formatting', () => {
    const p = passage({ text: '**bold** `code` [link](http://evil) [b](http://x)\n> nested', footnotes: [] });

    const message = renderAnswerMessage({ question: 'q', answered: true, passages: [p], reading: PLAIN_READING });

    expect(message.embeds[0]?.description).toBe('\\*\\*bold\\*\\* \\`code\\` [link]\\(http://evil) [b]\\(http://x)\n\\> nested\n-# **1** · Introduction');
  });

  it('escapes a hostile document title and section heading in the passage title', () => {
    const p = passage({ title: '[Official](https://evil.example) @everyone', section: '**Breaking** <@&456>' });

    const message = renderAnswerMessage({ question: 'q', answered: true, passages: [p], reading: PLAIN_READING });

    expect(message.content).toBe('**Question:** q\nFrom **[Official]\\(https://evil.example) @\u200beveryone**');
    expect(message.embeds[0]?.description?.split('\n')[1]).toBe(
      '-# **1** · \\*\\*Breaking\\*\\* <\u200b@&456> · [1] "DPRK Diplomatic Relations", National Committee on North Korea',
    );
  });

  it('echoes a multi-line question with no line-start formatting and no runs of blank lines', () => {
    const claim = 'France recognises North Korea\n# HUGE\n-# tiny\n> quoted\n>>> rest\n\n\n\n\nend';

    const message = renderAnswerMessage({ question: claim, answered: false, passages: [], reading: PLAIN_READING }, { label: 'Checking' });

    expect(message.content).toBe(`**Checking:** France recognises North Korea\n\\# HUGE\n\\-# tiny\n\\> quoted\n\\>>> rest\n\nend\n${NOT_IN_CORPUS}`);
  });

  it('renders an abstention as the not-in-corpus message with no buttons: there is nothing to page, follow or rate', () => {
    const message = renderAnswerMessage(
      { question: 'Who won the 1998 World Cup?', answered: false, passages: [], reading: PLAIN_READING },
      { answerId: 'id1', more: true },
    );

    expect(message.content).toBe(`**Question:** Who won the 1998 World Cup?\n${NOT_IN_CORPUS}`);
    expect(message.embeds).toEqual([]);
    expect(message.components).toEqual([]);
    expectWithinLimits(message);
  });
});

describe('footnoteList', () => {
  it('lists footnotes as [n] text and summarises those that do not fit', () => {
    const notes = [1, 2, 3].map((n) => ({ n, text: `Source ${n}` }));

    expect(footnoteList(notes)).toBe('[1] Source 1\n[2] Source 2\n[3] Source 3');
    expect(footnoteList(notes, 40)).toBe('[1] Source 1\n…and 2 more (see /cite)');
  });
});
