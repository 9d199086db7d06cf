/**
 * Every repository over one database handle. Services take a `Repositories` and run the writes
 * that belong together in `transaction`, which hands them the same repositories bound to one
 * transaction (so, for instance, a write and its audit entry land together or not at all).
 */
import type { Db } from "../schema.ts";
import { AksiRepository } from "./aksi.ts";
import { AuditRepository } from "./audit.ts";
import { BoundariesRepository } from "./boundaries.ts";
import { ChildrenRepository } from "./children.ts";
import { ImportUploadsRepository } from "./imports.ts";
import { PenilaianRepository } from "./penilaian.ts";
import { RegionsRepository } from "./regions.ts";
import { RollupReadRepository } from "./rollup-read.ts";
import { SettingsRepository } from "./settings.ts";
import { TargetsRepository } from "./targets.ts";
import { UsersRepository } from "./users.ts";

export class Repositories {
  readonly aksi: AksiRepository;
  readonly audit: AuditRepository;
  readonly boundaries: BoundariesRepository;
  readonly children: ChildrenRepository;
  readonly imports: ImportUploadsRepository;
  readonly penilaian: PenilaianRepository;
  readonly regions: RegionsRepository;
  readonly rollups: RollupReadRepository;
  readonly settings: SettingsRepository;
  readonly targets: TargetsRepository;
  readonly users: UsersRepository;

  constructor(readonly db: Db) {
    this.aksi = new AksiRepository(db);
    this.audit = new AuditRepository(db);
    this.boundaries = new BoundariesRepository(db);
    this.children = new ChildrenRepository(db);
    this.imports = new ImportUploadsRepository(db);
    this.penilaian = new PenilaianRepository(db);
    this.regions = new RegionsRepository(db);
    this.rollups = new RollupReadRepository(db);
    this.settings = new SettingsRepository(db);
    this.targets = new TargetsRepository(db);
    this.users = new UsersRepository(db);
  }

  /** Runs `fn` in one transaction with repositories bound to it; commits when it resolves. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new Repositories(trx)));
  }
}
