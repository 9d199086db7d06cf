/**
 * Every refusal a user can see names a message of the catalogue (@tumbuh/core messages.ts): the
 * type system guarantees it, since badRequest, conflict, ServiceError, AccessDenied and
 * ImportFileError require the message. The `@ts-expect-error` lines below fail the typecheck
 * (`npm run typecheck`) the day one of them makes it optional again.
 */
import { userMessage } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { AccessDenied } from "../auth/access.ts";
import { ImportFileError } from "../import/errors.ts";
import { badRequest, conflict, notFound, ServiceError, staleVersion } from "./errors.ts";

describe("service errors", () => {
  it("cannot be built without a catalogue message", () => {
    // @ts-expect-error the catalogue message is required
    const bare = () => badRequest("field", "text");
    // @ts-expect-error the catalogue message is required
    const bareConflict = () => conflict("field", "text");
    // @ts-expect-error the catalogue message is required
    const bareError = () => new ServiceError("bad_request", "text", undefined);
    // @ts-expect-error the catalogue message is required
    const bareDenial = () => new AccessDenied("permission", "text");
    // @ts-expect-error the catalogue message is required
    const bareFile = () => new ImportFileError("text");
    expect([bare, bareConflict, bareError, bareDenial, bareFile].every((f) => typeof f === "function")).toBe(
      true,
    );
  });

  it("carry the field, the English text and the catalogue message with its parameters", () => {
    const e = badRequest(
      "districtCode",
      "expected a district code such as 35.03, got 35",
      userMessage("region.notDistrict", { code: "35" }),
    );
    expect(e.code).toBe("bad_request");
    expect(e.message).toBe("districtCode: expected a district code such as 35.03, got 35");
    expect(e.details).toEqual({ field: "districtCode" });
    expect(e.userMessage).toEqual({ key: "region.notDistrict", params: { code: "35" } });
    const c = conflict(
      "year",
      "already open",
      userMessage("aksi.cycleExists", { district: "Trenggalek", year: 2025 }),
      {
        cycleId: "c1",
      },
    );
    expect(c.details).toEqual({ field: "year", cycleId: "c1" });
    expect(c.userMessage.key).toBe("aksi.cycleExists");
    expect(notFound("village").userMessage.key).toBe("record.notFound");
    expect(staleVersion({}).userMessage.key).toBe("record.stale");
  });

  it("take only the parameters the catalogue lists for the code", () => {
    // @ts-expect-error region.notDistrict takes {code}
    const missing = () => userMessage("region.notDistrict");
    // @ts-expect-error a parameter the code does not have
    const extra = () => userMessage("upload.empty", { name: "x" });
    // @ts-expect-error a misspelt parameter
    const wrong = () => userMessage("penilaian.districtNotAssessed", { district: "35.03" });
    expect([missing, extra, wrong].length).toBe(3);
  });
});
