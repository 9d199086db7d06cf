/**
 * Sign-in rate limiting: a sliding window of failed attempts per username and per client
 * address. An attempt takes its slot before the (slow) password check and keeps it unless the
 * password was right, so concurrent attempts cannot pass the limit. In memory (one process);
 * a restart forgets, which only loosens the limit.
 */

export interface LimiterOptions {
  /** Failed attempts allowed per username within the window. */
  perUsername: number;
  /** Failed attempts allowed per client address within the window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { perUsername: 5, perAddress: 20, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly opts: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(username: string, address: string): number {
    const checks: Array<[string, number]> = [
      [`u:${username.toLowerCase()}`, this.opts.perUsername],
      [`a:${address}`, this.opts.perAddress],
    ];
    let wait = 0;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length >= limit) {
        const until = list[list.length - limit] + this.opts.windowMs;
        wait = Math.max(wait, Math.ceil((until - this.now()) / 1000));
      }
    }
    return wait;
  }

  /**
   * Takes a slot for an attempt before its password is checked: returns the seconds to wait
   * (nothing recorded) when a limit is reached, else 0 with the attempt already counted as a
   * failure, which it stays unless `succeed` is called. Check and record happen together, so
   * attempts running at the same time cannot exceed the limit.
   */
  reserve(username: string, address: string): number {
    const wait = this.retryAfter(username, address);
    if (wait > 0) return wait;
    this.fail(username, address);
    return 0;
  }

  /** Records a failed attempt. */
  fail(username: string, address: string): void {
    const t = this.now();
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      const list = this.recent(key);
      list.push(t);
      this.failures.set(key, list);
    }
  }

  /**
   * After a successful sign-in: clears the username's failures and, when `address` is given,
   * gives back the slot the attempt reserved there.
   */
  succeed(username: string, address?: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
    if (address === undefined) return;
    const list = this.recent(`a:${address}`);
    list.pop();
    if (list.length === 0) this.failures.delete(`a:${address}`);
  }
}
