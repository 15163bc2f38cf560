import { errorText } from '../support/errorText.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIInteractionGuildMember } from 'discord.js';
import { buttonInteraction, callTo, chatInputInteraction } from '../support/FakeDiscord.js';
import { votesIn } from '../support/readStore.js';
import { startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

describe('👍 / 👎: one vote per user per answer', () => {
  let bot: TestBot;
  let buttons: Record<string, string>;
  const feedback = () => votesIn(bot.config.DATA_DIR);

  /** Presses a button `times` times at once and waits for every reply. */
  async function press(label: string, who: APIInteractionGuildMember, times = 1): Promise<string[]> {
    const presses = Array.from({ length: times }, () => bot.fake.dispatchInteraction(buttonInteraction({ customId: buttons[label]!, member: who })));
    const callbacks = await Promise.all(presses.map((p) => bot.fake.waitForCall(callTo.callback(p), 5000)));
    return callbacks.map((c) => (c.body as { data: { content: string } }).data.content || errorText(c.body));
  }

  beforeAll(async () => {
    bot = await startTestBot({ ASK_RATE_LIMIT: '3' });
    const ask = bot.fake.dispatchInteraction(
      chatInputInteraction({
        name: 'ask',
        member: testMember(),
        options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Does France recognise North Korea?' }],
      }),
    );
    const edit = await bot.fake.waitForCall(callTo.editOriginal(ask), 5000);
    const row = (edit.body as { components: { components: { custom_id: string; label: string }[] }[] }).components[0]!;
    buttons = Object.fromEntries(row.components.map((c) => [c.label, c.custom_id]));
  });
  afterAll(() => bot?.close());

  it('records one vote for 50 clicks of the same vote by one user, and says the rest were already recorded', async () => {
    const voter = testMember();

    const replies = await press('👍', voter, 50);

    expect(replies.filter((r) => r === 'Thanks, your 👍 is recorded; it helps improve the answers.')).toHaveLength(1);
    expect(replies.filter((r) => r === 'Your 👍 on this answer is already recorded.')).toHaveLength(49);
    expect(feedback().map((l) => [l.user, l.vote])).toEqual([[voter.user.id, 'up']]);
  });

  it('replaces a vote with a later, different one (one vote per user per answer), and limits flipping', async () => {
    const voter = testMember();
    await press('👍', voter);

    expect(await press('👎', voter)).toEqual(['Thanks, your 👎 is recorded; it helps improve the answers.']);
    await press('👍', voter);
    await press('👎', voter);
    const [refused] = await press('👍', voter); // a fourth change within the window of ASK_RATE_LIMIT=3

    expect(refused).toMatch(/^You are asking faster than I can keep up with; you can ask again <t:\d+:R>$/);
    const mine = feedback().filter((l) => l.user === voter.user.id);
    // The fourth change was refused: the third one, 👎, is the vote recorded.
    expect(mine.map((l) => l.vote)).toEqual(['down']);
  });
});
