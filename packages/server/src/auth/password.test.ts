import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";

describe("password hashes", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const h = await hashPassword("kader-posyandu-1");
    expect(h.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(await verifyPassword("kader-posyandu-1", h)).toBe(true);
    expect(await verifyPassword("kader-posyandu-2", h)).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("matches an independently computed scrypt hash", async () => {
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("rahasia", salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("rahasia", stored)).toBe(true);
  });

  it("refuses malformed hashes and the dummy hash", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1$2$3")).toBe(false);
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
  });
});
