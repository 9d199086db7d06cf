/**
 * A per-key sliding window: at most `limit` actions within `windowMs` (e.g. 10 NIK searches a
 * minute per user). In memory, one process; a restart forgets, which only loosens the limit.
 */
export class RateWindow {
  private readonly times = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an action for `key` and returns 0, or returns the seconds to wait (nothing counted). */
  take(key: string): number {
    const now = this.now();
    const list = (this.times.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length >= this.limit) {
      this.times.set(key, list);
      return Math.max(1, Math.ceil((list[list.length - this.limit] + this.windowMs - now) / 1000));
    }
    list.push(now);
    this.times.set(key, list);
    if (this.times.size > 10_000) {
      for (const [k, l] of this.times) if (l[l.length - 1] <= now - this.windowMs) this.times.delete(k);
    }
    return 0;
  }
}
