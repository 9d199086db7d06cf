import { describe, expect, it } from "vitest";
import { loggedUrl, logSerializers, redactIdentifiers } from "./log-redaction.ts";

describe("log redaction", () => {
  it.each([
    ["/api/children?q=3503014505230001", "/api/children?[query not logged]"],
    ["/api/children?q=siti&limit=25", "/api/children?[query not logged]"],
    ["/api/children/3503014505230001", "/api/children/[redacted]"],
    ["/api/posyandu/abc/children?date=2025-08-01", "/api/posyandu/abc/children?[query not logged]"],
    [
      "/api/dashboard?region=35.03.01.2001&period=2025-08",
      "/api/dashboard?region=35.03.01.2001&period=2025-08",
    ],
    ["/api/users?q=3503%200145%200523%200001", "/api/users?q=[redacted]"],
    ["/x?nik=3503.0145.0523.0001&a=1", "/x?nik=[redacted]&a=1"],
    ["/api/children", "/api/children"],
  ])("%s → %s", (url, shown) => {
    expect(loggedUrl(url)).toBe(shown);
  });

  it("keeps shorter numbers (region codes, dates, ids) and redacts identifiers in any text", () => {
    expect(redactIdentifiers("village 35.03.01.2001 on 2025-08-01, id 123456789012345")).toBe(
      "village 35.03.01.2001 on 2025-08-01, id 123456789012345",
    );
    expect(redactIdentifiers("duplicate NIK 3503014505230001 in row 4")).toBe(
      "duplicate NIK [redacted] in row 4",
    );
  });

  it("logs an error without the row a database copies into it", () => {
    const err = Object.assign(new Error("insert failed for 3503014505230001"), {
      code: "23505",
      detail: "Failing row contains (Siti Aminah, 3503014505230001)",
    });
    const logged = JSON.stringify(logSerializers.err(err));
    expect(logged).toContain("23505");
    expect(logged).not.toContain("3503014505230001");
    expect(logged).not.toContain("Siti");
  });
});
