/**
 * A sliding-window limit per key (user id): at most `limit` uses in any `windowMs`.
 * Keys whose uses have all expired are forgotten, so memory stays bounded by active users.
 */
export class RateLimiter {
  private readonly uses = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a use and returns 0, or returns the seconds to wait (≥ 1) without recording. */
  take(key: string): number {
    const now = this.now();
    const recent = (this.uses.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.uses.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.uses.set(key, recent);
    if (this.uses.size > 10_000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.uses) if (times.every((t) => now - t >= this.windowMs)) this.uses.delete(key);
  }
}
