import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { UserError } from '../errors.js';
import { morePassages } from './answerQuestion.js';
import type { BotContext } from './BotContext.js';
import type { AnswerAction } from './render/answerButtons.js';
import { textMessage } from './render/BotMessage.js';
import { checkAskLimit, ephemeral } from './replies.js';

/**
 * Buttons under an answer. "More passages" sends the next page to the presser only; 👍 / 👎 is
 * appended to the feedback file with the question and the passages shown (future eval cases).
 */
export async function handleAnswerButton(
  interaction: ButtonInteraction,
  button: { action: AnswerAction; answerId: string },
  ctx: BotContext,
): Promise<void> {
  if (button.action === 'more') {
    checkAskLimit(ctx, interaction.user.id);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply(await morePassages(ctx, button.answerId));
    return;
  }
  const answer = ctx.answers.get(button.answerId);
  if (!answer) throw new UserError('answer_expired', 'feedback: that answer is too old to rate; please ask again');
  await ctx.feedback.append({
    time: new Date().toISOString(),
    user: interaction.user.id,
    vote: button.action,
    question: answer.question,
    passages: answer.shown.map((p) => ({ doc: p.doc, section: p.section, start: p.start, end: p.end, score: p.score, text: p.text })),
  });
  const emoji = button.action === 'up' ? '👍' : '👎';
  await interaction.reply(ephemeral(textMessage(`Thanks, your ${emoji} is recorded; it helps improve the answers.`)));
}
