/**
 * Shapes of the Tumbuh HTTP API as the browser uses them (docs/api.md), taken from the zod
 * schemas in @tumbuh/core that the server validates with. Type-only imports: no schema code
 * reaches the browser bundle.
 */
import type {
  AuditEntry as AuditEntrySchema,
  BoundaryCollection,
  Child,
  ChildListItem,
  Dashboard,
  Figures,
  GrowthReference,
  ImportReport,
  ImportUpload,
  Measurement,
  MeResponse,
  MetaResponse,
  PosyanduChildrenResponse,
  Posyandu as PosyanduSchema,
  PublicDistrictsResponse,
  PublicFigures,
  PublicPrevalence,
  Region,
  RolesResponse,
  UploadBoundariesResponse,
  User,
  ZPreview,
} from "@tumbuh/core/api";
import type { z } from "zod";

export type {
  Child,
  ChildListItem,
  Dashboard,
  Figures,
  GrowthReference,
  ImportReport,
  ImportUpload,
  Measurement,
  PublicFigures,
  PublicPrevalence,
  Region,
  User,
  ZPreview,
};
export type Me = z.infer<typeof MeResponse>;
export type Meta = z.infer<typeof MetaResponse>;
export type Posyandu = z.infer<typeof PosyanduSchema>;
export type SessionChild = z.infer<typeof PosyanduChildrenResponse>["children"][number];
export type PosyanduChildren = z.infer<typeof PosyanduChildrenResponse>;
export type RoleDescription = z.infer<typeof RolesResponse>["roles"][number];
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type Boundaries = z.infer<typeof BoundaryCollection>;
export type BoundaryUploadResult = z.infer<typeof UploadBoundariesResponse>;
export type PublicDistrict = z.infer<typeof PublicDistrictsResponse>["districts"][number];
export type GrowthIndicator = GrowthReference["indicator"];
