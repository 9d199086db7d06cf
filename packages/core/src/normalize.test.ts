import { describe, expect, it } from "vitest";
import { personKey, placeKey, searchKey } from "./normalize.ts";

describe("text keys", () => {
  it.each([
    ["  KABUPATEN  Trenggalek ", "kabupaten trenggalek"],
    ["Désa Ngàdirejo", "desa ngadirejo"],
    ["RT.01/RW.02", "rt 01 rw 02"],
    ["", ""],
  ])("searchKey(%j) = %j", (text, key) => {
    expect(searchKey(text)).toBe(key);
  });

  it.each([
    ["KAB. TRENGGALEK", "trenggalek"],
    ["Kec. Panggul", "panggul"],
    ["Desa Adat Tenganan", "tenganan"],
    ["UPT Puskesmas Karangan", "karangan"],
    ["Posyandu Melati 1", "melati 1"],
    ["Desa", "desa"],
  ])("placeKey(%j) = %j", (text, key) => {
    expect(placeKey(text)).toBe(key);
  });

  it.each([
    ["An. Siti Aminah", "siti aminah"],
    ["BY NY SUMIATI", "sumiati"],
    ["Anita", "anita"],
  ])("personKey(%j) = %j", (text, key) => {
    expect(personKey(text)).toBe(key);
  });
});
