import { describe, expect, it } from "vitest";
import type { SessionChild } from "../api/types.ts";
import type { ChildItem, MeasurementItem } from "./outbox.ts";
import { sessionRows } from "./sessionData.ts";

const listed = [{ id: "s1", name: "Ada", sex: 1, birthDate: "2025-01-01", version: 2 } as SessionChild];
const base = {
  userId: "u",
  posyanduId: "p1",
  createdAt: "2026-12-05T01:00:00.000Z",
  attempts: 0,
  status: "pending" as const,
};

function newChild(clientId: string, resultId?: string): ChildItem {
  return {
    ...base,
    kind: "child",
    clientId,
    seq: 1,
    resultId,
    status: resultId ? "sent" : "pending",
    body: { name: "Baru", sex: 2, birthDate: "2025-06-01", villageCode: "v", posyanduId: "p1", clientId },
  };
}

function entry(clientId: string, childId: string, seq: number, date = "2026-12-05"): MeasurementItem {
  return {
    ...base,
    kind: "measurement",
    clientId,
    seq,
    childId,
    childName: "x",
    child: { sex: 1, birthDate: "2025-01-01" },
    body: { date, weight: 9, posyanduId: "p1", clientId },
  };
}

describe("sessionRows", () => {
  it("adds the children registered on the device and pairs each row with its newest measurement of the date", () => {
    const rows = sessionRows(
      listed,
      [
        newChild("c1"),
        entry("m1", "s1", 1),
        entry("m2", "s1", 2),
        entry("m3", "c1", 3),
        entry("m4", "s1", 4, "2026-11-05"),
      ],
      "p1",
      "2026-12-05",
    );
    expect(rows.children.map((c) => c.id)).toEqual(["s1", "c1"]);
    expect(rows.entries.get("s1")?.clientId).toBe("m2");
    expect(rows.entries.get("c1")?.clientId).toBe("m3");
  });

  it("shows a sent child once: as the server's row when the list holds it", () => {
    const fromServer = [...listed, { ...listed[0], id: "srv-c1", name: "Baru" }];
    const rows = sessionRows(
      fromServer,
      [newChild("c1", "srv-c1"), entry("m1", "c1", 1)],
      "p1",
      "2026-12-05",
    );
    expect(rows.children.map((c) => c.id)).toEqual(["s1", "srv-c1"]);
    expect(rows.entries.get("srv-c1")?.clientId).toBe("m1");
  });
});
