/**
 * The services of one running Tumbuh, built once from a ServiceContext: the HTTP routes and the
 * command line call these, never the repositories.
 */
import { join } from "node:path";
import { Repositories } from "../db/repositories/index.ts";
import { AksiService } from "./aksi.ts";
import { AksiEvidenceService } from "./aksi-evidence.ts";
import { AuditService } from "./audit.ts";
import { AuditKasusService } from "./audit-kasus.ts";
import { AuditKasusPlanService } from "./audit-kasus-plan.ts";
import { AuditKasusReportService } from "./audit-kasus-report.ts";
import { AuthService, DEFAULT_SESSION_POLICY, type SessionPolicy } from "./auth.ts";
import { BoundaryService } from "./boundaries.ts";
import { ChildrenService } from "./children.ts";
import type { ServiceContext } from "./context.ts";
import { DataQualityService } from "./data-quality.ts";
import { ExportService } from "./exports.ts";
import { FamilyService } from "./families.ts";
import { ImportService } from "./imports.ts";
import { MeasurementService } from "./measurements.ts";
import { OfflineKeyService } from "./offline-key.ts";
import { PenilaianService } from "./penilaian.ts";
import { PosyanduPageService } from "./posyandu-page.ts";
import { PrevalenceService } from "./prevalence.ts";
import { PublicService } from "./public.ts";
import { RegionService } from "./regions.ts";
import { SkdnService } from "./skdn.ts";
import { TpkService } from "./tpk.ts";
import { UserService } from "./users.ts";

export interface Services {
  aksi: AksiService;
  aksiEvidence: AksiEvidenceService;
  audit: AuditService;
  auditKasus: AuditKasusService;
  auditKasusPlan: AuditKasusPlanService;
  auditKasusReport: AuditKasusReportService;
  auth: AuthService;
  boundaries: BoundaryService;
  children: ChildrenService;
  dataQuality: DataQualityService;
  exports: ExportService;
  families: FamilyService;
  imports: ImportService;
  measurements: MeasurementService;
  offlineKey: OfflineKeyService;
  posyanduPage: PosyanduPageService;
  penilaian: PenilaianService;
  prevalence: PrevalenceService;
  public: PublicService;
  regions: RegionService;
  skdn: SkdnService;
  tpk: TpkService;
  users: UserService;
}

/** Builds every service over the database and the context's other parts (sessions follow `policy`). */
export function createServices(
  options: Omit<ServiceContext, "repos">,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Services {
  const ctx: ServiceContext = { ...options, repos: new Repositories(options.database.db) };
  const regions = new RegionService(ctx.repos);
  const boundaries = new BoundaryService(ctx.repos, regions);
  const prevalence = new PrevalenceService(ctx.repos, regions, ctx.demo, ctx.cache);
  const children = new ChildrenService(ctx);
  const aksi = new AksiService(ctx.repos);
  return {
    aksi,
    // Evidence files live in the data folder beside the uploads, never under the web root.
    aksiEvidence: new AksiEvidenceService(ctx.repos, join(ctx.uploadDir, "aksi-evidence")),
    audit: new AuditService(ctx.repos),
    auditKasus: new AuditKasusService(ctx.repos),
    auditKasusPlan: new AuditKasusPlanService(ctx.repos),
    auditKasusReport: new AuditKasusReportService(ctx.repos, ctx.demo),
    auth: new AuthService(ctx.repos, policy, ctx.now),
    boundaries,
    children,
    dataQuality: new DataQualityService(ctx.repos, regions),
    exports: new ExportService(ctx.repos, prevalence, children),
    families: new FamilyService(ctx),
    imports: new ImportService(ctx),
    measurements: new MeasurementService(ctx),
    offlineKey: new OfflineKeyService(ctx.keys),
    posyanduPage: new PosyanduPageService(ctx.repos, regions),
    penilaian: new PenilaianService(ctx.repos, aksi),
    prevalence,
    public: new PublicService(ctx.repos, regions, prevalence, boundaries, ctx.demo, ctx.cache),
    regions,
    skdn: new SkdnService(ctx.repos, regions),
    tpk: new TpkService(ctx),
    users: new UserService(ctx.repos),
  };
}
