/**
 * Which aksi configuration applies: the built-in versions (2022 guidance, 2025 regrouping) plus
 * those a national admin added, checked with the core schema before they are stored.
 */
import { userMessage } from "@tumbuh/core";
import { AKSI_CONFIGS, AksiConfig, aksiConfigForYear, checkConfig } from "@tumbuh/core/programme";
import { type Actor, requireAccess } from "../auth/access.ts";
import type { Repositories } from "../db/repositories/index.ts";
import { recordAudit } from "./audit.ts";
import { ServiceError } from "./errors.ts";

/** Every configuration, built-ins first, then the stored ones in the order they were added. */
async function allAksiConfigs(repos: Repositories): Promise<AksiConfig[]> {
  const stored = await repos.aksi.configs();
  return [...AKSI_CONFIGS, ...stored.map((s) => AksiConfig.parse(s.config))];
}

/** The configuration of a version, or of the year when no version is named. */
export async function findAksiConfig(
  repos: Repositories,
  by: { version: string } | { year: number },
): Promise<AksiConfig | null> {
  const all = await allAksiConfigs(repos);
  if ("version" in by) return all.find((c) => c.version === by.version) ?? null;
  return aksiConfigForYear(by.year, all);
}

/** Stores a national admin's configuration for a year after checking it; errors name each field. */
export async function addAksiConfig(
  repos: Repositories,
  user: Actor & { username: string },
  input: unknown,
): Promise<AksiConfig> {
  requireAccess(user, "aksi:configure", "ID");
  const checked = checkConfig(AksiConfig, input);
  if (!checked.ok)
    throw new ServiceError(
      "bad_request",
      `the aksi configuration is not valid: ${checked.errors.join("; ")}`,
      { field: "config", errors: checked.errors, messages: checked.messages },
      userMessage("aksi.configInvalid", { errors: checked.errors.join("; ") }),
    );
  const config = checked.value;
  if ((await allAksiConfigs(repos)).some((c) => c.version === config.version))
    throw new ServiceError(
      "conflict",
      `version: '${config.version}' already exists`,
      { field: "version" },
      userMessage("aksi.configVersionExists", { version: config.version }),
    );
  await repos.transaction(async (tx) => {
    await tx.aksi.insertConfig(config.version, config.validFrom, config, user.id);
    await recordAudit(tx, {
      actor: user,
      action: "create",
      entity: "aksi_config",
      entityId: config.version,
      regionCode: "ID",
      after: { version: config.version, validFrom: config.validFrom, aksi: config.aksi.map((a) => a.code) },
    });
  });
  return config;
}
