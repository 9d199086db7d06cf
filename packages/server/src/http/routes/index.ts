/** Registers every API route module. */
import type { App, AppContext } from "../context.ts";
import { aksiRoutes } from "./aksi.ts";
import { aksiDocsRoutes } from "./aksi-docs.ts";
import { aksiPlanRoutes } from "./aksi-plan.ts";
import { auditKasusRoutes } from "./audit-kasus.ts";
import { authRoutes } from "./auth.ts";
import { boundaryRoutes } from "./boundaries.ts";
import { childRoutes } from "./children.ts";
import { dashboardRoutes } from "./dashboard.ts";
import { exportRoutes } from "./export.ts";
import { familyRoutes } from "./families.ts";
import { importRoutes } from "./imports.ts";
import { keluargaRoutes } from "./keluarga.ts";
import { metaRoutes } from "./meta.ts";
import { penilaianRoutes } from "./penilaian.ts";
import { posyanduRoutes } from "./posyandu.ts";
import { publicRoutes } from "./public.ts";
import { referralRoutes } from "./referrals.ts";
import { regionRoutes } from "./regions.ts";
import { userRoutes } from "./users.ts";

export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  await metaRoutes(app, ctx);
  await authRoutes(app, ctx);
  await userRoutes(app, ctx);
  await regionRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  await childRoutes(app, ctx);
  await importRoutes(app, ctx);
  await boundaryRoutes(app, ctx);
  await exportRoutes(app, ctx);
  await familyRoutes(app, ctx);
  await keluargaRoutes(app, ctx);
  await auditKasusRoutes(app, ctx);
  await publicRoutes(app, ctx);
  await posyanduRoutes(app, ctx);
  await referralRoutes(app, ctx);
  await aksiRoutes(app, ctx);
  await aksiDocsRoutes(app, ctx);
  await aksiPlanRoutes(app, ctx);
  await penilaianRoutes(app, ctx);
}
