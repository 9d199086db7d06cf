import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/tumbuh.mjs");
const dir = mkdtempSync(join(tmpdir(), "tumbuh-bin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the tumbuh command", () => {
  it("scores the same from its cached bundle as through tsx, bad rows and messages included", async () => {
    const input = join(dir, "in.csv");
    writeFileSync(
      input,
      'sex,age,weight,lenhei,measure,note\n1,400,9.5,75,l,"a, b"\nx,400,9.5,75,l,\n2,1000,12,88.5,h,\n',
    );
    const bundled = await run(process.execPath, [BIN, "zscore", input], {
      env: { ...process.env, TUMBUH_NO_BUNDLE: "" },
    });
    const tsx = await run(process.execPath, [BIN, "zscore", input], {
      env: { ...process.env, TUMBUH_NO_BUNDLE: "1" },
    });
    expect(bundled.stdout).toBe(tsx.stdout);
    expect(bundled.stderr).toBe(tsx.stderr);
    expect(bundled.stdout.split("\n")[1]).toMatch(/^1,400,9\.5,75,l,"a, b",400,75,/);
    expect(bundled.stderr).toContain('row 3: field "sex": found "x"');
  });
});
