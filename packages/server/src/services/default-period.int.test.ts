import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { OPERATOR } from "../auth/access.ts";
import { refreshRollups } from "../db/repositories/rollup-refresh.ts";
import { describeEachEngine } from "../db/test-support.ts";
import { loadRegions } from "./regions.ts";
import { testServices } from "./test-support.ts";

const A = "35.03.01.2001";

// Four children weighed every month January–March 2025 at posyandu P; on 2 April one entry. On
// 3 April, April has 1 child of a usual 4 (25 % < 60 %) and is before the 20th: the dashboard
// opens on March, the public page on February (the latest bulan timbang that is over).
describeEachEngine("default period", (t) => {
  it("is the latest complete month, not a month with one early entry", async () => {
    await loadRegions(t.database, { prefix: "35.03" });
    const P = randomUUID();
    await t.database.db
      .insertInto("posyandu")
      .values({ district_code: "35.03", id: P, village_code: A, name: "Mawar", search_name: "mawar" })
      .execute();
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      await t.database.db
        .insertInto("children")
        .values({
          district_code: "35.03",
          id,
          village_code: A,
          name: "x",
          name_key: "x",
          sex: 1,
          birth_date: "2023-01-01",
        })
        .execute();
      const dates = ["2025-01-10", "2025-02-10", "2025-03-10", ...(i === 0 ? ["2025-04-02"] : [])];
      for (const on of dates)
        await t.database.db
          .insertInto("measurements")
          .values({
            district_code: "35.03",
            id: randomUUID(),
            child_id: id,
            village_code: A,
            posyandu_id: P,
            measured_on: on,
            age_days: 800,
            weight: 11,
            zlen: -1,
            source: "posyandu",
          })
          .execute();
    }
    await refreshRollups(t.database, ["35.03"]);
    const s = testServices(t.database);
    const dash = await s.prevalence.dashboard(OPERATOR, "35.03", undefined, "2025-04-03");
    expect(dash.period).toBe("2025-03");
    expect(dash.summary.measured).toBe(4);
    const picker = await s.prevalence.periodCompleteness(OPERATOR, "35.03", "2025-04-03");
    expect(picker.defaultPeriod).toBe("2025-03");
    expect(picker.months.map((m) => [m.period, m.completeness, m.eligible])).toEqual([
      ["2025-01", null, true],
      ["2025-02", 1, true],
      ["2025-03", 1, true],
      ["2025-04", 0.25, false],
    ]);
    // From the 20th April still waits (25 % of its baseline); asked for, it is shown
    expect((await s.prevalence.dashboard(OPERATOR, "35.03", undefined, "2025-04-25")).period).toBe("2025-03");
    expect((await s.prevalence.dashboard(OPERATOR, "35.03", "2025-04", "2025-04-03")).period).toBe("2025-04");
    expect((await s.public.prevalenceOf("35.03", undefined, "2025-04-03")).period).toBe("2025-02");
  });
});
