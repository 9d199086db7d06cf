/**
 * The services of one running Tumbuh, built once from a ServiceContext: the HTTP routes and the
 * command line call these, never the repositories.
 */
import { join } from "node:path";
import { Repositories } from "../db/repositories/index.ts";
import { AksiService } from "./aksi.ts";
import { AksiEvidenceService } from "./aksi-evidence.ts";
import { AksiPlanService } from "./aksi-plan.ts";
import { AksiPlanSheetService } from "./aksi-plan-sheet.ts";
import { RembukService } from "./aksi-rembuk.ts";
import { AksiReviewService } from "./aksi-review.ts";
import { AksiVillageService } from "./aksi-village.ts";
import { AuditService } from "./audit.ts";
import { AuditKasusService } from "./audit-kasus.ts";
import { AuditKasusPlanService } from "./audit-kasus-plan.ts";
import { AuthService, DEFAULT_SESSION_POLICY, type SessionPolicy } from "./auth.ts";
import { BoundaryService } from "./boundaries.ts";
import { ChildrenService } from "./children.ts";
import type { ServiceContext } from "./context.ts";
import { DataQualityService } from "./data-quality.ts";
import { ExportService } from "./exports.ts";
import { F2GiziService } from "./f2gizi.ts";
import { FamilyService } from "./families.ts";
import { FamilyImportService } from "./family-import.ts";
import { ImportService } from "./imports.ts";
import { KbmService } from "./kbm.ts";
import { MeasurementService } from "./measurements.ts";
import { MinilokService } from "./minilok.ts";
import { PenilaianService } from "./penilaian.ts";
import { PenilaianDocuments } from "./penilaian-documents.ts";
import { PosyanduPageService } from "./posyandu-page.ts";
import { PrevalenceService } from "./prevalence.ts";
import { PublicService } from "./public.ts";
import { ReferralService } from "./referrals.ts";
import { RegionService } from "./regions.ts";
import { SkdnService } from "./skdn.ts";
import { TpkService } from "./tpk.ts";
import { TppsService } from "./tpps.ts";
import { UserService } from "./users.ts";

export interface Services {
  aksi: AksiService;
  aksiEvidence: AksiEvidenceService;
  aksiRembuk: RembukService;
  aksiReview: AksiReviewService;
  aksiVillage: AksiVillageService;
  aksiPlan: AksiPlanService;
  aksiPlanSheet: AksiPlanSheetService;
  audit: AuditService;
  auditKasus: AuditKasusService;
  auditKasusPlan: AuditKasusPlanService;
  auth: AuthService;
  boundaries: BoundaryService;
  children: ChildrenService;
  dataQuality: DataQualityService;
  exports: ExportService;
  f2gizi: F2GiziService;
  families: FamilyService;
  familyImport: FamilyImportService;
  imports: ImportService;
  kbm: KbmService;
  measurements: MeasurementService;
  minilok: MinilokService;
  posyanduPage: PosyanduPageService;
  penilaian: PenilaianService;
  penilaianDocuments: PenilaianDocuments;
  prevalence: PrevalenceService;
  public: PublicService;
  referrals: ReferralService;
  regions: RegionService;
  skdn: SkdnService;
  tpk: TpkService;
  tpps: TppsService;
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
  const tpk = new TpkService(ctx);
  const families = new FamilyService(ctx);
  const kbm = new KbmService(ctx.repos);
  // Evidence files and regulation documents live in the data folder beside the uploads, never under
  // the web root (the upload sweep leaves this sub-folder alone: upload-files.ts).
  const documentDir = join(ctx.uploadDir, "aksi-evidence");
  const aksiPlan = new AksiPlanService(ctx.repos);
  const penilaian = new PenilaianService(ctx.repos, aksi);
  return {
    aksi,
    aksiEvidence: new AksiEvidenceService(ctx.repos, documentDir),
    aksiPlan,
    aksiPlanSheet: new AksiPlanSheetService(aksiPlan, join(ctx.uploadDir, "aksi-plan")),
    aksiRembuk: new RembukService(ctx),
    aksiReview: new AksiReviewService(ctx, aksi),
    aksiVillage: new AksiVillageService(ctx, documentDir),
    audit: new AuditService(ctx.repos),
    auditKasus: new AuditKasusService(ctx.repos),
    auditKasusPlan: new AuditKasusPlanService(ctx.repos),
    auth: new AuthService(ctx.repos, policy, ctx.now),
    boundaries,
    children,
    dataQuality: new DataQualityService(ctx.repos, regions),
    exports: new ExportService(ctx.repos, prevalence, children),
    f2gizi: new F2GiziService(ctx.repos, regions, kbm, ctx.demo),
    families,
    familyImport: new FamilyImportService(ctx, families),
    imports: new ImportService(ctx),
    kbm,
    measurements: new MeasurementService(ctx),
    minilok: new MinilokService(ctx, tpk),
    posyanduPage: new PosyanduPageService(ctx.repos, regions, kbm),
    penilaian,
    penilaianDocuments: new PenilaianDocuments(penilaian),
    prevalence,
    referrals: new ReferralService(ctx.repos, kbm),
    public: new PublicService(ctx.repos, regions, prevalence, boundaries, ctx.demo, ctx.cache),
    regions,
    skdn: new SkdnService(ctx.repos, regions, kbm),
    tpk,
    tpps: new TppsService(ctx),
    users: new UserService(ctx.repos),
  };
}
