import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS, validateQuestion } from '../../answer/validateQuestion.js';
import { replyToQuestion, sendQuestionReply } from '../replyToQuestion.js';
import type { BotContext } from '../BotContext.js';
import { checkAskLimit } from '../replies.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; the answer quotes the corpus with its footnotes')
  .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_QUESTION_CHARS))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

/** /ask: checks the limit and the question, defers (retrieval may take a while), answers. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  checkAskLimit(ctx, interaction.user.id);
  const question = validateQuestion(interaction.options.getString('question', true));
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
  await sendQuestionReply(interaction, await replyToQuestion(ctx, question, 'Question'));
}
