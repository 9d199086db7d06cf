import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import en from "../i18n/en.json";
import id from "../i18n/id.json";
import { errorText } from "./messages.ts";

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
  it("translates roles in parameters", () => {
    const e = new ApiError(403, "forbidden", "x", undefined, "access.grantRank", { role: "tpk_member" });
    expect(errorText(e, t).text).toContain(t("roles.tpk_member"));
    expect(errorText(e, t).text).not.toContain("tpk_member");
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
