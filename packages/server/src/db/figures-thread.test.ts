import { DEFAULT_KBM, districtFigures, FigureInputBuilder } from "@tumbuh/core";
import { expect, it } from "vitest";
import { computeDistrictFigures } from "./figures-thread.ts";

/** A district of `n` children weighed monthly through 2025, in two villages and a posyandu. */
function input(n: number) {
  const b = new FigureInputBuilder("35.03");
  const day = (m: number, d: number) => Date.UTC(2025, m, d) / 86_400_000;
  const birth = Date.UTC(2023, 4, 1) / 86_400_000;
  for (let c = 0; c < n; c++) {
    const village = c % 3 === 0 ? "35.03.01.2002" : "35.03.01.2001";
    const i = b.addChild({
      id: `c${c}`,
      sex: 1 + (c % 2),
      birthDate: "2023-05-01",
      village,
      posyandu: c % 2 === 0 ? "00000000-0000-7000-8000-000000000001" : null,
      hasKms: null,
      hasNik: c % 5 !== 0,
      nameKey: `anak ${c % 40}`,
    });
    for (let m = 0; m < 12; m++) {
      if ((c + m) % 7 === 0) continue; // a missed session now and then
      b.addMeasurement(i, village, null, {
        day: day(m, 5 + (c % 20)),
        ageDays: day(m, 5 + (c % 20)) - birth,
        weight: 8 + m * 0.15 - ((c * m) % 5) * 0.1,
        lenhei: 70 + m,
        measure: 1,
        oedema: false,
        hasKms: -1,
        zlen: -2.5 + ((c * 7 + m) % 30) / 10,
        zwei: -2 + ((c * 3 + m) % 20) / 10,
        zwfl: -1 + ((c + m) % 25) / 10,
        zbmi: Number.NaN,
        flags: (c + m) % 50 === 0 ? 1 : 0,
      });
    }
  }
  return b.build();
}

it("computes the SKDN part on its thread with the same rows as here", async () => {
  const x = input(300);
  const here = districtFigures(x, DEFAULT_KBM);
  // Threshold 0: the thread takes the SKDN part of even a small district.
  const threaded = await computeDistrictFigures(x, DEFAULT_KBM, 0);
  expect(threaded.skdn.length).toBeGreaterThan(10);
  expect(threaded).toEqual(here);
  // And again on the same thread (it serves every refresh of the process).
  expect(await computeDistrictFigures(x, DEFAULT_KBM, 0)).toEqual(here);
});
