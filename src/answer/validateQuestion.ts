import { UserError } from '../errors.js';

/** Longest question accepted, in characters (Discord's option limit is the same). */
export const MAX_QUESTION_CHARS = 500;

/** Trims a question and refuses an empty one or one over 500 characters (`bad_question`). */
export function validateQuestion(question: string): string {
  const trimmed = question.trim();
  if (trimmed === '') throw new UserError('bad_question', 'question: is empty; ask something, e.g. "Does France recognise North Korea?"');
  if (trimmed.length > MAX_QUESTION_CHARS) {
    throw new UserError('bad_question', `question: is ${trimmed.length} characters long; the limit is ${MAX_QUESTION_CHARS}`);
  }
  return trimmed;
}
