import { randomBytes } from 'node:crypto';
import type { Passage, QuestionReading } from '../answer/types.js';

/** A 👍 or 👎 on an answer. */
export type Vote = 'up' | 'down';

/** What the buttons under an answer need: the question and what has been shown so far. */
export interface RememberedAnswer {
  readonly question: string;
  /** The question this one followed up, when it did (it is read as context again for more passages). */
  readonly after?: string;
  /** Passages shown so far, in order (first page, then each page looked at): what a vote rates. */
  readonly shown: readonly Passage[];
  /** Every passage of the answer, best first, for its pages. */
  readonly passages: readonly Passage[];
  /** How the question was read, shown again on each page. */
  readonly reading: QuestionReading;
}

/**
 * Recent answers by id, for "More passages" and feedback. Bounded (oldest forgotten first);
 * after a restart old buttons find nothing and the user is asked to ask again.
 */
export class RecentAnswers {
  private readonly answers = new Map<string, RememberedAnswer>();
  /** Each remembered answer's votes by user id: one vote per user, a later one replacing the earlier. */
  private readonly votes = new Map<string, Map<string, Vote>>();

  constructor(private readonly capacity = 1000) {}

  remember(answer: RememberedAnswer): string {
    const id = randomBytes(6).toString('hex');
    this.answers.set(id, answer);
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value!;
      this.answers.delete(oldest);
      this.votes.delete(oldest);
    }
    return id;
  }

  get(id: string): RememberedAnswer | undefined {
    return this.answers.get(id);
  }

  /** The user's vote on a remembered answer, if any. */
  voteOf(id: string, userId: string): Vote | undefined {
    return this.votes.get(id)?.get(userId);
  }

  /** Sets (or, with undefined, clears) the user's vote on a remembered answer. */
  setVote(id: string, userId: string, vote: Vote | undefined): void {
    if (!this.answers.has(id)) return;
    const votes = this.votes.get(id) ?? new Map<string, Vote>();
    if (vote === undefined) votes.delete(userId);
    else votes.set(userId, vote);
    this.votes.set(id, votes);
  }

  /** Adds the passages of a page looked at to those shown (each once). */
  extend(id: string, more: readonly Passage[]): void {
    const current = this.answers.get(id);
    if (!current) return;
    const added = more.filter((p) => !current.shown.includes(p));
    this.answers.set(id, { ...current, shown: [...current.shown, ...added] });
  }
}
