/**
 * The demo installation: on an empty database, Kabupaten Trenggalek (35.03) with its real
 * villages, its kecamatan and village boundaries, about 5,000 synthetic children measured
 * monthly over 12 months (imported like a real e-PPGBM file), and demo users of each role.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { todayInIndonesia } from "@tumbuh/core";
import type { Role } from "@tumbuh/core/api";
import type { Database } from "../db/connection.ts";
import type { PiiKeys } from "../db/pii.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { importMeasurements } from "../import/import.ts";
import { synthesizeDistrictFile } from "../synth/district.ts";
import type { DemoInfo } from "./context.ts";
import { createDemoAksiDocs } from "./demo-aksi-docs.ts";
import { createDemoAksiPlan } from "./demo-aksi-plan.ts";
import { seedKeluargaDemo } from "./demo-keluarga.ts";
import { createDemoPenilaian } from "./demo-penilaian.ts";
import { UserService } from "./users.ts";

const DEMO_DISTRICT = "35.03";
export const DEMO_PASSWORD = "tumbuh-demo";
export const DEMO_ATTRIBUTION =
  "Batas wilayah: cahyadsn/wilayah_boundaries (© 2024 Cahya DSN, MIT License), kode wilayah Kepmendagri No 300.2.2-2138 Tahun 2025";

/** Where the demo boundary files live (copied from the shared geo folder, with their README). */
const DEMO_GEO_DIR = resolve(import.meta.dirname, "../../demo/geo");

export type { DemoInfo };

/** The demo facts stored in app_settings (not a demo when absent). */
export async function readDemoInfo(repos: Repositories): Promise<DemoInfo> {
  return (await repos.settings.get<DemoInfo>("demo")) ?? { synthetic: false, districtCode: null };
}

/** Whether the database holds no children, measurements or users yet. */
export async function isEmptyDatabase(repos: Repositories): Promise<boolean> {
  const [c, u] = await Promise.all([repos.children.any(), repos.users.any()]);
  return !c && !u;
}

interface Feature {
  type: "Feature";
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

/** Loads a GeoJSON file's features keyed by their `code` property as region boundaries. */
async function loadBoundaryFile(repos: Repositories, path: string, attribution: string): Promise<number> {
  const fc = JSON.parse(readFileSync(path, "utf8")) as { features: Feature[] };
  const rows = fc.features
    .filter((f) => typeof f.properties?.code === "string" && f.geometry)
    .map((f) => ({ code: f.properties?.code as string, geometry: f.geometry }));
  await repos.boundaries.upsert(rows, attribution, null);
  return rows.length;
}

interface DemoUser {
  username: string;
  role: Role;
  regionCode: string;
  displayName: string;
}

/** Demo users: one per role that works in the demo district (cadre and TPK in its busiest village). */
async function demoUsers(repos: Repositories): Promise<DemoUser[]> {
  const village = (await repos.children.busiestVillage(DEMO_DISTRICT)) ?? `${DEMO_DISTRICT}.01.2001`;
  const subdistrict = village.slice(0, 8);
  return [
    { username: "admin", role: "national_admin", regionCode: "ID", displayName: "Admin Nasional (demo)" },
    {
      username: "jatim",
      role: "provincial_admin",
      regionCode: "35",
      displayName: "Admin Provinsi Jawa Timur (demo)",
    },
    {
      username: "penilai",
      role: "provincial_assessor",
      regionCode: "35",
      displayName: "Penilai Provinsi (demo)",
    },
    {
      username: "penilai2",
      role: "provincial_assessor",
      regionCode: "35",
      displayName: "Penilai Provinsi 2 (demo)",
    },
    {
      username: "bappeda",
      role: "district_tpps",
      regionCode: DEMO_DISTRICT,
      displayName: "TPPS / Bappeda Trenggalek (demo)",
    },
    {
      username: "dinkes",
      role: "district_health",
      regionCode: DEMO_DISTRICT,
      displayName: "Dinkes Trenggalek (demo)",
    },
    {
      username: "camat",
      role: "kecamatan_tpps",
      regionCode: subdistrict,
      displayName: "TPPS Kecamatan (demo)",
    },
    { username: "desa", role: "village_tpps", regionCode: village, displayName: "TPPS Desa / KPM (demo)" },
    { username: "kader", role: "posyandu_cadre", regionCode: village, displayName: "Kader Posyandu (demo)" },
    { username: "tpk", role: "tpk_member", regionCode: village, displayName: "Anggota TPK (demo)" },
  ];
}

export interface DemoReport {
  children: number;
  measurements: number;
  boundaries: number;
  users: DemoUser[];
}

/**
 * Creates the demo district on an empty database: boundaries, a synthetic e-PPGBM file
 * imported through the normal pipeline, demo users, and the `demo` setting.
 */
export async function createDemo(
  database: Database,
  repos: Repositories,
  opts: {
    keys: PiiKeys;
    workDir: string;
    children?: number;
    seed?: number;
    log?: (line: string) => void;
    /** Where the aksi evidence files live (the desa lokus decision document); none without it. */
    evidenceDir?: string;
  },
): Promise<DemoReport> {
  const log = opts.log ?? (() => {});
  log("memuat batas wilayah demo / loading demo boundaries (Kabupaten Trenggalek)…");
  let boundaries = 0;
  for (const f of ["35.03-kecamatan.geojson", "35.03-desa.geojson"]) {
    boundaries += await loadBoundaryFile(repos, join(DEMO_GEO_DIR, f), DEMO_ATTRIBUTION);
  }
  const children = opts.children ?? 5000;
  const file = join(opts.workDir, "demo-35.03-synthetic.csv");
  log(`membuat data sintetis / synthesising ${children} children over 12 months…`);
  await synthesizeDistrictFile(database, {
    district: DEMO_DISTRICT,
    children,
    seed: opts.seed ?? 2025,
    months: 12,
    out: file,
  });
  log("mengimpor / importing the synthetic e-PPGBM file…");
  const report = await importMeasurements(database, file, {
    district: DEMO_DISTRICT,
    keys: opts.keys,
    fileName: "demo-35.03-synthetic.csv",
  });
  const users = await demoUsers(repos);
  const tpkUser = users.find((u) => u.role === "tpk_member");
  if (tpkUser) {
    log("membuat data keluarga, TPK, TPPS dan minilok sintetis / seeding families, TPK, TPPS and minilok…");
    await seedKeluargaDemo(repos, { village: tpkUser.regionCode, today: todayInIndonesia(new Date()) });
  }
  const userService = new UserService(repos);
  for (const u of users) {
    await userService.createInitial({ ...u, password: DEMO_PASSWORD }, { demoAccount: true });
  }
  const desa = users.find((u) => u.role === "village_tpps")?.regionCode;
  const villages = (await repos.regions.villagesOf(DEMO_DISTRICT)).map((r) => r.code);
  await createDemoAksiDocs(
    repos,
    DEMO_DISTRICT,
    [...new Set([...(desa ? [desa] : []), ...villages.slice(0, 2)])],
    null,
  );
  const bappeda = await repos.users.findByUsername("bappeda");
  if (bappeda) {
    log("menyusun analisis situasi dan rencana kegiatan 2025 / the 2025 analysis and activity plan…");
    await createDemoAksiPlan(
      repos,
      DEMO_DISTRICT,
      { id: bappeda.id, username: "bappeda", role: "district_tpps", regionCode: DEMO_DISTRICT },
      opts.evidenceDir ?? null,
    );
  }
  await createDemoPenilaian(database, repos);
  await repos.settings.set("demo", { synthetic: true, districtCode: DEMO_DISTRICT } satisfies DemoInfo);
  return {
    children: report.childrenCreated,
    measurements: report.measurementsAdded,
    boundaries,
    users,
  };
}
