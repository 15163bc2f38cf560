import { type APIModalInteractionResponseCallbackData, type ButtonInteraction, ComponentType, type ModalSubmitInteraction, TextInputStyle } from 'discord.js';
import { MAX_QUESTION_CHARS, validateQuestion } from '../answer/validateQuestion.js';
import { UserError } from '../errors.js';
import { replyToQuestion, sendQuestionReply } from './replyToQuestion.js';
import type { BotContext } from './BotContext.js';
import { checkAskLimit } from './replies.js';

const MODAL_PREFIX = 'followup';
const INPUT_ID = 'question';

/** The custom id of a follow-up modal: `followup:<answer id>`; null for any other id. */
export function parseFollowUpId(customId: string): string | null {
  const m = /^followup:([\w-]{1,64})$/.exec(customId);
  return m ? m[1]! : null;
}

/** "Follow up" under an answer: a modal with one text input for the next question. */
export async function showFollowUpModal(interaction: ButtonInteraction, answerId: string, ctx: BotContext): Promise<void> {
  if (!(await ctx.recentAnswers.get(answerId))) throw new UserError('answer_expired', 'ask: that answer is too old to follow up; please ask again with /ask');
  const modal: APIModalInteractionResponseCallbackData = {
    custom_id: `${MODAL_PREFIX}:${answerId}`,
    title: 'Follow up',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: INPUT_ID,
            label: 'Your question, read with the one before it',
            style: TextInputStyle.Short,
            max_length: MAX_QUESTION_CHARS,
            required: true,
          },
        ],
      },
    ],
  };
  await interaction.showModal(modal);
}

/**
 * The submitted follow-up: answered in the channel with the earlier question as its context
 * ("and when did he go there?" after "who did Sarkozy send to Pyongyang?").
 */
export async function answerFollowUp(interaction: ModalSubmitInteraction, answerId: string, ctx: BotContext): Promise<void> {
  checkAskLimit(ctx, interaction.user.id);
  const earlier = await ctx.recentAnswers.get(answerId);
  if (!earlier) throw new UserError('answer_expired', 'ask: that answer is too old to follow up; please ask again with /ask');
  const question = validateQuestion(interaction.fields.getTextInputValue(INPUT_ID));
  await interaction.deferReply();
  await sendQuestionReply(interaction, await replyToQuestion(ctx, question, 'Follow-up', { guild: interaction.guildId, after: earlier.question }));
}
