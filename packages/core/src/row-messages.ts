/**
 * The texts of the `row.*` codes of the message catalogue (messages.ts), in Bahasa Indonesia and
 * English: what is wrong with a row of an imported file, naming the column, the value found and
 * what was expected. The web app shows them under `msg.row.*` (its translations take them from
 * here) and `tumbuh import` prints them, Indonesian by default; placeholders are `{{param}}`.
 */
import type { MessageCode } from "./messages.ts";

type RowCode = Extract<MessageCode, `row.${string}`>;

export const ROW_MESSAGE_TEXTS: Record<"id" | "en", Record<RowCode, string>> = {
  id: {
    "row.notNumber": '{{field}}: "{{value}}" bukan angka; tulis angka seperti 85,5 atau 85.5.',
    "row.notDate": '{{field}}: "{{value}}" bukan tanggal; tulis dd/mm/yyyy, dd-mm-yyyy atau yyyy-mm-dd.',
    "row.notCalendarDate": '{{field}}: tanggal "{{value}}" tidak ada di kalender.',
    "row.notSex": '{{field}}: "{{value}}" bukan jenis kelamin; tulis L atau P (1/2, laki-laki/perempuan).',
    "row.notMeasure": '{{field}}: "{{value}}" bukan cara ukur; tulis telentang atau berdiri (l/h).',
    "row.notOedema": '{{field}}: "{{value}}" tidak dikenali; tulis ya atau tidak (y/n).',
    "row.notIdentifier": '{{field}}: "{{value}}" berisi {{digits}} angka; seharusnya 16 angka.',
    "row.empty": "{{field}} kosong; kolom ini wajib diisi.",
    "row.outOfRange": "{{field}}: {{value}} {{unit}} di luar batas {{min}}–{{max}} {{unit}}.",
    "row.dateInFuture": "{{field}}: {{value}} sesudah hari ini ({{today}}).",
    "row.beforeBirth": "{{field}}: {{value}} sebelum tanggal lahir {{birthDate}}.",
    "row.tooOld":
      "{{field}}: pada {{value}} umur anak {{ageDays}} hari; balita paling tua {{maxDays}} hari (59 bulan).",
    "row.nothingMeasured": "Berat dan tinggi sama-sama kosong; isi paling sedikit salah satu.",
    "row.noDistrict": "{{field}} kosong dan kabupaten/kota impor tidak dipilih.",
    "row.otherDistrict":
      '{{field}}: baris ini di kabupaten/kota {{code}} ("{{value}}"), bukan {{district}} yang dipilih.',
    "row.unknownDistrict": '{{field}}: tidak ada kabupaten/kota bernama "{{value}}".',
    "row.ambiguousDistrict":
      '{{field}}: nama "{{value}}" dipakai beberapa kabupaten/kota ({{codes}}); pilih kabupaten/kota impor.',
    "row.unknownVillageCode": '{{field}}: tidak ada desa berkode "{{value}}" di {{district}}.',
    "row.unknownSubdistrict": '{{field}}: tidak ada kecamatan bernama "{{value}}" di {{district}}.',
    "row.unknownVillage": '{{field}}: tidak ada desa/kelurahan bernama "{{value}}" di {{district}}.',
    "row.unknownVillageIn":
      '{{field}}: tidak ada desa/kelurahan bernama "{{value}}" di kecamatan {{subdistrict}}.',
    "row.ambiguousVillage":
      '{{field}}: nama "{{value}}" dipakai beberapa desa ({{codes}}); isi kecamatannya.',
    "row.registerNoKey": "{{field}}: NIK dan nama anak kosong; anak tidak dapat dicari di sheet data anak.",
    "row.registerNotFound": '{{field}}: tidak ada anak bernama "{{value}}" di sheet data anak.',
    "row.registerAmbiguous":
      '{{field}}: beberapa anak bernama "{{value}}" di sheet data anak (baris {{rows}}); isi NIK-nya.',
    "row.sameChildInFile":
      "Nama, tanggal lahir dan jenis kelamin sama dengan anak di baris {{row}} berkas ini.",
    "row.sameChildOtherNik":
      "Nama, tanggal lahir, jenis kelamin dan desa sama dengan anak yang sudah ada, tetapi NIK berbeda.",
    "row.sameChildOtherVillage":
      "Nama, tanggal lahir dan jenis kelamin sama dengan anak yang sudah ada di desa {{village}}.",
    "row.implausible":
      "Z-skor {{indicator}} {{zscore}} tidak masuk akal (di luar {{min}} sampai {{max}}, batas WHO).",
    "row.standingUnderNineMonths": "Diukur berdiri sebelum umur 9 bulan; bayi diukur telentang.",
  },
  en: {
    "row.notNumber": '{{field}}: "{{value}}" is not a number; expected a number such as 85.5 or 85,5.',
    "row.notDate": '{{field}}: "{{value}}" is not a date; expected dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd.',
    "row.notCalendarDate": '{{field}}: the date "{{value}}" does not exist in the calendar.',
    "row.notSex": '{{field}}: "{{value}}" is not a sex; expected L or P (1/2, m/f, laki-laki/perempuan).',
    "row.notMeasure":
      '{{field}}: "{{value}}" is not a measuring position; expected telentang or berdiri (l/h).',
    "row.notOedema": '{{field}}: "{{value}}" is not recognised; expected ya or tidak (y/n).',
    "row.notIdentifier": '{{field}}: "{{value}}" has {{digits}} digits; expected 16 digits.',
    "row.empty": "{{field}} is empty; this column is required.",
    "row.outOfRange": "{{field}}: {{value}} {{unit}} is outside the limits {{min}}–{{max}} {{unit}}.",
    "row.dateInFuture": "{{field}}: {{value}} is after today ({{today}}).",
    "row.beforeBirth": "{{field}}: {{value}} is before the birth date {{birthDate}}.",
    "row.tooOld":
      "{{field}}: on {{value}} the child is {{ageDays}} days old; expected a child under 60 months (at most {{maxDays}} days).",
    "row.nothingMeasured": "Neither weight nor length/height is given; expected at least one.",
    "row.noDistrict": "{{field}} is empty and no district was chosen for the import.",
    "row.otherDistrict":
      '{{field}}: the row is in district {{code}} ("{{value}}"), not in {{district}} chosen for the import.',
    "row.unknownDistrict": '{{field}}: no district named "{{value}}".',
    "row.ambiguousDistrict":
      '{{field}}: the name "{{value}}" is used by several districts ({{codes}}); choose the district of the import.',
    "row.unknownVillageCode": '{{field}}: no village with code "{{value}}" in {{district}}.',
    "row.unknownSubdistrict": '{{field}}: no kecamatan named "{{value}}" in {{district}}.',
    "row.unknownVillage": '{{field}}: no village named "{{value}}" in {{district}}.',
    "row.unknownVillageIn": '{{field}}: no village named "{{value}}" in kecamatan {{subdistrict}}.',
    "row.ambiguousVillage":
      '{{field}}: the name "{{value}}" is used by several villages ({{codes}}); give the kecamatan.',
    "row.registerNoKey": "{{field}}: no NIK and no name; the child cannot be found in the child sheet.",
    "row.registerNotFound": '{{field}}: no child named "{{value}}" in the child sheet.',
    "row.registerAmbiguous":
      '{{field}}: several children named "{{value}}" in the child sheet (rows {{rows}}); give the NIK.',
    "row.sameChildInFile": "Same name, birth date and sex as the child of row {{row}} in this file.",
    "row.sameChildOtherNik":
      "Same name, birth date, sex and village as an existing child with a different NIK.",
    "row.sameChildOtherVillage": "Same name, birth date and sex as an existing child in village {{village}}.",
    "row.implausible":
      "{{indicator}} z-score {{zscore}} is implausible (outside {{min}} to {{max}}, the WHO limits).",
    "row.standingUnderNineMonths": "Measured standing before 9 months of age; infants are measured lying.",
  },
};

const NUMBER_FORMAT = {
  id: new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2, useGrouping: false }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, useGrouping: false }),
};

/**
 * The text of a row message in `lang`, its parameters filled in (numbers written the language's
 * way: 0,5 in Indonesian). An unknown placeholder stays as written.
 */
export function rowMessageText(
  lang: "id" | "en",
  code: RowCode,
  params: Record<string, string | number> = {},
): string {
  return ROW_MESSAGE_TEXTS[lang][code].replace(/\{\{(\w+)\}\}/g, (all, name: string) => {
    const v = params[name];
    if (v === undefined) return all;
    return typeof v === "number" ? NUMBER_FORMAT[lang].format(v) : v;
  });
}

export type { RowCode };
