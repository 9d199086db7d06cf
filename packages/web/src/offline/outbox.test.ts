import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import type { Measurement } from "../api/types.ts";
import {
  type ChildItem,
  classifyFailure,
  expiredSent,
  type MeasurementItem,
  rebasedOnChild,
  resolve,
  SENT_KEPT_MS,
  sendable,
  unsent,
} from "./outbox.ts";

const base = { userId: "u1", posyanduId: "p1", createdAt: "2026-12-05T01:00:00.000Z", attempts: 0 };

function measurement(
  clientId: string,
  childId: string,
  extra: Partial<MeasurementItem> = {},
): MeasurementItem {
  return {
    ...base,
    kind: "measurement",
    clientId,
    seq: Number(clientId.replace(/\D/g, "")) || 1,
    status: "pending",
    childId,
    childName: "Anak",
    child: { sex: 1, birthDate: "2025-01-01", version: 3 },
    body: {
      date: "2026-12-05",
      weight: 9.5,
      height: 75,
      measure: "l",
      posyanduId: "p1",
      clientId,
      childVersion: 3,
    },
    ...extra,
  };
}

function child(clientId: string, extra: Partial<ChildItem> = {}): ChildItem {
  return {
    ...base,
    kind: "child",
    clientId,
    seq: 1,
    status: "pending",
    body: {
      name: "Baru",
      sex: 2,
      birthDate: "2025-06-01",
      villageCode: "35.03.01.2001",
      posyanduId: "p1",
      clientId,
    },
    ...extra,
  };
}

const stored = { id: "m-server", weight: 10.1, height: 76 } as Measurement;
const childNow = {
  id: "c1",
  name: "Anak",
  sex: 1 as const,
  birthDate: "2025-01-01",
  villageCode: "35.03.01.2001",
  posyanduId: "p1",
  version: 4,
};

describe("sendable", () => {
  it("sends pending items in order and holds a new child's measurement until the child has its server id", () => {
    const items = [child("c-new"), measurement("m2", "c-new"), measurement("m3", "c-server")];
    expect(sendable(items).map((i) => i.clientId)).toEqual(["c-new", "m3"]);
    const sent = [child("c-new", { status: "sent", resultId: "c-srv" }), measurement("m2", "c-new")];
    expect(sendable(sent).map((i) => i.clientId)).toEqual(["m2"]);
  });

  it("leaves conflicts, refusals and sent items to the user or alone", () => {
    const items = [
      measurement("m1", "a", { status: "conflict" }),
      measurement("m2", "b", { status: "rejected" }),
      measurement("m3", "c", { status: "sent" }),
    ];
    expect(sendable(items)).toEqual([]);
    expect(unsent(items).map((i) => i.clientId)).toEqual(["m1", "m2"]);
  });
});

describe("classifyFailure", () => {
  it.each([
    [
      "no network (fetch throws a TypeError)",
      new TypeError("Failed to fetch"),
      { kind: "retry", reason: "offline" },
    ],
    [
      "session ended",
      new ApiError(401, "unauthenticated", "x"),
      { kind: "retry", reason: "unauthenticated" },
    ],
    ["server failure", new ApiError(503, "http_error", "x"), { kind: "retry", reason: "server" }],
    ["rate limited", new ApiError(429, "rate_limited", "x"), { kind: "retry", reason: "server" }],
    [
      "same child, same date",
      new ApiError(409, "conflict", "x", { field: "date", measurementId: "m-server", current: stored }),
      { kind: "conflict", conflict: { kind: "same_date", current: stored } },
    ],
    [
      "child changed on the server",
      new ApiError(409, "stale_version", "x", { current: childNow }),
      { kind: "conflict", conflict: { kind: "child_changed", current: childNow } },
    ],
    [
      "NIK already registered",
      new ApiError(
        409,
        "conflict",
        "a child with this NIK is already registered",
        { field: "nik" },
        "child.nikTaken",
      ),
      {
        kind: "rejected",
        error: {
          code: "conflict",
          message: "a child with this NIK is already registered",
          key: "child.nikTaken",
          params: {},
        },
      },
    ],
    [
      "refused value",
      new ApiError(400, "bad_request", "date: in the future", { field: "date" }),
      { kind: "rejected", error: { code: "bad_request", message: "date: in the future" } },
    ],
  ])("%s", (_what, error, outcome) => {
    expect(classifyFailure(error)).toEqual(outcome);
  });
});

describe("resolving", () => {
  it("sends again against a child whose change does not touch the z-scores, without asking", () => {
    const again = rebasedOnChild(measurement("m1", "c1", { status: "conflict" }), {
      ...childNow,
      name: "Nama Baru",
    });
    expect(again).toMatchObject({ status: "pending", body: { childVersion: 4 }, child: { version: 4 } });
  });

  it("asks when the sex or the birth date changed", () => {
    expect(rebasedOnChild(measurement("m1", "c1"), { ...childNow, birthDate: "2024-12-01" })).toBeNull();
    expect(rebasedOnChild(measurement("m1", "c1"), { ...childNow, sex: 2 })).toBeNull();
  });

  it("replaces the server's measurement, or sends against the current child, only on the user's choice", () => {
    const clash = measurement("m1", "c1", {
      status: "conflict",
      conflict: { kind: "same_date", current: stored },
    });
    expect(resolve(clash, "use_mine")).toMatchObject({ status: "pending", body: { replaces: "m-server" } });
    expect(resolve(clash, "keep_server")).toBeNull();
    const changed = measurement("m1", "c1", {
      status: "conflict",
      conflict: { kind: "child_changed", current: { ...childNow, birthDate: "2024-12-01" } },
    });
    expect(resolve(changed, "use_current_child")).toMatchObject({
      status: "pending",
      child: { birthDate: "2024-12-01", version: 4 },
      body: { childVersion: 4 },
    });
    expect(resolve(changed, "discard")).toBeNull();
  });
});

describe("expiredSent", () => {
  it("drops sent items after the keeping time, except a child a waiting measurement still needs", () => {
    const now = new Date("2026-12-05T12:00:00.000Z");
    const old = new Date(now.getTime() - SENT_KEPT_MS - 1).toISOString();
    const fresh = new Date(now.getTime() - 1000).toISOString();
    const items = [
      measurement("m1", "a", { status: "sent", sentAt: old }),
      measurement("m2", "b", { status: "sent", sentAt: fresh }),
      child("c-needed", { status: "sent", sentAt: old, resultId: "x" }),
      measurement("m4", "c-needed", { status: "conflict" }),
    ];
    expect(expiredSent(items, now).map((i) => i.clientId)).toEqual(["m1"]);
  });
});
