import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../answer/validateQuestion.js';
import { UserError } from '../../errors.js';
import { replyToQuestion, sendQuestionReply } from '../replyToQuestion.js';
import type { BotContext } from '../BotContext.js';
import { truncate } from '../render/discordLimits.js';
import { checkAskLimit } from '../replies.js';

export const data = new ContextMenuCommandBuilder().setName('Find sources').setType(ApplicationCommandType.Message);

/** "Find sources" on a message: the passages that bear on what it says, shown in the channel; nothing found is for the asker alone. */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const claim = interaction.targetMessage.content.trim();
  if (claim === '') throw new UserError('no_text', 'find sources: that message has no text to check');
  checkAskLimit(ctx, interaction.user.id);
  await interaction.deferReply();
  await sendQuestionReply(interaction, await replyToQuestion(ctx, truncate(claim, MAX_QUESTION_CHARS), 'Checking'));
}
