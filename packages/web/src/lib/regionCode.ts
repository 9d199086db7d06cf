/** Kemendagri region codes: the level of a code and its ancestors, for breadcrumbs and drill-down. */

export type RegionLevel = "nation" | "province" | "district" | "subdistrict" | "village";

/** The code the API uses for the whole nation. */
export const NATION = "ID";

/** The level a code names: "ID" nation, "35" province, "35.03" district, "35.03.01" subdistrict, "35.03.01.2001" village. */
export function regionLevel(code: string): RegionLevel {
  if (code === NATION || code === "") return "nation";
  const parts = code.split(".").length;
  return (["province", "district", "subdistrict", "village"] as const)[Math.min(parts, 4) - 1];
}

/** The level of the regions one step below (posyandu below a village). */
export function childLevel(code: string): RegionLevel | "posyandu" {
  const order: (RegionLevel | "posyandu")[] = [
    "nation",
    "province",
    "district",
    "subdistrict",
    "village",
    "posyandu",
  ];
  return order[order.indexOf(regionLevel(code)) + 1];
}

/** Every ancestor code from the nation ("ID") down to the code itself: "35.03" → ["ID", "35", "35.03"]. */
export function ancestorCodes(code: string): string[] {
  if (code === NATION || code === "") return [NATION];
  const parts = code.split(".");
  return [NATION, ...parts.map((_, i) => parts.slice(0, i + 1).join("."))];
}

/** True when `code` lies within the scope prefix (a scope of "ID" is the whole nation). */
export function withinScope(code: string, scope: string): boolean {
  return scope === NATION || scope === "" || code === scope || code.startsWith(`${scope}.`);
}
