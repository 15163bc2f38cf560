import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIEmbed, type APIMessage } from 'discord.js';
import { buttonInteraction, callTo, chatInputInteraction, type InteractionRef } from '../support/FakeDiscord.js';
import { errorText } from '../support/errorText.js';
import { startTestBot, testMember, type TestBot } from '../support/startTestBot.js';

interface Reply {
  type: number;
  data: { flags?: number; content: string; embeds: APIEmbed[]; components: { components: { custom_id: string; label: string; disabled?: boolean }[] }[] };
}

describe('the buttons under an answer after the bot restarts', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot?.close());

  const press = (customId: string, message: APIMessage, member = testMember()) =>
    bot.fake.dispatchInteraction(buttonInteraction({ customId, member, message }));
  const callback = async (interaction: InteractionRef) => (await bot.fake.waitForCall(callTo.callback(interaction), 5000)).body as Reply;
  const button = (reply: { components?: unknown }, label: string) =>
    (reply.components as Reply['data']['components'])[0]!.components.find((c) => c.label === label)!.custom_id;

  it('◀ ▶ page in place, and Follow up and 👍 still work, on messages sent before the restart', async () => {
    const question = 'What are the relations between France and North Korea?';
    const ask = bot.fake.dispatchInteraction(
      chatInputInteraction({ name: 'ask', member: testMember(), options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] }),
    );
    await bot.fake.waitForCall(callTo.editOriginal(ask), 5000);
    const answer = bot.fake.originalMessage(ask)!;
    const more = press(button(answer, 'More passages'), answer);
    const page2 = await callback(more);
    expect(page2.data.content).toMatch(/ · passages 4–6 of \d+$/);
    const pager = bot.fake.originalMessage(more)!;
    const [back, next] = page2.data.components[0]!.components;
    const voter = testMember();
    const vote = await callback(press(button(answer, '👍'), answer, voter));
    expect(vote.data.content).toBe('Thanks, your 👍 is recorded; it helps improve the answers.');

    await bot.restart();
    expect(bot.fake.identifies).toHaveLength(2);

    // ▶ on the message the old process sent: the same message, now showing page 3.
    const turned = await callback(press(next!.custom_id, pager));
    expect(turned.type).toBe(7);
    expect(turned.data.content).toBe(page2.data.content.replace('passages 4–6', 'passages 7–9'));
    expect(turned.data.embeds[0]?.description).toMatch(/\n-# \*\*7\*\* · /);
    const first = await callback(press(back!.custom_id, pager));
    expect(first.type).toBe(7);
    expect(first.data.content).toMatch(/ · passages 1–3 of \d+$/);
    expect(first.data.components[0]!.components.map((c) => c.disabled)).toEqual([true, false]);
    // The vote cast before the restart is remembered; the other buttons find their answer too.
    const again = await callback(press(button(answer, '👍'), answer, voter));
    expect(again.data.content).toBe('Your 👍 on this answer is already recorded.');
    expect((await callback(press(button(answer, 'Follow up'), answer))).type).toBe(9);
  });

  it('a page of an answer the store does not have asks to ask again', async () => {
    const stale = bot.fake.dispatchInteraction(buttonInteraction({ customId: 'page:2:next:0123456789ab', member: testMember() }));
    const reply = await callback(stale);
    expect(reply.data.flags).toBe(64);
    expect(errorText(reply)).toBe('That answer is too old for more passages; please ask again');
  });
});
