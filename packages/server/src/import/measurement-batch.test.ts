import { anthroZScores, createAnthroBatchOutput, storedFromZScores } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import { isoDays, uuidBytes, uuidText } from "../db/pg-binary.ts";
import { MEASUREMENT_COLUMNS } from "../db/repositories/import-columns.ts";
import { encodeMeasurements, MeasurementBatch } from "./measurement-batch.ts";

/** The position of a column in the COPY rows. */
const col = (name: string) => {
  const i = MEASUREMENT_COLUMNS.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no measurement column ${name}`);
  return i;
};

/** The tuples of binary COPY data, each field as its bytes (null for NULL). */
function tuples(data: Buffer): Array<Array<Buffer | null>> {
  const out: Array<Array<Buffer | null>> = [];
  let p = 19;
  for (;;) {
    const n = data.readInt16BE(p);
    p += 2;
    if (n === -1) return out;
    const row: Array<Buffer | null> = [];
    for (let f = 0; f < n; f++) {
      const len = data.readInt32BE(p);
      p += 4;
      row.push(len < 0 ? null : data.subarray(p, p + len));
      if (len > 0) p += len;
    }
    out.push(row);
  }
}

const importId = uuidBytes("0192f5a3-1b2c-7d4e-8f60-112233445566");
const childA = uuidBytes("0192f5a3-0000-7000-8000-00000000000a");
const childB = uuidBytes("0192f5a3-0000-7000-8000-00000000000b");
const posyandu = uuidBytes("0192f5a3-0000-7000-8000-0000000000cc");

describe("MeasurementBatch and encodeMeasurements", () => {
  it("encodes each measurement with the z-scores, flags and categories of the per-record engine", () => {
    const batch = new MeasurementBatch(4, importId);
    const birth = isoDays("2023-03-01");
    const rows = [
      {
        v: "35.03.01.2001",
        c: childA,
        p: posyandu,
        on: "2025-08-10",
        sex: 1,
        w: 10.2,
        h: 80.1,
        m: "l" as const,
      },
      {
        v: "35.03.02.2003",
        c: childB,
        p: undefined,
        on: "2025-08-11",
        sex: 2,
        w: 5.0,
        h: 95.0,
        m: "h" as const,
      },
      {
        v: "35.03.01.2001",
        c: childA,
        p: posyandu,
        on: "2025-09-10",
        sex: 1,
        w: undefined,
        h: 81,
        m: undefined,
      },
    ];
    for (const [k, r] of rows.entries()) {
      const day = isoDays(r.on);
      batch.add(10 + k, `ANAK ${k}`, r.v, r.c, -1, r.p, day, r.sex, {
        ageDays: day - birth,
        weight: r.w,
        lenhei: r.h,
        measure: r.m,
        oedema: false,
        armc: 14.5,
      });
    }
    expect(batch.count).toBe(3);
    const columns = batch.take();
    expect(batch.count).toBe(0);
    expect(batch.take()).toBeNull();
    if (!columns) throw new Error("no batch");
    expect(columns.villages).toEqual(["35.03.01.2001", "35.03.02.2003"]);

    const { data, flagged, flags: flagList } = encodeMeasurements(columns, createAnthroBatchOutput(4));
    const got = tuples(data);
    expect(got).toHaveLength(3);
    const f8 = (b: Buffer | null) => (b === null ? undefined : b.readDoubleBE(0));
    const txt = (b: Buffer | null) => (b === null ? undefined : b.toString("utf8"));
    let flags = 0;
    const expectedFlags: { rowNo: number; indicator: string; zscore: number | null }[] = [];
    rows.forEach((r, i) => {
      const t = got[i];
      expect(t).toHaveLength(MEASUREMENT_COLUMNS.length);
      const at = (name: string) => t[col(name)];
      const age = isoDays(r.on) - birth;
      const z = anthroZScores({
        sex: r.sex as 1 | 2,
        ageDays: age,
        weight: r.w,
        lenhei: r.h,
        measure: r.m,
        armc: 14.5,
      });
      const stored = storedFromZScores(z);
      if (z.flen || z.fwei || z.fwfl || z.fbmi) flags++;
      for (const [ind, f, zs] of [
        ["len", z.flen, z.zlen],
        ["wei", z.fwei, z.zwei],
        ["wfl", z.fwfl, z.zwfl],
        ["bmi", z.fbmi, z.zbmi],
      ] as const)
        if (f)
          expectedFlags.push({
            rowNo: 10 + i,
            indicator: ind,
            zscore: Math.round((zs as number) * 100) / 100,
          });
      expect(txt(at("district_code"))).toBe("35.03");
      expect(uuidText(at("id") as Buffer)[14]).toBe("7"); // a new version-7 id
      expect(uuidText(at("child_id") as Buffer)).toBe(uuidText(r.c));
      expect(txt(at("village_code"))).toBe(r.v);
      const py = at("posyandu_id");
      expect(py === null ? undefined : uuidText(py)).toBe(r.p && uuidText(r.p));
      expect((at("measured_on") as Buffer).readInt32BE(0)).toBe(isoDays(r.on) - isoDays("2000-01-01"));
      expect((at("age_days") as Buffer).readInt32BE(0)).toBe(age);
      expect(f8(at("weight"))).toBe(r.w);
      expect(f8(at("lenhei"))).toBe(r.h);
      expect(txt(at("measure"))).toBe(r.m);
      expect(at("oedema")?.[0]).toBe(0);
      expect(at("headc")).toBeNull(); // head circumference not given
      expect(f8(at("armc"))).toBe(14.5);
      expect(["zlen", "zwei", "zwfl", "zbmi", "zhc", "zac"].map((c) => f8(at(c)))).toEqual([
        z.zlen,
        z.zwei,
        z.zwfl,
        z.zbmi,
        z.zhc,
        z.zac,
      ]);
      expect(["flen", "fwei", "fwfl", "fbmi"].map((c) => at(c)?.[0])).toEqual(
        [z.flen, z.fwei, z.fwfl, z.fbmi].map((f) => (f ? 1 : 0)),
      );
      // The categories as stored: none for a flagged z-score.
      expect(
        ["status_tbu", "status_bbu", "status_bbtb", "status_imtu"].map((c) => txt(at(c)) ?? null),
      ).toEqual([stored.status_tbu, stored.status_bbu, stored.status_bbtb, stored.status_imtu]);
      expect(txt(at("source"))).toBe("eppgbm_import");
      expect(uuidText(at("import_id") as Buffer)).toBe(uuidText(importId));
    });
    // The 5 kg girl of 95 cm: weight-for-age flagged, so no BB/U category, while TB/U has one.
    expect(txt(got[1][col("status_bbu")])).toBeUndefined();
    expect(got[1][col("fwei")]?.[0]).toBe(1);
    expect(txt(got[1][col("status_tbu")])).toBe("normal");
    expect(flagged).toBe(flags);
    expect(flagged).toBeGreaterThan(0); // the 5 kg girl of 95 cm is implausibly light
    // Each flag listed with the file's row, the child, the z-score and the values measured.
    expect(flagList.map((f) => ({ rowNo: f.rowNo, indicator: f.indicator, zscore: f.zscore }))).toEqual(
      expectedFlags,
    );
    expect(flagList[0]).toMatchObject({ rowNo: 11, name: "ANAK 1", weight: 5, lenhei: 95 });
  });

  it("refuses a measurement past its capacity instead of dropping it", () => {
    const batch = new MeasurementBatch(1, importId);
    const add = () =>
      batch.add(2, "ANAK", "35.03.01.2001", childA, -1, undefined, 20_000, 1, {
        ageDays: 400,
        weight: 9,
        lenhei: 75,
        measure: "l",
        oedema: false,
      });
    add();
    expect(add).toThrow(/batch full/);
    expect(batch.take()?.count).toBe(1);
    add(); // a new batch after take
    expect(batch.count).toBe(1);
  });
});
