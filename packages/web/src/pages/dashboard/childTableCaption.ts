import type { Region } from "../../api/types.ts";

const BELOW: Record<string, string> = {
  nation: "province",
  province: "district",
  district: "subdistrict",
  subdistrict: "village",
  village: "posyandu",
};

/**
 * Title of a region's child table, by the level of the rows it holds: "Kecamatan di
 * Kab. Trenggalek", "Posyandu di Besuki"…; an empty table is named by the level below the region.
 */
export function childTableCaption(
  d: { region: Pick<Region, "level" | "name">; children: Pick<Region, "level">[] },
  t: (key: string, options?: Record<string, string>) => string,
): string {
  const level = d.children[0]?.level ?? BELOW[d.region.level] ?? "village";
  const region = d.region.level === "nation" ? t("region.nation") : d.region.name;
  return t(`dashboard.childrenOf.${level}`, { region });
}
