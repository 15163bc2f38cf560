import { randomBytes } from 'node:crypto';
import type { Passage } from '../answer/types.js';

/** What the buttons under an answer need: the question and what has been shown so far. */
export interface RememberedAnswer {
  readonly question: string;
  /** Passages shown so far, in order (first page, then each "More passages" page). */
  readonly shown: readonly Passage[];
}

/**
 * Recent answers by id, for "More passages" and feedback. Bounded (oldest forgotten first);
 * after a restart old buttons find nothing and the user is asked to ask again.
 */
export class AnswerMemory {
  private readonly answers = new Map<string, RememberedAnswer>();

  constructor(private readonly capacity = 1000) {}

  remember(answer: RememberedAnswer): string {
    const id = randomBytes(6).toString('hex');
    this.answers.set(id, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return id;
  }

  get(id: string): RememberedAnswer | undefined {
    return this.answers.get(id);
  }

  /** Adds passages shown by a "More passages" page. */
  extend(id: string, more: readonly Passage[]): void {
    const current = this.answers.get(id);
    if (current) this.answers.set(id, { ...current, shown: [...current.shown, ...more] });
  }
}
