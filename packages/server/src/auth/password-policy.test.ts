import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.ts";

describe("password policy", () => {
  // [password, username, refused because …] (null: accepted)
  const table: Array<[string, string, RegExp | null]> = [
    ["password", "ani", /at least 10 characters/],
    ["12345678", "ani", /at least 10 characters/],
    ["123456789", "ani", /at least 10 characters/],
    ["1234567890", "ani", /common/],
    ["qwertyuiop", "ani", /common/],
    ["password123", "ani", /common/],
    ["PassWord123", "ani", /common/],
    ["QWERTYUIOP", "ani", /common/],
    ["tumbuh-demo", "ani", /common/],
    ["Posyandu2025", "ani", /common/],
    ["kader.besuki", "kader.besuki", /username/],
    ["KADER.BESUKI", "kader.besuki", /username/],
    ["kopi-tubruk-pagi", "ani", null],
    ["rahasia-123", "ani", null],
    ["tiga kata panjang", "ani", null],
  ];
  it.each(table)("%j for %j", (password, username, refused) => {
    const problem = passwordProblem(password, username);
    if (refused === null) expect(problem).toBeNull();
    else expect(problem?.text).toMatch(refused);
  });

  it("lets the installation keep the published demo password for its demo accounts", () => {
    expect(passwordProblem("tumbuh-demo", "dinkes", { demoAccount: true })).toBeNull();
    // the length and username rules still hold
    expect(passwordProblem("pendek", "dinkes", { demoAccount: true })?.text).toMatch(/at least/);
    // with the catalogue message the web app translates
    expect(passwordProblem("pendek", "dinkes")?.message).toEqual({
      key: "password.tooShort",
      params: { min: MIN_PASSWORD_LENGTH },
    });
  });

  it("ships the list: lower case, no blank lines or comments, nothing shorter than the minimum", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1_500);
    for (const p of COMMON_PASSWORDS) {
      expect(p).toBe(p.toLowerCase());
      expect(p.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
      expect(p.startsWith("#")).toBe(false);
    }
  });
});
