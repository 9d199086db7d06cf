/** Registers every API route module. */
import type { App, AppContext } from "../context.ts";
import { authRoutes } from "./auth.ts";
import { metaRoutes } from "./meta.ts";
import { userRoutes } from "./users.ts";

export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  await metaRoutes(app, ctx);
  await authRoutes(app, ctx);
  await userRoutes(app, ctx);
}
