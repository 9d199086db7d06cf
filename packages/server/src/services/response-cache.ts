/**
 * A small in-memory cache of serialized aggregate responses (dashboards, public prevalence):
 * roll-ups change only when they are refreshed, so answers are reused for a short time and
 * dropped at once when this process refreshes roll-ups (data entry, import). Access is always
 * checked before the cache is consulted.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { at: number; body: string }>();
  private holds = 0;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached body for `key`, or the one `build` makes (then cached). */
  async get(key: string, build: () => Promise<string>): Promise<string> {
    if (this.ttlMs <= 0) return build();
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit && (t - hit.at < this.ttlMs || this.holds > 0)) return hit.body;
    const body = await build();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { at: t, body });
    return body;
  }

  /**
   * While held, answers do not expire: an import holding the embedded database (one connection)
   * would make every request that needs it wait until the import ends, so the answers given
   * before it are given again meanwhile (they are the figures until the import lands). Returns
   * the release.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (!released) this.holds--;
      released = true;
    };
  }

  /** True while held (see `hold`). */
  get held(): boolean {
    return this.holds > 0;
  }

  /** Drops everything (after roll-ups were refreshed). */
  clear(): void {
    this.entries.clear();
  }
}
