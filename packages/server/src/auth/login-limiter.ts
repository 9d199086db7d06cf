/**
 * Throttling of password guesses (sign-in, and the current password of a password change). Two
 * rules, both in memory (one process; a restart forgets, which only loosens them):
 *
 * - per account and client address, exponential backoff: the first `freeAttempts` wrong passwords
 *   cost nothing, then each one makes the next attempt wait `baseDelayMs`, doubled each time up to
 *   `maxDelayMs`. The pair's failures are forgotten after a right password or `resetAfterMs` without
 *   a failure. A guesser at another address never delays the real user at theirs.
 * - per client address across accounts, a looser sliding window: at most `perAddress` wrong
 *   passwords within `addressWindowMs`, so one address cannot try many accounts.
 *
 * An attempt takes its slot before its (slow) password check and keeps it unless the password was
 * right, so attempts running at the same time cannot pass a limit.
 */

export interface LimiterOptions {
  /** Wrong passwords for one account from one address before waits begin. */
  freeAttempts: number;
  /** The wait after the first wrong password beyond the free ones; each further one doubles it. */
  baseDelayMs: number;
  /** The longest wait between two attempts for one account from one address. */
  maxDelayMs: number;
  /** An account's failures from an address are forgotten this long after the last one. */
  resetAfterMs: number;
  /** Wrong passwords allowed from one address, across all accounts, within `addressWindowMs`. */
  perAddress: number;
  addressWindowMs: number;
}

export const DEFAULT_LIMITS: LimiterOptions = {
  freeAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  resetAfterMs: 60 * 60_000,
  perAddress: 50,
  addressWindowMs: 15 * 60_000,
};

interface PairState {
  failures: number;
  /** When the last failure was recorded (ms). */
  last: number;
}

/** Entries kept before stale ones are swept. */
const SWEEP_ABOVE = 10_000;

export class LoginLimiter {
  private readonly pairs = new Map<string, PairState>();
  private readonly addresses = new Map<string, number[]>();

  constructor(
    private readonly opts: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private pairKey(account: string, address: string): string {
    return JSON.stringify([account.toLowerCase(), address]);
  }

  /** The pair's state, or undefined once forgotten. */
  private pair(key: string): PairState | undefined {
    const state = this.pairs.get(key);
    if (state && this.now() - state.last >= this.opts.resetAfterMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return state;
  }

  /** The address's failures within the window, oldest first. */
  private recent(address: string): number[] {
    const cutoff = this.now() - this.opts.addressWindowMs;
    const list = (this.addresses.get(address) ?? []).filter((t) => t > cutoff);
    if (list.length) this.addresses.set(address, list);
    else this.addresses.delete(address);
    return list;
  }

  /** How long the pair must wait after `failures` wrong passwords (ms; 0 while free). */
  delayAfter(failures: number): number {
    if (failures < this.opts.freeAttempts) return 0;
    const doublings = failures - this.opts.freeAttempts;
    return Math.min(this.opts.baseDelayMs * 2 ** Math.min(doublings, 40), this.opts.maxDelayMs);
  }

  /** Seconds to wait before another attempt for `account` from `address`, or 0 when one is allowed now. */
  retryAfter(account: string, address: string): number {
    const now = this.now();
    let until = 0;
    const state = this.pair(this.pairKey(account, address));
    if (state) until = state.last + this.delayAfter(state.failures);
    const list = this.recent(address);
    if (list.length >= this.opts.perAddress) {
      until = Math.max(until, list[list.length - this.opts.perAddress] + this.opts.addressWindowMs);
    }
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /**
   * Takes a slot for an attempt before its password is checked: returns the seconds to wait
   * (nothing recorded) when a limit is reached, else 0 with the attempt already counted as a
   * failure, which it stays unless `succeed` is called.
   */
  reserve(account: string, address: string): number {
    const wait = this.retryAfter(account, address);
    if (wait > 0) return wait;
    this.fail(account, address);
    return 0;
  }

  /** Records a wrong password for `account` from `address`. */
  fail(account: string, address: string): void {
    const now = this.now();
    const key = this.pairKey(account, address);
    const state = this.pair(key);
    this.pairs.set(key, { failures: (state?.failures ?? 0) + 1, last: now });
    const list = this.recent(address);
    list.push(now);
    if (list.length > this.opts.perAddress) list.splice(0, list.length - this.opts.perAddress);
    this.addresses.set(address, list);
    if (this.pairs.size > SWEEP_ABOVE || this.addresses.size > SWEEP_ABOVE) this.sweep();
  }

  /** After a right password: forgets the pair's failures and gives back the slot reserved at the address. */
  succeed(account: string, address: string): void {
    this.pairs.delete(this.pairKey(account, address));
    const list = this.recent(address);
    list.pop();
    if (list.length === 0) this.addresses.delete(address);
  }

  /**
   * Gives back a slot `reserve` took for an attempt that turned out to check no password (the
   * request failed for another reason): the pair's and the address's last failure are undone.
   */
  release(account: string, address: string): void {
    const key = this.pairKey(account, address);
    const state = this.pair(key);
    if (state && state.failures > 1) state.failures -= 1;
    else this.pairs.delete(key);
    const list = this.recent(address);
    list.pop();
    if (list.length === 0) this.addresses.delete(address);
  }

  /** Drops what has expired, so addresses and names an attacker makes up do not pile up. */
  private sweep(): void {
    for (const key of [...this.pairs.keys()]) this.pair(key);
    for (const address of [...this.addresses.keys()]) this.recent(address);
  }
}
