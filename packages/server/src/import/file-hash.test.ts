import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256File } from "./file-hash.ts";

describe("sha256File", () => {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-hash-"));

  it("gives the SHA-256 of the file's bytes: the standard test vector and a file of several read chunks", async () => {
    const abc = join(dir, "abc.txt");
    writeFileSync(abc, "abc");
    expect(await sha256File(abc)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const big = Buffer.alloc(3 * 65_536 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    const bigPath = join(dir, "big.bin");
    writeFileSync(bigPath, big);
    expect(await sha256File(bigPath)).toBe(createHash("sha256").update(big).digest("hex"));
  });

  it("rejects a file that is not there, naming it", async () => {
    await expect(sha256File(join(dir, "missing.csv"))).rejects.toThrow(/missing\.csv/);
  });
});
