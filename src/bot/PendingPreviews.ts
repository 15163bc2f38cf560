import { randomBytes } from 'node:crypto';
import type { PreparedChange } from '../editing/CorpusEditor.js';
import { UserError } from '../errors.js';

/** How long Apply and Cancel under a preview work: five minutes. */
export const PREVIEW_TTL_MS = 5 * 60_000;

interface Pending {
  readonly change: PreparedChange;
  readonly owner: string;
  readonly expires: number;
}

/**
 * Previews of `/corpus update` and `/corpus rollback` waiting for Apply or Cancel, by id. Only the
 * moderator who asked may settle one; each expires after `ttlMs`. Kept in memory and bounded
 * (oldest forgotten first; each holds a document's bytes, at most `MAX_UPLOAD_BYTES` for an
 * upload): after a restart a preview's buttons say it expired.
 */
export class PendingPreviews {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ttlMs = PREVIEW_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly capacity = 20,
  ) {}

  /** Keeps a prepared change for `owner`; returns its id and when its buttons expire. */
  add(change: PreparedChange, owner: string): { id: string; expires: Date } {
    const now = this.now();
    for (const [id, p] of this.pending) if (p.expires <= now) this.pending.delete(id);
    const id = randomBytes(6).toString('hex');
    const expires = now + this.ttlMs;
    this.pending.set(id, { change, owner, expires });
    if (this.pending.size > this.capacity) this.pending.delete(this.pending.keys().next().value!);
    return { id, expires: new Date(expires) };
  }

  /**
   * Removes and returns the change for Apply or Cancel. Throws `not_your_preview` (and keeps it)
   * when `user` is not the moderator who asked, and `preview_expired` when it is gone or too old.
   */
  take(id: string, user: string): PreparedChange {
    const p = this.pending.get(id);
    if (p === undefined || p.expires <= this.now()) {
      this.pending.delete(id);
      throw new UserError('preview_expired', 'corpus: this preview has expired and nothing was changed; run the command again for a new one');
    }
    if (p.owner !== user) throw new UserError('not_your_preview', 'corpus: only the moderator who asked for this preview can apply or cancel it');
    this.pending.delete(id);
    return p.change;
  }
}
