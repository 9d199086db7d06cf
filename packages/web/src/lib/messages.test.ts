import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import en from "../i18n/en.json";
import id from "../i18n/id.json";
import { errorText, messageText } from "./messages.ts";

const t18 = i18next.createInstance();
beforeAll(async () => {
  await t18.init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: "id",
    interpolation: { escapeValue: false },
  });
});
const t = (k: string, o?: Record<string, unknown>) => t18.t(k, o) as string;

describe("errorText", () => {
  it("translates the server's message code with its parameters, field names included", async () => {
    const tooTall = new ApiError(
      400,
      "validation_failed",
      "body/height: expected at most 150 cm",
      undefined,
      "validation.tooBig",
      { field: "height", max: 150 },
    );
    expect(errorText(tooTall, t)).toEqual({ text: "Panjang/tinggi: paling besar 150.", detail: null });
    const scope = new ApiError(
      403,
      "forbidden",
      "region 35.03 is outside this account's scope 35.04",
      undefined,
      "access.scope",
      { region: "35.03", scope: "35.04" },
    );
    expect(errorText(scope, t).text).toBe("Wilayah 35.03 di luar wilayah kerja akun ini (35.04).");
    await t18.changeLanguage("en");
    expect(errorText(scope, t).text).toBe("Region 35.03 is outside this account's area (35.04).");
    await t18.changeLanguage("id");
  });
  it("writes numbers as the chosen language does", async () => {
    const e = new ApiError(413, "payload_too_large", "x", undefined, "import.tooManyRows", {
      max: 250000,
      found: 250001,
    });
    expect(errorText(e, t).text).toBe(
      "Berkas melebihi batas 250.000 baris data (terbaca 250.001 baris); bagi menjadi beberapa berkas.",
    );
    await t18.changeLanguage("en");
    expect(errorText(e, t).text).toContain("the limit of 250,000 data rows (250,001 read)");
    await t18.changeLanguage("id");
  });
  it("translates roles in parameters", () => {
    const e = new ApiError(403, "forbidden", "x", undefined, "access.grantRank", { role: "tpk_member" });
    expect(errorText(e, t).text).toContain(t("roles.tpk_member"));
    expect(errorText(e, t).text).not.toContain("tpk_member");
  });
  it("translates the aksi status of a refused acceptance", async () => {
    const e = new ApiError(409, "conflict", "x", undefined, "aksi.acceptOnlyDone", {
      aksi: "3",
      status: "proses",
    });
    expect(errorText(e, t).text).toBe(
      `Aksi 3 berstatus ${t("aksi.statuses.proses")}; hanya aksi berstatus Selesai yang dapat diterima.`,
    );
    await t18.changeLanguage("en");
    expect(errorText(e, t).text).toContain("has the status In progress;");
    await t18.changeLanguage("id");
  });
  it("shows only the translated text when the message code is known, never the server's English", () => {
    const e = new ApiError(400, "bad_request", "file: row 3 is odd", undefined, "validation.invalid", {
      field: "file",
    });
    expect(errorText(e, t)).toEqual({ text: "Isian Berkas tidak valid.", detail: null });
    const published = new ApiError(
      409,
      "conflict",
      "the penilaian kinerja is already published",
      undefined,
      "penilaian.published",
      {},
    );
    expect(errorText(published, t)).toEqual({ text: t("msg.penilaian.published"), detail: null });
    expect(errorText(published, t).text).not.toMatch(/already published/);
  });
  it("keeps the server's English beside the status code's text only when no known code came", () => {
    const unknown = new ApiError(409, "conflict", "clash", undefined, "no.suchCode", {});
    expect(errorText(unknown, t)).toEqual({ text: t("errors.conflict"), detail: "clash" });
    expect(errorText(new ApiError(409, "conflict", "clash"), t).detail).toBe("clash");
  });
  it("falls back to the status code's text, then to the error's own text", () => {
    expect(errorText(new ApiError(409, "conflict", "clash"), t).text).toBe(t("errors.conflict"));
    expect(errorText(new TypeError("Failed to fetch"), t).text).toBe(t("errors.network"));
    expect(errorText(new Error("Tanggal belum diisi"), t).text).toBe("Tanggal belum diisi");
  });
});

describe("messageText", () => {
  it("translates a row message of an import with its parameters", async () => {
    const m = { key: "aksi.planNotPillar", params: { value: "9" } };
    expect(messageText(m, 'found "9", expected a pillar 1–5', t)).toBe(
      '"9" bukan pilar Stranas; tulis pilar 1–5.',
    );
    await t18.changeLanguage("en");
    expect(messageText(m, "x", t)).toBe('"9" is not a Stranas pillar; write a pillar 1–5.');
    await t18.changeLanguage("id");
  });
  it("translates the water source and latrine of a family's factor", () => {
    expect(messageText({ key: "krs.water", params: { source: "sumur_bor" } }, "x", t)).toBe(
      `sumber air minum: ${t("families.waterSources.sumur_bor")}`,
    );
    expect(messageText({ key: "krs.latrine", params: { latrine: "tidak_ada" } }, "x", t)).not.toContain(
      "tidak_ada",
    );
  });
  it("shows the server's English when no message or an unknown code came", () => {
    expect(messageText(undefined, "found 9", t)).toBe("found 9");
    expect(messageText({ key: "no.suchCode" }, "found 9", t)).toBe("found 9");
  });
});
