/**
 * The public page (Aksi 7 publication), open without sign-in: districts with published data,
 * their periods, the prevalence of a district by kecamatan and village, and boundaries. Aggregates
 * only — never names, NIK, No. KK, birth dates or any individual record — with small counts and the
 * counts they could be worked out from withheld (public-figures.ts).
 */
import { levelOfCode, searchKey, userMessage } from "@tumbuh/core";
import { type BoundaryCollection, type PublicCommentary, PublicPrevalence } from "@tumbuh/core/api";
import type { Repositories } from "../db/repositories/index.ts";
import type { BoundaryService } from "./boundaries.ts";
import { type DemoInfo, holdsDemoData } from "./context.ts";
import { badRequest } from "./errors.ts";
import { ROUTINE_SOURCE_LABEL } from "./figures.ts";
import { NATIONAL_TARGET } from "./national-target.ts";
import type { PrevalenceService } from "./prevalence.ts";
import { publicDistrictTable } from "./public-figures.ts";
import type { RegionService } from "./regions.ts";
import type { ResponseCache } from "./response-cache.ts";

function requireDistrict(code: string): void {
  if (levelOfCode(code) !== "district")
    throw badRequest(
      "district",
      `expected a district code such as 35.03, got ${code}`,
      userMessage("region.notDistrict", { code }),
    );
}

export class PublicService {
  constructor(
    private readonly repos: Repositories,
    private readonly regions: RegionService,
    private readonly prevalence: PrevalenceService,
    private readonly boundaries: BoundaryService,
    private readonly demo: DemoInfo,
    private readonly cache: ResponseCache,
  ) {}

  /** Districts with published data whose name contains `q`. */
  async districts(q: string | undefined) {
    const key = q ? searchKey(q) : "";
    return this.repos.regions.districtsWithData(key || undefined);
  }

  /** The periods published for a district, newest first. */
  async periods(district: string): Promise<string[]> {
    requireDistrict(district);
    await this.regions.withAncestors(district);
    return this.prevalence.publicPeriods(district);
  }

  /**
   * The commentary the district published (aksi 7) on its figures of `year`: its text and when it
   * was published, nothing about who wrote it; null when the district has published none.
   */
  async commentary(district: string, year: number): Promise<PublicCommentary["commentary"]> {
    requireDistrict(district);
    const row = await this.repos.aksiDocs.publishedCommentary(district, year);
    return row ? { year, text: row.text, publishedAt: new Date(row.published_at).toISOString() } : null;
  }

  /** prevalenceOf as JSON text, reused from the cache for a short while. */
  async prevalenceJson(district: string, requested: string | undefined, today: string): Promise<string> {
    requireDistrict(district);
    const key = `public|${district}|${requested ?? `default@${today}`}`;
    return this.cache.get(key, async () =>
      JSON.stringify(PublicPrevalence.encode(await this.prevalenceOf(district, requested, today))),
    );
  }

  /** A district's published figures by kecamatan and village, small counts withheld. */
  async prevalenceOf(
    district: string,
    requested: string | undefined,
    today: string,
  ): Promise<PublicPrevalence> {
    requireDistrict(district);
    const t = await this.prevalence.districtTable(district, requested, today);
    const source = { label: ROUTINE_SOURCE_LABEL, synthetic: holdsDemoData(this.demo, district) };
    const { total, subdistricts, villages } = publicDistrictTable(t);
    return {
      district: t.region,
      period: t.period,
      source,
      nationalTarget: NATIONAL_TARGET,
      total,
      subdistricts,
      villages,
    };
  }

  /** Boundaries of the kecamatan of a district, or of the villages of a kecamatan. */
  async boundariesOf(parent: string): Promise<BoundaryCollection> {
    const level = levelOfCode(parent);
    if (level !== "district" && level !== "subdistrict")
      throw badRequest(
        "parent",
        `expected a district or subdistrict code, got ${parent}`,
        userMessage("region.notDistrictOrSubdistrict", { code: parent }),
      );
    await this.regions.withAncestors(parent);
    return this.boundaries.collectionOf(await this.regions.children(parent));
  }
}
