import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Passage } from '../answer/types.js';
import { UserError } from '../errors.js';
import type { BotContext } from './BotContext.js';
import { type BotMessage, textMessage } from './render/BotMessage.js';
import { renderAnswerMessage } from './render/renderAnswerMessage.js';
import { renderMissMessage } from './render/renderMissMessage.js';

/** "More passages" stops offering more after this many passages in all. */
export const MAX_PASSAGES_SHOWN = 20;

/** A rendered reply to a question, and whether the corpus answered it. */
export interface QuestionReply {
  readonly message: BotMessage;
  /** False for a miss: `message` is then for the asker alone (what was missing, what the corpus covers). */
  readonly answered: boolean;
}

/**
 * Answers `question` (read after the question it follows up, if `after`) with one page of
 * passages, remembers it for the buttons and renders it;
 * or, when the corpus has nothing on it, renders the miss for the asker alone. One passage
 * beyond the page is asked for, to know whether to offer "More passages".
 */
export async function answerQuestion(ctx: BotContext, question: string, label: string, after?: string): Promise<QuestionReply> {
  const answer = await ctx.engine.service.answer(question, ctx.passages + 1, after);
  if (!answer.answered) return { message: renderMissMessage(answer, await ctx.engine.service.overview(), label), answered: false };
  const shown = answer.passages.slice(0, ctx.passages);
  const answerId = ctx.answers.remember({ question: answer.question, shown, ...(after === undefined ? {} : { after }) });
  const more = answer.passages.length > shown.length;
  return { message: renderAnswerMessage({ ...answer, passages: shown }, { label, answerId, more }), answered: true };
}

/**
 * Sends a reply after `deferReply`: an answer edits the deferred message; a miss replaces a
 * public "thinking…" with a message only the asker sees (a dead end is noise in the channel,
 * and under someone's message it would read like a debunk).
 */
export async function sendQuestionReply(interaction: RepliableInteraction, reply: QuestionReply): Promise<void> {
  if (reply.answered || interaction.ephemeral) {
    await interaction.editReply(reply.message);
    return;
  }
  await interaction.deleteReply();
  await interaction.followUp({ ...reply.message, flags: MessageFlags.Ephemeral });
}

/** The next page of an earlier answer: passages not shown yet, best first. */
export async function morePassages(ctx: BotContext, answerId: string): Promise<BotMessage> {
  const earlier = ctx.answers.get(answerId);
  if (!earlier) throw new UserError('answer_expired', 'ask: that answer is too old for more passages; please ask again');
  const seen = new Set(earlier.shown.map(passageKey));
  const limit = Math.min(MAX_PASSAGES_SHOWN, earlier.shown.length + ctx.passages) + 1;
  const answer = await ctx.engine.service.answer(earlier.question, limit, earlier.after);
  const unseen = answer.passages.filter((p) => !seen.has(passageKey(p)));
  const page = unseen.slice(0, Math.max(0, Math.min(ctx.passages, MAX_PASSAGES_SHOWN - earlier.shown.length)));
  if (page.length === 0) {
    return textMessage('There are no more passages on that in the corpus.');
  }
  ctx.answers.extend(answerId, page);
  const more = unseen.length > page.length && earlier.shown.length + page.length < MAX_PASSAGES_SHOWN;
  return renderAnswerMessage(
    { question: earlier.question, answered: true, passages: page, reading: answer.reading },
    { label: 'More on', answerId, more, firstRank: earlier.shown.length + 1 },
  );
}

function passageKey(p: Passage): string {
  return `${p.doc}:${p.start}:${p.end}`;
}
