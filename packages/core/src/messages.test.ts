import { describe, expect, it } from "vitest";
import { MESSAGE_CODES, MESSAGES, userMessage } from "./messages.ts";

describe("message catalogue", () => {
  it("names each code as area.name and each parameter once", () => {
    for (const code of MESSAGE_CODES) {
      expect(code).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      const params: readonly string[] = MESSAGES[code];
      expect(new Set(params).size).toBe(params.length);
    }
  });
  it("builds a message with or without parameters", () => {
    expect(userMessage("access.scope", { region: "35.03", scope: "35.04" })).toEqual({
      key: "access.scope",
      params: { region: "35.03", scope: "35.04" },
    });
    expect(userMessage("record.notFound")).toEqual({ key: "record.notFound" });
  });
});
