/** Request and response shapes of sign-in, users and the audit log. */
import { z } from "zod";
import { BigintId, NAME_MAX, PlainText, RegionCode, Timestamp, Uuid } from "./common.ts";
import { Role } from "./roles.ts";

export const User = z
  .object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    role: Role,
    regionCode: z.string(),
    regionName: z.string().nullable(),
    disabled: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: z.number().int(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, "expected lower-case letters, digits, '.', '_' or '-'");
/**
 * A new password: at least 10 characters (the server also refuses common passwords and the username:
 * packages/server/src/auth/password-policy.ts).
 */
export const Password = z.string().min(10, "expected at least 10 characters").max(200);

export const LoginBody = z.object({
  username: PlainText(64).min(1),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.object({ user: User, csrfToken: z.string() });
export const MeResponse = z.object({ user: User, csrfToken: z.string(), permissions: z.array(z.string()) });
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const RolesResponse = z.object({
  roles: z.array(
    z.object({
      code: Role,
      label: z.string(),
      labelEn: z.string(),
      scopeLevel: z.string(),
      permissions: z.array(z.string()),
      /** Whether the caller may give this role to a user (in some region of the caller's scope). */
      grantable: z.boolean(),
    }),
  ),
});

export const UsersQuery = z.object({ q: PlainText(100).optional(), region: RegionCode.optional() });
export const UsersResponse = z.object({ users: z.array(User) });
export const UserResponse = z.object({ user: User });
export const CreateUserBody = z.object({
  username: Username,
  displayName: PlainText(NAME_MAX).min(1),
  password: Password,
  role: Role,
  regionCode: RegionCode,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;
export const UpdateUserBody = z.object({
  version: z.number().int(),
  displayName: PlainText(NAME_MAX).min(1).optional(),
  role: Role.optional(),
  regionCode: RegionCode.optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
export const ResetPasswordBody = z.object({ version: z.number().int(), password: Password });

export const AuditEntity = z.enum([
  "user",
  "child",
  "measurement",
  "import",
  "boundary",
  "session",
  "identity",
  "export",
  "family",
  "tpk_team",
  "tpk_target",
  "tpk_visit",
  "aks_cycle",
  "aks_case",
]);
export const AuditEntry = z
  .object({
    id: z.string(),
    at: Timestamp,
    userId: z.string().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    regionCode: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.object({
  region: RegionCode.optional(),
  entity: AuditEntity.optional(),
  entityId: PlainText(100).optional(),
  userId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: BigintId.optional(),
});
export const AuditResponse = z.object({ entries: z.array(AuditEntry), nextBefore: z.string().nullable() });
