/**
 * What the buttons under an answer need after a restart ("More passages", ◀ ▶, Follow up, 👍 / 👎):
 * each answer's state by id, as one JSON text the bot writes and reads (the store does not look
 * inside it), kept until it expires. Asynchronous like `CorpusStore`, so a server database can
 * take it over too.
 */
export interface AnswerStateStore {
  /**
   * Saves (or replaces) the state of answer `id`, kept until `expires`. Answers expired at `now`
   * (default: the store's clock) are deleted meanwhile, so the table holds only live answers.
   */
  saveAnswerState(id: string, state: string, expires: Date, now?: Date): Promise<void>;

  /** The state saved for answer `id`; undefined when there is none or it expired by `now` (default: the store's clock). */
  answerState(id: string, now?: Date): Promise<string | undefined>;
}
