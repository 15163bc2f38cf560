import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { UserError } from '../errors.js';
import type { BotContext } from './BotContext.js';
import type { BotMessage } from './render/BotMessage.js';
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

/** Where a question was asked and what it follows up. */
export interface Asked {
  /** The server it was asked in (null in a direct message): a declined question is recorded for it. */
  readonly guild: string | null;
  /** The question it follows up, read as context. */
  readonly after?: string;
}

/**
 * Answers `question` (read after the question it follows up, if `after`) with one page of
 * passages, remembers it for the buttons and renders it;
 * or, when the corpus has nothing on it, records it for `/corpus gaps` (text, time and server,
 * never the user) and renders the miss for the asker alone. One passage beyond the page is
 * asked for, to know whether to offer "More passages".
 */
export async function replyToQuestion(ctx: BotContext, question: string, label: string, { guild, after }: Asked): Promise<QuestionReply> {
  const answer = await ctx.liveIndex.answerer.answer(question, MAX_PASSAGES_SHOWN, after);
  if (!answer.answered) {
    // The gaps log serves moderators later; failing to write it must not cost the asker a reply.
    await ctx.store
      .recordGap({ question: answer.question, guild })
      .catch((error: unknown) => ctx.logger.error('store: could not record a declined question', { error }));
    return { message: renderMissMessage(answer, await ctx.liveIndex.answerer.overview(), label), answered: false };
  }
  const shown = answer.passages.slice(0, ctx.passagesPerPage);
  const answerId = await ctx.recentAnswers.remember({
    question: answer.question,
    shown,
    passages: answer.passages,
    reading: answer.reading,
    ...(after === undefined ? {} : { after }),
  });
  const more = answer.passages.length > shown.length;
  const pager = more ? { page: 0, pages: pageCount(answer.passages.length, ctx.passagesPerPage), total: answer.passages.length } : undefined;
  return { message: renderAnswerMessage({ ...answer, passages: shown }, { label, answerId, more, ...(pager ? { pager } : {}) }), answered: true };
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

/**
 * Page `page` (0-based) of an earlier answer, with ◀ ▶ to move through its pages in the same
 * message. Throws `answer_expired` for an answer no longer remembered.
 */
export async function answerPage(ctx: BotContext, answerId: string, page: number): Promise<BotMessage> {
  const earlier = await ctx.recentAnswers.get(answerId);
  if (!earlier) throw new UserError('answer_expired', 'ask: that answer is too old for more passages; please ask again');
  const pages = pageCount(earlier.passages.length, ctx.passagesPerPage);
  const at = Math.max(0, Math.min(pages - 1, page));
  const passages = earlier.passages.slice(at * ctx.passagesPerPage, (at + 1) * ctx.passagesPerPage);
  await ctx.recentAnswers.extend(answerId, passages);
  return renderAnswerMessage(
    { question: earlier.question, answered: true, passages, reading: earlier.reading },
    { label: 'More on', firstRank: at * ctx.passagesPerPage + 1, pager: { page: at, pages, total: earlier.passages.length }, pagerFor: answerId },
  );
}

function pageCount(passages: number, perPage: number): number {
  return Math.max(1, Math.ceil(passages / perPage));
}
