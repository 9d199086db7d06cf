import { describe, expect, it } from "vitest";
import { type LimiterOptions, LoginLimiter } from "./login-limiter.ts";

/** Small limits for the tables: 3 free attempts, then 10 s, 20 s, 40 s, capped at 60 s. */
const LIMITS: LimiterOptions = {
  freeAttempts: 3,
  baseDelayMs: 10_000,
  maxDelayMs: 60_000,
  resetAfterMs: 600_000,
  perAddress: 8,
  addressWindowMs: 120_000,
};

/** One step of a scenario: time passes, or a wrong / right password for an account from an address. */
type Step = { wait: number } | { fail: [string, string] } | { ok: [string, string] };

function run(steps: Step[]) {
  let t = 1_000_000;
  const limiter = new LoginLimiter(LIMITS, () => t);
  for (const s of steps) {
    if ("wait" in s) t += s.wait;
    else if ("fail" in s) limiter.fail(...s.fail);
    else limiter.succeed(...s.ok);
  }
  return limiter;
}

const fails = (n: number, account: string, address: string, gapMs = 0): Step[] =>
  Array.from({ length: n }, () => [{ fail: [account, address] } as Step, { wait: gapMs } as Step]).flat();

describe("LoginLimiter", () => {
  // [what happens, steps, account and address asked about, seconds to wait]
  const table: Array<[string, Step[], [string, string], number]> = [
    ["nothing yet", [], ["ani", "1.1.1.1"], 0],
    ["the free attempts cost nothing", fails(2, "ani", "1.1.1.1"), ["ani", "1.1.1.1"], 0],
    ["the third wrong password makes the next wait 10 s", fails(3, "ani", "1.1.1.1"), ["ani", "1.1.1.1"], 10],
    ["the fourth: 20 s", fails(4, "ani", "1.1.1.1"), ["ani", "1.1.1.1"], 20],
    ["the fifth: 40 s", fails(5, "ani", "1.1.1.1"), ["ani", "1.1.1.1"], 40],
    ["then at most 60 s", fails(7, "ani", "1.1.1.1"), ["ani", "1.1.1.1"], 60],
    [
      "the wait runs from the last failure",
      [...fails(3, "ani", "1.1.1.1"), { wait: 4_000 }],
      ["ani", "1.1.1.1"],
      6,
    ],
    ["and ends", [...fails(4, "ani", "1.1.1.1"), { wait: 20_000 }], ["ani", "1.1.1.1"], 0],
    ["the account is any case", fails(3, "Ani", "1.1.1.1"), ["ANI", "1.1.1.1"], 10],
    [
      "another address is not held back: the real user signs in",
      fails(7, "ani", "6.6.6.6"),
      ["ani", "1.1.1.1"],
      0,
    ],
    [
      "another account at the same address is not held back",
      fails(7, "ani", "1.1.1.1"),
      ["budi", "1.1.1.1"],
      0,
    ],
    [
      "a right password forgets the pair's failures",
      [...fails(3, "ani", "1.1.1.1", 10_000), { ok: ["ani", "1.1.1.1"] }, { fail: ["ani", "1.1.1.1"] }],
      ["ani", "1.1.1.1"],
      0,
    ],
    [
      "failures are forgotten 10 minutes after the last one",
      [...fails(6, "ani", "1.1.1.1"), { wait: 600_000 }, { fail: ["ani", "1.1.1.1"] }],
      ["ani", "1.1.1.1"],
      0,
    ],
    [
      "one address trying many accounts: the 8th failure in 2 minutes holds it back",
      ["a", "b", "c", "d", "e", "f", "g", "h"].flatMap((u) => fails(1, u, "9.9.9.9", 1_000)),
      ["someone", "9.9.9.9"],
      112,
    ],
    [
      "…while other addresses try on",
      ["a", "b", "c", "d", "e", "f", "g", "h"].flatMap((u) => fails(1, u, "9.9.9.9")),
      ["someone", "8.8.8.8"],
      0,
    ],
    [
      "the address window slides",
      [...["a", "b", "c", "d", "e", "f", "g", "h"].flatMap((u) => fails(1, u, "9.9.9.9")), { wait: 120_000 }],
      ["someone", "9.9.9.9"],
      0,
    ],
  ];

  it.each(table)("%s", (_what, steps, [account, address], seconds) => {
    expect(run(steps).retryAfter(account, address)).toBe(seconds);
  });

  it("counts a reserved attempt before its outcome, so attempts in flight together cannot pass the limit", () => {
    const limiter = run([]);
    // five attempts start before any finishes: only the three free ones get a slot
    const waits = Array.from({ length: 5 }, () => limiter.reserve("dewi", "4.4.4.4"));
    expect(waits).toEqual([0, 0, 0, 10, 10]);
  });

  it("gives the address's slot back when the password was right", () => {
    const limiter = run([]);
    for (let i = 0; i < 20; i++) {
      expect(limiter.reserve(`ok${i}`, "5.5.5.5")).toBe(0);
      limiter.succeed(`ok${i}`, "5.5.5.5");
    }
    // twenty right passwords left the address's eight slots free
    for (let i = 0; i < 8; i++) expect(limiter.reserve(`bad${i}`, "5.5.5.5")).toBe(0);
    expect(limiter.reserve("bad8", "5.5.5.5")).toBe(120);
  });

  it("gives back a reserved slot when the request checked no password, without forgetting earlier failures", () => {
    const limiter = run(fails(2, "ani", "1.1.1.1"));
    expect(limiter.reserve("ani", "1.1.1.1")).toBe(0);
    limiter.release("ani", "1.1.1.1");
    expect(limiter.retryAfter("ani", "1.1.1.1")).toBe(0);
    limiter.fail("ani", "1.1.1.1");
    expect(limiter.retryAfter("ani", "1.1.1.1")).toBe(10);
  });

  it("keeps memory bounded when an attacker makes up accounts and addresses", () => {
    let t = 0;
    const limiter = new LoginLimiter(LIMITS, () => t);
    for (let i = 0; i < 30_000; i++) {
      limiter.fail(`user${i}`, `10.0.${i >> 8}.${i & 255}`);
      t += 100;
    }
    const sizes = limiter as unknown as { pairs: Map<string, unknown>; addresses: Map<string, unknown> };
    expect(sizes.pairs.size).toBeLessThanOrEqual(10_001);
    expect(sizes.addresses.size).toBeLessThanOrEqual(10_001);
  });
});
