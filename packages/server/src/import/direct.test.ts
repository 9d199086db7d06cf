import { afterAll, describe, expect, it } from "vitest";
import { keysFromMaster } from "../db/pii.ts";
import { CHILD_COLUMNS } from "../db/repositories/import-columns.ts";
import { checkRecord } from "./check.ts";
import { DirectImport } from "./direct.ts";
import { ImportMemo } from "./memo.ts";
import { encodeChildren } from "./new-child.ts";
import { IdentifierSealer } from "./sealing.ts";

const sealer = new IdentifierSealer(keysFromMaster(Buffer.alloc(32, 4)));
afterAll(() => sealer.close());
const ctx = { sheet: "", requireMeasurement: true, today: "2025-12-31", sealer, memo: new ImportMemo() };

/** The fields of the first tuple of binary COPY data (null for NULL). */
function firstTuple(data: Buffer): Array<Buffer | null> {
  let p = 19;
  const n = data.readInt16BE(p);
  p += 2;
  const row: Array<Buffer | null> = [];
  for (let f = 0; f < n; f++) {
    const len = data.readInt32BE(p);
    p += 4;
    row.push(len < 0 ? null : data.subarray(p, p + len));
    if (len > 0) p += len;
  }
  return row;
}

describe("DirectImport and encodeChildren", () => {
  it("writes a new child with its measurement, and encodes it in CHILD_COLUMNS order", async () => {
    const row = checkRecord(
      {
        nik: "3503014303230001",
        kk: "3503012345678901",
        name: "Wulan  Sari",
        sex: "P",
        birthDate: "03/03/2023",
        birthWeight: "3,1",
        rt: "02",
        measuredOn: "15/08/2025",
        weight: "10,2",
        lenhei: "80",
      },
      2,
      { districtCode: "35.03", villageCode: "35.03.01.2001" },
      ctx,
    );
    if (Array.isArray(row)) throw new Error("rejected");
    const direct = new DirectImport(10, Buffer.alloc(16));
    direct.addDistrict("35.03", []);
    expect(direct.route(row, undefined)).toBe("direct");
    const { children, measurements } = direct.take();
    expect(measurements?.count).toBe(1);
    expect(children).toHaveLength(1);
    await sealer.complete();
    const t = firstTuple(encodeChildren(children ?? []));
    expect(t).toHaveLength(CHILD_COLUMNS.length);
    const at = (name: string) => t[CHILD_COLUMNS.findIndex((c) => c.name === name)];
    const txt = (b: Buffer | null) => b?.toString("utf8");
    expect(txt(at("district_code"))).toBe("35.03");
    expect(txt(at("village_code"))).toBe("35.03.01.2001");
    expect(at("posyandu_id")).toBeNull();
    expect(txt(at("nik_hash"))).toBe(row.nik?.hash);
    expect(txt(at("nik_enc"))).toBe(row.nik?.sealedEnc);
    expect(txt(at("kk_hash"))).toBe(row.kk?.hash);
    expect(txt(at("name"))).toBe("Wulan Sari");
    expect(txt(at("name_key"))).toBe("wulan sari");
    expect(at("sex")?.readInt16BE(0)).toBe(2);
    expect(at("birth_weight")?.readDoubleBE(0)).toBe(3.1);
    expect(at("birth_length")).toBeNull();
    expect(txt(at("rt"))).toBe("02");
    expect(at("mother_nik_hash")).toBeNull();
  });
});
