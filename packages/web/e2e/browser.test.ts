import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumForSuite } from "./browser.ts";

describe("chromiumForSuite", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("returns the Chromium found, under CI or not", () => {
    expect(chromiumForSuite("/usr/bin/chromium", {})).toBe("/usr/bin/chromium");
    expect(chromiumForSuite("/usr/bin/chromium", { CI: "true" })).toBe("/usr/bin/chromium");
  });

  it("skips with a warning naming how to install Chromium when none is found outside CI", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const env of [{}, { CI: "" }, { CI: "false" }, { CI: "0" }]) {
      expect(chromiumForSuite(null, env)).toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warn.mock.calls[0][0]).toContain("apt-get install -y chromium");
  });

  it("fails under CI when no Chromium is found, naming how to install it", () => {
    for (const CI of ["true", "1", "yes"]) {
      expect(() => chromiumForSuite(null, { CI })).toThrow(
        /no Chromium found.*CI is set.*apt-get install -y chromium/,
      );
    }
  });
});
