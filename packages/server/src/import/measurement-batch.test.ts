import { anthroZScores, createAnthroBatchOutput, statusTbu } from "@tumbuh/growth";
import { describe, expect, it } from "vitest";
import { isoDays, uuidBytes, uuidText } from "../db/pg-binary.ts";
import { encodeMeasurements, MeasurementBatch } from "./measurement-batch.ts";

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
    for (const r of rows) {
      const day = isoDays(r.on);
      batch.add(r.v, r.c, r.p, day, r.sex, {
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

    const { data, flagged } = encodeMeasurements(columns, createAnthroBatchOutput(4));
    const got = tuples(data);
    expect(got).toHaveLength(3);
    const f8 = (b: Buffer | null) => (b === null ? undefined : b.readDoubleBE(0));
    const txt = (b: Buffer | null) => (b === null ? undefined : b.toString("utf8"));
    let flags = 0;
    rows.forEach((r, i) => {
      const t = got[i];
      expect(t).toHaveLength(29);
      const age = isoDays(r.on) - birth;
      const z = anthroZScores({
        sex: r.sex as 1 | 2,
        ageDays: age,
        weight: r.w,
        lenhei: r.h,
        measure: r.m,
        armc: 14.5,
      });
      if (z.flen || z.fwei || z.fwfl || z.fbmi) flags++;
      expect(txt(t[0])).toBe("35.03");
      expect(uuidText(t[1] as Buffer)[14]).toBe("7"); // a new version-7 id
      expect(uuidText(t[2] as Buffer)).toBe(uuidText(r.c));
      expect(txt(t[3])).toBe(r.v);
      expect(t[4] === null ? undefined : uuidText(t[4])).toBe(r.p && uuidText(r.p));
      expect((t[5] as Buffer).readInt32BE(0)).toBe(isoDays(r.on) - isoDays("2000-01-01"));
      expect((t[6] as Buffer).readInt32BE(0)).toBe(age);
      expect(f8(t[7])).toBe(r.w);
      expect(f8(t[8])).toBe(r.h);
      expect(txt(t[9])).toBe(r.m);
      expect(t[10]?.[0]).toBe(0); // oedema
      expect(t[11]).toBeNull(); // head circumference not given
      expect(f8(t[12])).toBe(14.5);
      expect([f8(t[13]), f8(t[14]), f8(t[15]), f8(t[16])]).toEqual([z.zlen, z.zwei, z.zwfl, z.zbmi]);
      expect(f8(t[18])).toBe(z.zac);
      expect([t[19]?.[0], t[20]?.[0], t[21]?.[0], t[22]?.[0]]).toEqual(
        [z.flen, z.fwei, z.fwfl, z.fbmi].map((f) => (f ? 1 : 0)),
      );
      expect(txt(t[23])).toBe(statusTbu(z.zlen)?.code);
      expect(txt(t[27])).toBe("eppgbm_import");
      expect(uuidText(t[28] as Buffer)).toBe(uuidText(importId));
    });
    expect(flagged).toBe(flags);
    expect(flagged).toBeGreaterThan(0); // the 5 kg girl of 95 cm is implausibly light
  });

  it("refuses a measurement past its capacity instead of dropping it", () => {
    const batch = new MeasurementBatch(1, importId);
    const add = () =>
      batch.add("35.03.01.2001", childA, undefined, 20_000, 1, {
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
