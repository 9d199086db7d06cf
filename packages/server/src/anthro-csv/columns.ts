/**
 * Header mapping for child-measurement CSVs: WHO anthro's column names and the Indonesian names district
 * exports use, matched case-, space- and punctuation-insensitively.
 */
import { normalizeHeader } from "@tumbuh/core";

/** The inputs Tumbuh reads from a measurement CSV. */
export type InputField =
  | "sex"
  | "age"
  | "birthDate"
  | "measureDate"
  | "weight"
  | "lenhei"
  | "measure"
  | "oedema"
  | "headc"
  | "armc"
  | "triskin"
  | "subskin";

/** Accepted header spellings per field, already normalised (see normalizeHeader). */
export const FIELD_ALIASES: Record<InputField, readonly string[]> = {
  sex: ["sex", "jeniskelamin", "jk", "kelamin", "gender"],
  age: ["age", "umur"],
  birthDate: ["tanggallahir", "tgllahir", "birthdate", "dob", "dateofbirth"],
  measureDate: [
    "tanggalukur",
    "tglukur",
    "tanggalpengukuran",
    "tglpengukuran",
    "measuredate",
    "measurementdate",
    "dateofvisit",
  ],
  weight: ["weight", "berat", "bb", "beratbadan"],
  lenhei: ["lenhei", "tinggi", "tb", "pb", "tinggibadan", "panjangbadan", "height", "length"],
  measure: ["measure", "caraukur"],
  oedema: ["oedema", "edema"],
  headc: ["headc", "lingkarkepala", "lk"],
  armc: ["armc", "lila", "lingkarlenganatas"],
  triskin: ["triskin", "lipatkulittrisep"],
  subskin: ["subskin", "lipatkulitsubskapula"],
};

const ALIAS_TO_FIELD = new Map<string, InputField>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [InputField, readonly string[]][]) {
  for (const alias of aliases) ALIAS_TO_FIELD.set(alias, field);
}

/** Column index of each recognised field (the first matching column wins). */
export type ColumnMap = Partial<Record<InputField, number>>;

/** Maps a header row to the fields it carries; unknown columns are simply not mapped. */
export function mapColumns(header: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, index) => {
    const field = ALIAS_TO_FIELD.get(normalizeHeader(name));
    if (field !== undefined && map[field] === undefined) map[field] = index;
  });
  return map;
}

const MEASUREMENT_FIELDS: InputField[] = ["weight", "lenhei", "headc", "armc", "triskin", "subskin"];

/**
 * Says what is missing for z-scores to be computed from this header, or undefined when it is usable:
 * a sex column and at least one measurement column.
 */
export function checkUsable(header: readonly string[], map: ColumnMap): string | undefined {
  const problems: string[] = [];
  if (map.sex === undefined) problems.push("a sex column (sex or jenis_kelamin)");
  if (!MEASUREMENT_FIELDS.some((f) => map[f] !== undefined)) {
    problems.push(
      "at least one measurement column (weight/berat, lenhei/tinggi, headc/lingkar_kepala, armc/lila, triskin, subskin)",
    );
  }
  if (problems.length === 0) return undefined;
  const found = header.length ? header.map((h) => `"${h}"`).join(", ") : "no columns";
  return `the header has no usable columns: expected ${problems.join(" and ")}; found ${found}`;
}
