/**
 * `tumbuh users create`: creates a user from the command line, so a server started without the
 * demo (`tumbuh serve --no-demo`) gets its first administrator.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { NATION_CODE } from "@tumbuh/core";
import { CreateUserBody, ROLES, type Role } from "@tumbuh/core/api";
import { scopeFitsRole } from "../../auth/access.ts";
import { passwordProblem } from "../../auth/password-policy.ts";
import { ensureRegions } from "../../services/regions.ts";
import type { CliIo } from "../main.ts";
import { withServices } from "../services.ts";

/** The environment variable the new user's password is read from (else one is generated). */
export const PASSWORD_ENV = "TUMBUH_ADMIN_PASSWORD";

/** What `tumbuh serve` prints when no user exists: the command that creates the first admin. */
export const FIRST_ADMIN_HINT =
  "Belum ada pengguna / no user yet. Create the first administrator with:\n" +
  "  npx tumbuh users create --username admin --role national_admin --scope ID --name 'Admin Nasional'\n" +
  `  (password from ${PASSWORD_ENV}, or generated and printed once)`;

const help = `Usage: tumbuh users create --username U --role ROLE --scope CODE [--name N]

Creates a user. ROLE is one of: ${Object.keys(ROLES).join(", ")}.
CODE is the region the user works in, at the role's level (ID for a national administrator,
a province code such as 35 for a provincial one, a village code for a posyandu cadre).
The password is read from ${PASSWORD_ENV}; when it is not set, one is generated and printed once.
`;

/** A random password of 20 URL-safe characters (120 bits). */
function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      username: { type: "string" },
      role: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
    },
  });
  if (values.help || positionals[0] !== "create" || positionals.length > 1) {
    io.stdout.write(help);
    return values.help ? 0 : 2;
  }
  for (const option of ["username", "role", "scope"] as const) {
    if (!values[option]) throw new Error(`--${option} is required\n\n${help}`);
  }
  const fromEnv = process.env[PASSWORD_ENV];
  const password = fromEnv || generatePassword();
  const parsed = CreateUserBody.safeParse({
    username: values.username,
    displayName: values.name ?? values.username,
    password,
    role: values.role,
    regionCode: values.scope,
  });
  if (!parsed.success) {
    const option = { displayName: "--name", regionCode: "--scope", password: PASSWORD_ENV } as Record<
      string,
      string
    >;
    const lines = parsed.error.issues.map((i) => {
      const field = String(i.path[0]);
      return `${option[field] ?? `--${field}`}: ${i.message}`;
    });
    throw new Error(lines.join("; "));
  }
  const input = parsed.data;
  const weak = passwordProblem(password, input.username);
  if (weak) throw new Error(`${PASSWORD_ENV}: ${weak.text}`);
  if (!scopeFitsRole(input.role as Role, input.regionCode)) {
    throw new Error(
      `--scope: the role ${input.role} works at ${ROLES[input.role].scopeLevel} level, got ${input.regionCode}`,
    );
  }
  return withServices(async ({ database, repos, services }) => {
    if (input.regionCode !== NATION_CODE) await ensureRegions(database, repos);
    const row = await services.users.createInitial(input);
    io.stdout.write(`created ${row.username} (${row.role}, ${row.region_code})\n`);
    if (!fromEnv) io.stdout.write(`password (shown once; change it after signing in): ${password}\n`);
    return 0;
  });
}
