/**
 * The services of one running Tumbuh, built once from a ServiceContext: the HTTP routes and the
 * command line call these, never the repositories.
 */
import { Repositories } from "../db/repositories/index.ts";
import { AuditService } from "./audit.ts";
import { AuditKasusService } from "./audit-kasus.ts";
import { AuditKasusPlanService } from "./audit-kasus-plan.ts";
import { AuthService, DEFAULT_SESSION_POLICY, type SessionPolicy } from "./auth.ts";
import { BoundaryService } from "./boundaries.ts";
import { ChildrenService } from "./children.ts";
import type { ServiceContext } from "./context.ts";
import { ExportService } from "./exports.ts";
import { FamilyService } from "./families.ts";
import { ImportService } from "./imports.ts";
import { MeasurementService } from "./measurements.ts";
import { PrevalenceService } from "./prevalence.ts";
import { PublicService } from "./public.ts";
import { RegionService } from "./regions.ts";
import { TpkService } from "./tpk.ts";
import { UserService } from "./users.ts";

export interface Services {
  audit: AuditService;
  auditKasus: AuditKasusService;
  auditKasusPlan: AuditKasusPlanService;
  auth: AuthService;
  boundaries: BoundaryService;
  children: ChildrenService;
  exports: ExportService;
  families: FamilyService;
  imports: ImportService;
  measurements: MeasurementService;
  prevalence: PrevalenceService;
  public: PublicService;
  regions: RegionService;
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
  return {
    audit: new AuditService(ctx.repos),
    auditKasus: new AuditKasusService(ctx.repos),
    auditKasusPlan: new AuditKasusPlanService(ctx.repos),
    auth: new AuthService(ctx.repos, policy, ctx.now),
    boundaries,
    children,
    exports: new ExportService(ctx.repos, prevalence, children),
    families: new FamilyService(ctx),
    imports: new ImportService(ctx),
    measurements: new MeasurementService(ctx),
    prevalence,
    public: new PublicService(ctx.repos, regions, prevalence, boundaries, ctx.demo, ctx.cache),
    regions,
    tpk: new TpkService(ctx),
    users: new UserService(ctx.repos),
  };
}
