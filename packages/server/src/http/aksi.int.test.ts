import { AKSI_2025 } from "@tumbuh/core/programme";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../db/test-support.ts";
import type { App } from "./context.ts";
import { type Client, seedFixtures, signIn, testApp } from "./test-app.ts";

const PDF = Buffer.from("%PDF-1.4\n% bukti aksi (sintetis)\n%%EOF\n");

function multipart(fileName: string, content: Buffer, fields: Record<string, string>) {
  const boundary = "----tumbuhaksi91c2";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const USERS = [
  "nasional",
  "jatim",
  "penilai",
  "jateng",
  "bappeda",
  "dinkes",
  "dinkes-lain",
  "camat",
  "kader",
] as const;
type Who = (typeof USERS)[number];

describeEachEngine("aksi routes: role × region", (ctx) => {
  let app: App;
  const c = {} as Record<Who, Client>;
  let cycleId = "";
  let evidenceId = "";

  beforeAll(async () => {
    await seedFixtures(ctx.database);
    app = await testApp(ctx.database);
    for (const u of USERS) c[u] = await signIn(app, u);
  });

  const upload = (
    who: Who,
    url: string,
    name: string,
    content: Buffer,
    fields: Record<string, string> = {},
  ) => {
    const { payload, headers } = multipart(name, content, fields);
    return app.inject({
      method: "POST",
      url,
      payload,
      headers: { ...headers, cookie: c[who].cookie, "x-csrf-token": c[who].csrfToken },
    });
  };

  it("only district TPPS opens its district's cycle", async () => {
    const body = { districtCode: "35.03", year: 2025 };
    expect((await app.inject({ method: "POST", url: "/api/aksi/cycles", payload: body })).statusCode).toBe(
      401,
    );
    for (const who of ["nasional", "jatim", "penilai", "dinkes", "camat", "kader"] as const)
      expect((await c[who].send("POST", "/api/aksi/cycles", body)).statusCode, who).toBe(403);
    expect((await c["dinkes-lain"].send("POST", "/api/aksi/cycles", body)).statusCode).toBe(403);
    const res = await c.bappeda.send("POST", "/api/aksi/cycles", body);
    expect(res.statusCode).toBe(201);
    cycleId = res.json().cycle.id;
    expect((await c.bappeda.send("POST", "/api/aksi/cycles", body)).statusCode).toBe(409);
    expect(
      (await c.bappeda.send("POST", "/api/aksi/cycles", { districtCode: "35.03", year: 1999 })).statusCode,
    ).toBe(400);
  });

  it("shows a district's cycle to its district and province only", async () => {
    const url = `/api/aksi/cycles/${cycleId}`;
    const expected: Record<Who, number> = {
      nasional: 200,
      jatim: 200,
      penilai: 200,
      bappeda: 200,
      dinkes: 200,
      jateng: 404,
      "dinkes-lain": 404,
      camat: 404, // outside the kecamatan's scope: the cycle does not exist for it
      kader: 404,
    };
    for (const who of USERS) expect((await c[who].get(url)).statusCode, who).toBe(expected[who]);
    expect((await c.bappeda.get("/api/aksi/cycles/not-a-uuid")).statusCode).toBe(404);
    expect((await c["dinkes-lain"].get("/api/aksi/cycles?region=35.04")).json()).toEqual({ cycles: [] });
    expect((await c["dinkes-lain"].get("/api/aksi/cycles?region=35.03")).statusCode).toBe(403);
  });

  it("lets the district edit and upload, the province review, nobody else", async () => {
    const url = `/api/aksi/cycles/${cycleId}/aksi/U1`;
    const patch = {
      status: "selesai",
      notes: "Analisis situasi selesai",
      outputsDone: ["U1.ansit-eppgbm"],
      version: 1,
    };
    for (const who of ["penilai", "jatim", "dinkes"] as const)
      expect((await c[who].send("PATCH", url, patch)).statusCode, who).toBe(403);
    expect((await c["dinkes-lain"].send("PATCH", url, patch)).statusCode).toBe(404);
    expect((await c.bappeda.send("PATCH", url, { ...patch, status: "direviu" })).statusCode).toBe(400);
    const ok = await c.bappeda.send("PATCH", url, patch);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().entries[0]).toMatchObject({ status: "selesai", progressPct: 30 }); // 80 × 1/4 + 10 (selesai)

    expect((await upload("dinkes", `${url}/evidence`, "sk.pdf", PDF)).statusCode).toBe(403);
    expect((await upload("bappeda", `${url}/evidence`, "sk.exe", PDF)).statusCode).toBe(400);
    const up = await upload("bappeda", `${url}/evidence`, "SK lokus.pdf", PDF, {
      outputCode: "U1.rekomendasi-lokus",
    });
    expect(up.statusCode).toBe(201);
    evidenceId = up.json().evidence.id;
    expect(up.json().evidence.outputCode).toBe("U1.rekomendasi-lokus");

    const review = { comment: "Diterima", accept: true, version: 2 };
    expect((await c.bappeda.send("POST", `${url}/review`, review)).statusCode).toBe(403);
    expect((await c.jateng.send("POST", `${url}/review`, review)).statusCode).toBe(404);
    const r = await c.penilai.send("POST", `${url}/review`, review);
    expect(r.statusCode).toBe(200);
    expect(r.json().entries[0]).toMatchObject({ status: "direviu", progressPct: 60 }); // 80 × 2/4 + 10 + 10 (direviu)
    const h = await c.dinkes.get(`${url}/history`);
    expect(h.json().entries.map((e: { action: string }) => e.action)).toEqual([
      "review_accept",
      "evidence_add",
      "update",
    ]);
  });

  it("downloads evidence only inside the scope, as an attachment", async () => {
    const url = `/api/aksi/evidence/${evidenceId}`;
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    const res = await c.penilai.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain('attachment; filename="SK lokus.pdf"');
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    for (const who of ["jateng", "dinkes-lain"] as const)
      expect((await c[who].get(url)).statusCode, who).toBe(404);
    expect((await c.kader.get(url)).statusCode).toBe(404);
    expect((await c.bappeda.send("DELETE", url)).statusCode).toBe(409); // its aksi is reviewed
  });

  it("shows Pantau Aksi of a province to the province", async () => {
    const res = await c.jatim.get("/api/aksi/progress?province=35&year=2025");
    expect(res.statusCode).toBe(200);
    const d = res.json().districts.find((x: { code: string }) => x.code === "35.03");
    expect(d.progressPct).toBeCloseTo(60 / 6, 9); // 10 % < 13 %
    expect(d.band).toBe("merah");
    expect((await c.bappeda.get("/api/aksi/progress?province=35&year=2025")).statusCode).toBe(403);
    expect((await c.jateng.get("/api/aksi/progress?province=35&year=2025")).statusCode).toBe(403);
  });

  it("lets only a national admin add a year's aksi list, checked field by field", async () => {
    const config = { ...AKSI_2025, version: "nasional-2026", validFrom: 2026, title: "Aksi 2026 (uji)" };
    expect((await c.bappeda.send("POST", "/api/aksi/configs", { config })).statusCode).toBe(403);
    expect((await c.jatim.send("POST", "/api/aksi/configs", { config })).statusCode).toBe(403);
    const bad = await c.nasional.send("POST", "/api/aksi/configs", {
      config: { ...config, validUntil: 2020 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors).toEqual([
      "validUntil: found 2020, expected a year not before validFrom 2026",
    ]);
    expect((await c.nasional.send("POST", "/api/aksi/configs", { config })).statusCode).toBe(201);
    expect((await c.nasional.send("POST", "/api/aksi/configs", { config })).statusCode).toBe(409);
    const opened = await c.bappeda.send("POST", "/api/aksi/cycles", { districtCode: "35.03", year: 2026 });
    expect(opened.json().cycle.configVersion).toBe("nasional-2026");
  });
});
