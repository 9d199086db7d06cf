/**
 * Every repository over one database handle. Services take a `Repositories` and run the writes
 * that belong together in `transaction`, which hands them the same repositories bound to one
 * transaction (so, for instance, a write and its audit entry land together or not at all).
 */
import type { Db } from "../schema.ts";
import { AksiRepository } from "./aksi.ts";
import { AksiDocsRepository } from "./aksi-docs.ts";
import { AksiPlanRepository } from "./aksi-plan.ts";
import { AuditRepository } from "./audit.ts";
import { AuditKasusRepository } from "./audit-kasus.ts";
import { BoundariesRepository } from "./boundaries.ts";
import { ChildrenRepository } from "./children.ts";
import { DataQualityRepository } from "./data-quality.ts";
import { F2GiziRepository } from "./f2gizi.ts";
import { FamiliesRepository } from "./families.ts";
import { ImportUploadsRepository } from "./imports.ts";
import { KbmChoiceRepository } from "./kbm-choice.ts";
import { MinilokRepository } from "./minilok.ts";
import { PenilaianRepository } from "./penilaian.ts";
import { PeriodActivityRepository } from "./period-activity.ts";
import { PosyanduPageRepository } from "./posyandu-page.ts";
import { ReferralsRepository } from "./referrals.ts";
import { RegionsRepository } from "./regions.ts";
import { RollupReadRepository } from "./rollup-read.ts";
import { SettingsRepository } from "./settings.ts";
import { SkdnRepository } from "./skdn.ts";
import { TargetsRepository } from "./targets.ts";
import { TpkRepository } from "./tpk.ts";
import { TppsRepository } from "./tpps.ts";
import { UsersRepository } from "./users.ts";

export class Repositories {
  readonly aksi: AksiRepository;
  readonly aksiDocs: AksiDocsRepository;
  readonly aksiPlan: AksiPlanRepository;
  readonly audit: AuditRepository;
  readonly auditKasus: AuditKasusRepository;
  readonly boundaries: BoundariesRepository;
  readonly children: ChildrenRepository;
  readonly dataQuality: DataQualityRepository;
  readonly f2gizi: F2GiziRepository;
  readonly families: FamiliesRepository;
  readonly imports: ImportUploadsRepository;
  readonly minilok: MinilokRepository;
  readonly kbmChoice: KbmChoiceRepository;
  readonly periodActivity: PeriodActivityRepository;
  readonly posyanduPage: PosyanduPageRepository;
  readonly referrals: ReferralsRepository;
  readonly penilaian: PenilaianRepository;
  readonly regions: RegionsRepository;
  readonly rollups: RollupReadRepository;
  readonly settings: SettingsRepository;
  readonly skdn: SkdnRepository;
  readonly targets: TargetsRepository;
  readonly tpk: TpkRepository;
  readonly tpps: TppsRepository;
  readonly users: UsersRepository;

  constructor(readonly db: Db) {
    this.aksi = new AksiRepository(db);
    this.aksiDocs = new AksiDocsRepository(db);
    this.aksiPlan = new AksiPlanRepository(db);
    this.audit = new AuditRepository(db);
    this.auditKasus = new AuditKasusRepository(db);
    this.boundaries = new BoundariesRepository(db);
    this.children = new ChildrenRepository(db);
    this.dataQuality = new DataQualityRepository(db);
    this.f2gizi = new F2GiziRepository(db);
    this.families = new FamiliesRepository(db);
    this.imports = new ImportUploadsRepository(db);
    this.minilok = new MinilokRepository(db);
    this.kbmChoice = new KbmChoiceRepository(db);
    this.periodActivity = new PeriodActivityRepository(db);
    this.posyanduPage = new PosyanduPageRepository(db);
    this.referrals = new ReferralsRepository(db);
    this.penilaian = new PenilaianRepository(db);
    this.regions = new RegionsRepository(db);
    this.rollups = new RollupReadRepository(db);
    this.settings = new SettingsRepository(db);
    this.skdn = new SkdnRepository(db);
    this.targets = new TargetsRepository(db);
    this.tpk = new TpkRepository(db);
    this.tpps = new TppsRepository(db);
    this.users = new UsersRepository(db);
  }

  /** Runs `fn` in one transaction with repositories bound to it; commits when it resolves. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new Repositories(trx)));
  }
}
