/**
 * Bad input through the real app: each request gets a clear 4xx naming the field — never a 500 —
 * and nothing is written. NUL bytes (PostgreSQL text cannot hold them), dates that do not exist,
 * cursors beyond the id column, birth dates in the future or before 1900, over-long names, and a
 * measurement naming a posyandu of another village.
 */
import { randomUUID } from "node:crypto";
import { MESSAGE_CODES } from "@tumbuh/core";
import type { LightMyRequestResponse } from "fastify";
import { expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, PASSWORD, seedFixtures, signIn, testApp } from "./test-app.ts";

const VILLAGE = "35.03.01.2001";
const VILLAGE2 = "35.03.01.2002";

/** The 4xx a refused request must get: status, error code and the field its message names. */
function expectRefused(res: LightMyRequestResponse, field: string, status = 400): void {
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json().error;
  expect(error.code).toMatch(/validation_failed|bad_request/);
  const named = [
    error.message,
    error.details?.field,
    ...(error.details?.issues ?? []).map((i: { path: string }) => i.path),
  ];
  expect(named.join(" "), res.body).toContain(field);
  // and a message of the catalogue the web app shows in the user's language
  expect(MESSAGE_CODES, res.body).toContain(error.key);
  expect(typeof error.params).toBe("object");
}

describeEachEngine("bad API input: a clear 4xx, never a 500, nothing half-written", (ctx) => {
  let app: App;
  let kader: Client;
  let dinkes: Client;
  let nasional: Client;
  let childId: string;
  let ownPosyandu: string;
  let otherVillagePosyandu: string;

  /** Rows in the tables a refused request could have written to. */
  async function counts() {
    const n = async (table: "children" | "measurements" | "users" | "audit_log") =>
      Number(
        (
          await ctx.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      children: await n("children"),
      measurements: await n("measurements"),
      users: await n("users"),
      audit: await n("audit_log"),
    };
  }

  it("sets up a child in a village with its posyandu, and a posyandu of the neighbouring village", async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database, { now: () => new Date("2025-08-20T03:00:00Z") });
    ownPosyandu = randomUUID();
    otherVillagePosyandu = randomUUID();
    await ctx.database.db
      .insertInto("posyandu")
      .values([
        {
          district_code: "35.03",
          id: ownPosyandu,
          village_code: VILLAGE,
          puskesmas_id: null,
          name: "Mawar",
          search_name: "mawar",
        },
        {
          district_code: "35.03",
          id: otherVillagePosyandu,
          village_code: VILLAGE2,
          puskesmas_id: null,
          name: "Kenanga",
          search_name: "kenanga",
        },
      ])
      .execute();
    kader = await signIn(app, "kader");
    dinkes = await signIn(app, "dinkes");
    nasional = await signIn(app, "nasional");
    const res = await kader.send("POST", "/api/children", {
      name: "Sari",
      sex: 2,
      birthDate: "2024-02-29",
      villageCode: VILLAGE,
      posyanduId: ownPosyandu,
    });
    expect(res.statusCode).toBe(201);
    childId = res.json().child.id;
  });

  it("NUL bytes in search terms, names, display names and logins", async () => {
    const before = await counts();
    expectRefused(await kader.get("/api/children?q=Sa%00ri"), "q");
    expectRefused(await nasional.get("/api/users?q=ad%00min"), "q");
    expectRefused(await kader.get("/api/regions?q=be%00suki"), "q");
    expectRefused(await app.inject({ method: "GET", url: "/api/public/districts?q=tr%00" }), "q");
    expectRefused(
      await kader.send("POST", "/api/children", {
        name: "Bu\u0000di",
        sex: 1,
        birthDate: "2024-01-01",
        villageCode: VILLAGE,
      }),
      "name",
    );
    expectRefused(
      await kader.send("POST", "/api/children", {
        name: "Budi",
        motherName: "Sri\u0000",
        sex: 1,
        birthDate: "2024-01-01",
        villageCode: VILLAGE,
      }),
      "motherName",
    );
    expectRefused(
      await nasional.send("POST", "/api/users", {
        username: "baru",
        displayName: "Baru\u0000",
        password: "sandi-yang-panjang-1",
        role: "posyandu_cadre",
        regionCode: VILLAGE,
      }),
      "displayName",
    );
    expectRefused(
      await nasional.send("POST", "/api/users", {
        username: "ba\u0000ru",
        displayName: "Baru",
        password: "sandi-yang-panjang-1",
        role: "posyandu_cadre",
        regionCode: VILLAGE,
      }),
      "username",
    );
    const kaderUser = (await kader.get("/api/auth/me")).json().user;
    expectRefused(
      await nasional.send("PATCH", `/api/users/${kaderUser.id}`, {
        version: kaderUser.version,
        displayName: "K\u0000",
      }),
      "displayName",
    );
    expectRefused(
      await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "kad\u0000er", password: PASSWORD },
      }),
      "username",
    );
    // anywhere in a JSON body, such as a property of an uploaded boundary
    expectRefused(
      await nasional.send("POST", "/api/boundaries", {
        geojson: {
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              properties: { code: "35.03.01", note: "a\u0000b" },
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [0, 0],
                    [1, 0],
                    [1, 1],
                    [0, 0],
                  ],
                ],
              },
            },
          ],
        },
      }),
      "body/geojson/features/0/properties/note",
    );
    expect(await counts()).toEqual(before);
  });

  it("dates that do not exist: 2024-02-31, 2025-13-01, 2025-04-31", async () => {
    const before = await counts();
    for (const date of ["2024-02-31", "2025-13-01", "2025-04-31", "2023-02-29"]) {
      expectRefused(
        await kader.send("POST", "/api/children", {
          name: "Tono",
          sex: 1,
          birthDate: date,
          villageCode: VILLAGE,
        }),
        "birthDate",
      );
      expectRefused(
        await kader.send("POST", `/api/children/${childId}/measurements`, { date, weight: 9 }),
        "date",
      );
      expectRefused(
        await kader.send("POST", "/api/zscore/preview", { sex: 1, birthDate: "2024-01-01", date, weight: 9 }),
        "date",
      );
      expectRefused(await kader.get(`/api/posyandu/${ownPosyandu}/children?date=${date}`), "date");
    }
    // a real 29 February is a date
    const leap = await kader.send("POST", "/api/zscore/preview", {
      sex: 2,
      birthDate: "2024-02-29",
      date: "2025-02-28",
      weight: 9,
    });
    expect(leap.statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it("an over-long number in the audit filter's cursor", async () => {
    expectRefused(await nasional.get(`/api/audit?before=${"9".repeat(30)}`), "before");
    expectRefused(await nasional.get("/api/audit?before=9223372036854775808"), "before");
    expect((await nasional.get("/api/audit?before=9223372036854775807")).statusCode).toBe(200);
  });

  it("birth dates in the future or before 1900", async () => {
    const before = await counts();
    for (const birthDate of ["2025-08-21", "2030-01-01", "1899-12-31", "0001-01-01"]) {
      expectRefused(
        await kader.send("POST", "/api/children", { name: "Tono", sex: 1, birthDate, villageCode: VILLAGE }),
        "birthDate",
      );
    }
    expect(await counts()).toEqual(before);
    // today (in Indonesia) is a birth date
    const today = await kader.send("POST", "/api/children", {
      name: "Bayi Baru",
      sex: 1,
      birthDate: "2025-08-20",
      villageCode: VILLAGE,
    });
    expect(today.statusCode).toBe(201);
  });

  it("names over 100 characters: a child's, a mother's, a user's display name", async () => {
    const before = await counts();
    const long = "A".repeat(101);
    expectRefused(
      await kader.send("POST", "/api/children", {
        name: long,
        sex: 1,
        birthDate: "2024-01-01",
        villageCode: VILLAGE,
      }),
      "name",
    );
    expectRefused(
      await kader.send("POST", "/api/children", {
        name: "Tono",
        motherName: long,
        sex: 1,
        birthDate: "2024-01-01",
        villageCode: VILLAGE,
      }),
      "motherName",
    );
    expectRefused(
      await kader.send("POST", "/api/children", {
        name: "x".repeat(5000),
        sex: 1,
        birthDate: "2024-01-01",
        villageCode: VILLAGE,
      }),
      "name",
    );
    expectRefused(
      await nasional.send("POST", "/api/users", {
        username: "panjang",
        displayName: long,
        password: "sandi-yang-panjang-1",
        role: "posyandu_cadre",
        regionCode: VILLAGE,
      }),
      "displayName",
    );
    expect(await counts()).toEqual(before);
    const hundred = await kader.send("POST", "/api/children", {
      name: "B".repeat(100),
      sex: 1,
      birthDate: "2024-01-01",
      villageCode: VILLAGE,
    });
    expect(hundred.statusCode).toBe(201);
  });

  it("a measurement naming a posyandu of another village, even one inside the caller's scope", async () => {
    const before = await counts();
    for (const c of [kader, dinkes]) {
      const res = await c.send("POST", `/api/children/${childId}/measurements`, {
        date: "2025-08-19",
        weight: 10.7,
        posyanduId: otherVillagePosyandu,
      });
      expect([400, 403]).toContain(res.statusCode);
      expect(res.body).toContain("posyanduId");
    }
    expect(await counts()).toEqual(before);
    const own = await dinkes.send("POST", `/api/children/${childId}/measurements`, {
      date: "2025-08-19",
      weight: 10.7,
      posyanduId: ownPosyandu,
    });
    expect(own.statusCode).toBe(201);
  });
});
