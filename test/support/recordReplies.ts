/**
 * Drives the real bot against the fake Discord through one reply of each kind and writes the
 * messages as Discord holds them at the end, one JSON line each, in the input format of the team's
 * discord-look tool (which draws them and measures their height):
 *
 *   npx tsx test/support/recordReplies.ts replies.jsonl
 *   bash ../shared/tools/discord-look/look.sh look-out replies.jsonl
 *
 * Nothing here is a test; it is how docs/discord.md's heights and docs/img's screenshots are made.
 */
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationCommandOptionType, MessageFlags, type APIMessage } from 'discord.js';
import { type InteractionRef, apiMessage, buttonInteraction, chatInputInteraction, messageContextMenuInteraction } from './FakeDiscord.js';
import { startTestBot, testMember, type TestBot } from './startTestBot.js';

/** One line of discord-look input. */
interface LookLine {
  readonly name: string;
  readonly user: string;
  readonly command: string;
  readonly options?: string;
  readonly reply?: string;
  readonly message: { content: string; embeds: unknown[]; components: unknown[]; flags: number };
}

/** The dev questions measured besides the first one (test/fixtures/dev.jsonl). */
const ASKED = [
  ['answer', 'Does France recognise North Korea?'],
  ['answer-envoy', 'Who did Sarkozy appoint as special envoy to North Korea?'],
  ['answer-opinion', "What share of French people view North Korea's influence positively?"],
  ['answer-conditions', 'Under what conditions would France establish diplomatic relations with the DPRK?'],
  ['answer-office', 'Who was to head the French office in North Korea?'],
  ['answer-citation-needed', 'Did Mitterrand promise recognition to North Korea?'],
] as const;

/** The interaction's reply once the bot has finished with it: the edited original, or its last follow-up. */
async function settled(bot: TestBot, interaction: InteractionRef): Promise<APIMessage> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const followUp = bot.fake.followUps(interaction).at(-1);
    if (followUp) return followUp;
    const original = bot.fake.originalMessage(interaction);
    if (original && ((original.flags ?? 0) & MessageFlags.Loading) === 0) return original;
    await sleep(50);
  }
  throw new Error('recordReplies: no reply within 10 s');
}

const look = (name: string, command: string, options: string, m: APIMessage, reply?: string): LookLine => ({
  name,
  user: 'Alice',
  command,
  options,
  ...(reply ? { reply } : {}),
  message: { content: m.content, embeds: m.embeds, components: m.components ?? [], flags: m.flags ?? 0 },
});

async function record(bot: TestBot): Promise<LookLine[]> {
  const lines: LookLine[] = [];
  const ask = (question: string) =>
    bot.fake.dispatchInteraction(
      chatInputInteraction({ name: 'ask', member: testMember(), options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }] }),
    );
  for (const [name, question] of ASKED) {
    const interaction = ask(question);
    lines.push(look(name, 'ask', `question: ${question}`, await settled(bot, interaction)));
  }
  const first = ask(ASKED[0][1]);
  const answer = await settled(bot, first);
  const more = (answer.components?.[0] as { components: { custom_id: string; label: string }[] } | undefined)?.components.find(
    (c) => c.label === 'More passages',
  );
  if (more) {
    const press = bot.fake.dispatchInteraction(buttonInteraction({ customId: more.custom_id, member: testMember(), message: answer }));
    lines.push(look('more', 'ask', `question: ${ASKED[0][1]}`, await settled(bot, press), 'More passages'));
  }
  const cite = bot.fake.dispatchInteraction(
    chatInputInteraction({ name: 'cite', member: testMember(), options: [{ name: 'number', type: ApplicationCommandOptionType.Integer, value: 1 }] }),
  );
  lines.push(look('cite', 'cite', 'number: 1', await settled(bot, cite)));
  const missQuestion = 'What is the recipe for sourdough bread?';
  lines.push(look('miss', 'ask', `question: ${missQuestion}`, await settled(bot, ask(missQuestion))));
  const target = apiMessage({ content: 'France still refuses to recognise North Korea, right?' });
  const check = bot.fake.dispatchInteraction(messageContextMenuInteraction({ name: 'Find sources', member: testMember(), target }));
  lines.push(look('find-sources', 'Find sources', '', await settled(bot, check)));
  return lines;
}

const out = process.argv[2];
if (!out) throw new Error('usage: npx tsx test/support/recordReplies.ts OUT.jsonl');
const bot = await startTestBot({ ASK_RATE_LIMIT: '100' });
try {
  const lines = await record(bot);
  writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`${lines.length} replies written to ${out}`);
} finally {
  await bot.close();
}
