import { describe, expect, it } from "vitest";
import { HttpError, noFile, validationMessage } from "./errors.ts";

describe("validationMessage", () => {
  it.each([
    [
      { keyword: "too_big", instancePath: "/height", params: { origin: "number", maximum: 150 } },
      "validation.tooBig",
      { field: "height", max: 150 },
    ],
    [
      { keyword: "too_small", instancePath: "/weight", params: { origin: "number", minimum: 0.5 } },
      "validation.tooSmall",
      { field: "weight", min: 0.5 },
    ],
    [
      { keyword: "too_big", instancePath: "/name", params: { origin: "string", maximum: 200 } },
      "validation.tooLong",
      { field: "name", max: 200 },
    ],
    [
      { keyword: "too_small", instancePath: "/name", params: { origin: "string", minimum: 1 } },
      "validation.required",
      { field: "name" },
    ],
    [
      { keyword: "too_small", instancePath: "/password", params: { origin: "string", minimum: 10 } },
      "validation.tooShort",
      { field: "password", min: 10 },
    ],
    [
      { keyword: "invalid_type", instancePath: "/sex", params: { expected: "number" } },
      "validation.required",
      { field: "sex" },
    ],
    [
      { keyword: "invalid_value", instancePath: "/measure", params: { values: ["l", "h"] } },
      "validation.oneOf",
      { field: "measure", options: "l, h" },
    ],
    [
      { keyword: "invalid_format", instancePath: "/children/0/date", params: {} },
      "validation.invalid",
      { field: "date" },
    ],
  ])("%j → %s", (issue, key, params) => {
    expect(validationMessage(issue)).toEqual({ key, params });
  });
});

describe("HttpError", () => {
  it("cannot be built without a catalogue message (a compile error otherwise)", () => {
    // @ts-expect-error the headers and the catalogue message are required
    const bare = () => new HttpError(400, "bad_request", "text", undefined);
    expect(typeof bare).toBe("function");
  });
  it("refuses an upload without a file as a required field", () => {
    const e = noFile("file: no file was uploaded");
    expect([e.status, e.code, e.details]).toEqual([400, "bad_request", { field: "file" }]);
    expect(e.userMessage).toEqual({ key: "validation.required", params: { field: "file" } });
  });
});
