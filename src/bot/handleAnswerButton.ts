import type { ButtonInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import type { Vote } from './RecentAnswers.js';
import { answerPage } from './replyToQuestion.js';
import { showFollowUpModal } from './followUp.js';
import type { BotContext } from './BotContext.js';
import type { AnswerButton } from './render/answerButtons.js';
import { textMessage } from './render/BotMessage.js';
import { checkAskLimit, ephemeral } from './replies.js';

/**
 * Buttons under an answer. "More passages" sends the next page to the presser only; "Follow up"
 * opens a modal for the next question; 👍 / 👎 is
 * recorded in the store with the question, the server and the passages shown (future eval cases,
 * and the passages `/corpus gaps` lists as voted down).
 */
export async function handleAnswerButton(interaction: ButtonInteraction, button: AnswerButton, ctx: BotContext): Promise<void> {
  if (button.action === 'follow') {
    await showFollowUpModal(interaction, button.answerId, ctx);
    return;
  }
  if (button.action === 'more') {
    // The second page, for the presser alone, in a message its ◀ ▶ then page in place.
    await interaction.reply(ephemeral(await answerPage(ctx, button.answerId, 1)));
    return;
  }
  if (button.action === 'page') {
    await interaction.update(await answerPage(ctx, button.answerId, button.page));
    return;
  }
  await recordVote(interaction, button.action, button.answerId, ctx);
}

/**
 * One vote per user per answer: the same vote again writes nothing; the other vote replaces the
 * earlier one in the store, and counts against the user's rate limit so flipping cannot flood it.
 */
async function recordVote(interaction: ButtonInteraction, vote: Vote, answerId: string, ctx: BotContext): Promise<void> {
  const expired = () => new UserError('answer_expired', 'feedback: that answer is too old to rate; please ask again');
  const answer = await ctx.recentAnswers.get(answerId);
  if (!answer) throw expired();
  const user = interaction.user.id;
  const emoji = vote === 'up' ? '👍' : '👎';
  // Swapped before writing, so clicks arriving meanwhile see it and write nothing.
  const previous = await ctx.recentAnswers.swapVote(answerId, user, vote);
  if (previous === null) throw expired();
  if (previous === vote) {
    await interaction.reply(ephemeral(textMessage(`Your ${emoji} on this answer is already recorded.`)));
    return;
  }
  try {
    if (previous !== undefined) checkAskLimit(ctx, user);
    await ctx.store.recordVote({
      answer: answerId,
      user,
      guild: interaction.guildId,
      vote,
      question: answer.question,
      passages: answer.shown.map((p) => ({ doc: p.docId, section: p.section, start: p.start, end: p.end, score: p.score, text: p.text })),
    });
  } catch (err) {
    await ctx.recentAnswers.swapVote(answerId, user, previous);
    throw err;
  }
  await interaction.reply(ephemeral(textMessage(`Thanks, your ${emoji} is recorded; it helps improve the answers.`)));
}
