import { randomBytes } from 'node:crypto';
import type { Passage, QuestionReading } from '../answer/types.js';
import type { AnswerStateStore } from '../store/AnswerStateStore.js';

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

/** An answer as saved: what its buttons need and each user's vote on it. */
interface SavedAnswer extends RememberedAnswer {
  readonly votes: Readonly<Record<string, Vote>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Answers by id, for "More passages", ◀ ▶, "Follow up" and feedback, kept in the store so the
 * buttons still work after a restart. Each answer expires `days` days after it was last used;
 * then its buttons ask the user to ask again. Changes to one answer run one after another.
 */
export class RecentAnswers {
  /** The last change queued per answer id, so a read-modify-write never interleaves with another. */
  private readonly queued = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: AnswerStateStore,
    private readonly days: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async remember(answer: RememberedAnswer): Promise<string> {
    const id = randomBytes(6).toString('hex');
    await this.save(id, { ...answer, votes: {} });
    return id;
  }

  async get(id: string): Promise<RememberedAnswer | undefined> {
    return this.load(id);
  }

  /**
   * Records the user's vote (or, with undefined, clears it) and returns the vote it replaced;
   * `null` when the answer is not remembered (nothing is recorded then).
   */
  async swapVote(id: string, userId: string, vote: Vote | undefined): Promise<Vote | undefined | null> {
    return this.change(id, async () => {
      const saved = await this.load(id);
      if (!saved) return null;
      const previous = saved.votes[userId];
      const others = Object.fromEntries(Object.entries(saved.votes).filter(([user]) => user !== userId));
      await this.save(id, { ...saved, votes: vote === undefined ? others : { ...others, [userId]: vote } });
      return previous;
    });
  }

  /** Adds the passages of a page looked at to those shown (each once), and keeps the answer `days` days from now. */
  async extend(id: string, more: readonly Passage[]): Promise<void> {
    await this.change(id, async () => {
      const saved = await this.load(id);
      if (!saved) return;
      const added = more.filter((p) => !saved.shown.some((s) => samePassage(s, p)));
      // Saved even when nothing was added: looking at a page is a use, and keeps the answer longer.
      await this.save(id, { ...saved, shown: [...saved.shown, ...added] });
    });
  }

  private async load(id: string): Promise<SavedAnswer | undefined> {
    const state = await this.store.answerState(id, this.clock());
    return state === undefined ? undefined : (JSON.parse(state) as SavedAnswer);
  }

  private async save(id: string, answer: SavedAnswer): Promise<void> {
    const now = this.clock();
    await this.store.saveAnswerState(id, JSON.stringify(answer), new Date(now.getTime() + this.days * DAY_MS), now);
  }

  private change<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queued.get(id) ?? Promise.resolve()).then(work);
    const settled = run.catch(() => undefined);
    this.queued.set(id, settled);
    void settled.then(() => {
      if (this.queued.get(id) === settled) this.queued.delete(id);
    });
    return run;
  }
}

// Passages come back from the store as copies: the same passage is the same document span.
function samePassage(a: Passage, b: Passage): boolean {
  return a.docId === b.docId && a.start === b.start && a.end === b.end;
}
