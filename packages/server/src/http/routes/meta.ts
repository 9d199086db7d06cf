/** Health and facts the web app needs before sign-in (demo flag, map attribution, national target). */
import { HealthResponse, MetaResponse } from "@tumbuh/core/api";
import { NATIONAL_TARGET } from "../../services/national-target.ts";
import type { App, AppContext } from "../context.ts";

export async function metaRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    "/api/health",
    { schema: { tags: ["meta"], summary: "Liveness", response: { 200: HealthResponse } } },
    async () => ({ ok: true as const, engine: ctx.engine }),
  );
  app.get(
    "/api/meta",
    { schema: { tags: ["meta"], summary: "Application facts", response: { 200: MetaResponse } } },
    async () => ({
      name: "Tumbuh",
      version: "0.1.0",
      demo: ctx.demo,
      mapAttribution: ctx.mapAttribution,
      nationalTarget: NATIONAL_TARGET,
    }),
  );
}
