import { describe, expect, it } from "vitest";
import { LoginLimiter } from "./login-limiter.ts";

describe("LoginLimiter", () => {
  const setup = () => {
    let t = 1_000_000;
    const limiter = new LoginLimiter({ perUsername: 3, perAddress: 5, windowMs: 60_000 }, () => t);
    return { limiter, advance: (ms: number) => (t += ms) };
  };

  it("allows attempts until the username's limit, then asks to wait for the window", () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("ani", "1.1.1.1")).toBe(0);
      limiter.fail("ani", "1.1.1.1");
      advance(1000);
    }
    // First failure at t0, window 60 s, now t0 + 3 s → wait 57 s.
    expect(limiter.retryAfter("ANI", "2.2.2.2")).toBe(57);
    advance(57_000);
    expect(limiter.retryAfter("ani", "1.1.1.1")).toBe(0);
  });

  it("limits one address trying many usernames", () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) limiter.fail(`user${i}`, "9.9.9.9");
    expect(limiter.retryAfter("someone", "9.9.9.9")).toBe(60);
    expect(limiter.retryAfter("someone", "8.8.8.8")).toBe(0);
  });

  it("forgets a username's failures after a successful sign-in", () => {
    const { limiter } = setup();
    limiter.fail("budi", "1.1.1.1");
    limiter.fail("budi", "1.1.1.1");
    limiter.succeed("budi");
    limiter.fail("budi", "1.1.1.1");
    limiter.fail("budi", "1.1.1.1");
    expect(limiter.retryAfter("budi", "3.3.3.3")).toBe(0);
  });

  it("counts a reserved attempt before its outcome, so attempts in flight together cannot pass the limit", () => {
    const { limiter } = setup();
    // five attempts start before any finishes: only the username's three get a slot
    const waits = Array.from({ length: 5 }, () => limiter.reserve("dewi", "4.4.4.4"));
    expect(waits.map((w) => w === 0)).toEqual([true, true, true, false, false]);
    expect(waits[3]).toBe(60);
  });

  it("gives the slot back when the password was right", () => {
    const { limiter } = setup();
    for (let i = 0; i < 4; i++) {
      expect(limiter.reserve(`ok${i}`, "5.5.5.5")).toBe(0);
      limiter.succeed(`ok${i}`, "5.5.5.5");
    }
    // four successes left the address's five slots free
    for (let i = 0; i < 5; i++) expect(limiter.reserve(`bad${i}`, "5.5.5.5")).toBe(0);
    expect(limiter.reserve("bad5", "5.5.5.5")).toBe(60);
  });
});
