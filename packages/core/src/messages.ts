/**
 * The catalogue of messages the server sends users: each code with the names of its parameters.
 * The server sends a code and parameters (beside an English text for API clients and logs); the
 * web app shows the code's text in the user's language (packages/web/src/i18n, key `msg.<code>`),
 * and a test fails when a code here lacks an Indonesian or English text.
 */
export const MESSAGES = {
  // access
  "access.denied": [],
  "access.disabled": [],
  "access.permission": ["role", "permission"],
  "access.scope": ["region", "scope"],
  "access.grantRank": ["role"],
  "access.grantScope": ["role", "level", "region"],
  // the session
  "auth.signInFirst": [],
  "auth.sessionEnded": [],
  "auth.invalidCredentials": [],
  "auth.currentPasswordWrong": [],
  "auth.rateLimited": ["seconds"],
  // request checks (the field is a key of `fields.*`, translated too)
  "validation.tooBig": ["field", "max"],
  "validation.tooSmall": ["field", "min"],
  "validation.tooLong": ["field", "max"],
  "validation.tooShort": ["field", "min"],
  "validation.required": ["field"],
  "validation.invalid": ["field"],
  "validation.nulCharacter": ["field"],
  "validation.oneOf": ["field", "options"],
  // records
  "record.notFound": [],
  "record.stale": [],
  "record.usernameTaken": ["username"],
  "region.unknown": ["code"],
  "region.notVillage": ["code"],
  "region.notDistrict": ["code"],
  "region.notDistrictOrSubdistrict": ["code"],
  // users and passwords
  "user.unknownRole": ["role"],
  "user.notOwnAccount": [],
  "password.tooShort": ["min"],
  "password.isUsername": [],
  "password.common": [],
  // children and measurements
  "measurement.dateInFuture": ["date", "today"],
  "measurement.dateBeforeBirth": ["date", "birthDate"],
  "measurement.nothingMeasured": [],
  "measurement.duplicateDate": ["date"],
  "child.birthInFuture": ["date", "today"],
  "posyandu.unknown": [],
  "posyandu.otherVillage": ["village"],
  "referral.noAlert": [],
  "referral.alreadyOpen": ["status"],
  "referral.statusOrder": ["from", "to"],
  "catin.weddingDateRequired": [],
  "catin.tooEarly": ["weddingDate", "from"],
  "catin.weddingPassed": ["weddingDate", "today"],
  "screening.notForKind": ["kind"],
  "kbm.unknownTable": ["id"],
  "kbm.notNationOrDistrict": ["code"],
  "report.districtOrBelow": ["code"],
  // import files
  "import.fileType": ["name"],
  "import.fileUnreadable": ["detail"],
  "payload.tooLarge": [],
  // rows of an imported file (rejections, likely duplicates, flags); `field` is the file's column
  // as e-PPGBM names it, `value` the cell as found. Their texts: row-messages.ts.
  "row.notNumber": ["field", "value"],
  "row.notDate": ["field", "value"],
  "row.notCalendarDate": ["field", "value"],
  "row.notSex": ["field", "value"],
  "row.notMeasure": ["field", "value"],
  "row.notOedema": ["field", "value"],
  "row.notIdentifier": ["field", "value", "digits"],
  "row.empty": ["field"],
  "row.outOfRange": ["field", "value", "min", "max", "unit"],
  "row.dateInFuture": ["field", "value", "today"],
  "row.beforeBirth": ["field", "value", "birthDate"],
  "row.tooOld": ["field", "value", "ageDays", "maxDays"],
  "row.nothingMeasured": ["field"],
  "row.noDistrict": ["field"],
  "row.otherDistrict": ["field", "value", "code", "district"],
  "row.unknownDistrict": ["field", "value"],
  "row.ambiguousDistrict": ["field", "value", "codes"],
  "row.unknownVillageCode": ["field", "value", "district"],
  "row.unknownSubdistrict": ["field", "value", "district"],
  "row.unknownVillage": ["field", "value", "district"],
  "row.unknownVillageIn": ["field", "value", "subdistrict"],
  "row.ambiguousVillage": ["field", "value", "codes"],
  "row.registerNoKey": ["field"],
  "row.registerNotFound": ["field", "value"],
  "row.registerAmbiguous": ["field", "value", "rows"],
  "row.sameChildInFile": ["row"],
  "row.sameChildOtherNik": [],
  "row.sameChildOtherVillage": ["village"],
  "row.implausible": ["indicator", "zscore", "min", "max"],
  "row.standingUnderNineMonths": ["value"],
  // regions (further)
  "region.notProvince": ["code"],
  "region.notSubdistrict": ["code"],
  "region.districtOrBelow": ["code"],
  "region.outsideDistrict": ["code", "district"],
  "region.outsideProvince": ["code", "province"],
  // request checks (further)
  "validation.dateInFuture": ["field", "date", "today"],
  "validation.endBeforeStart": ["from", "to"],
  "validation.endNotAfterStart": ["from", "to"],
  "validation.percentage": ["field", "value"],
  "validation.semesterFormat": ["value"],
  // uploaded files
  "upload.empty": [],
  "upload.tooLarge": ["maxMb"],
  "upload.badName": [],
  "upload.notEvidenceType": ["name", "expected"],
  "upload.extensionMismatch": ["name", "ext", "mediaType", "expected"],
  // children, families and referrals (further)
  "measurement.tooOld": ["ageMonths"],
  "measurement.outOfLimits": ["field", "value", "min", "max", "unit"],
  "child.nikTaken": [],
  "measurement.clientIdReused": ["clientId"],
  "family.motherBornAfter": ["date", "on"],
  "family.childBornAfter": ["row", "date", "on"],
  "family.semesterNotBegun": ["semester", "today"],
  "family.otherDistrict": [],
  "kbm.nationalDefaultRequired": [],
  "report.noSkdnData": [],
  // import files (further)
  "import.alreadyImported": [],
  "import.cancelled": [],
  "import.expired": [],
  "import.fileGone": [],
  "import.columnsMissing": ["columns"],
  "import.tooManyFamilies": ["max"],
  "import.familyChanged": [],
  "import.tooManyRows": ["max", "found"],
  "import.tooManyColumns": ["where", "found", "max"],
  "import.lineTooLong": ["line", "max", "found"],
  "import.unpacksTooLarge": ["found", "part", "max"],
  "import.ratioTooHigh": ["part", "found", "max"],
  "import.tooManySharedStrings": ["found", "max"],
  "import.readerOutOfMemory": ["max"],
  "import.oldExcel": [],
  "import.notTable": [],
  "import.notXlsx": [],
  "import.notEncoding": ["encoding", "line"],
  "import.monitoringWithoutRegister": ["sheet", "columns"],
  "import.noMeasurementSheet": ["sheets"],
  // TPK teams and their targets (tim pendamping keluarga)
  "tpk.familyOtherVillage": [],
  "tpk.childOtherVillage": [],
  "tpk.childAlreadyTarget": [],
  "tpk.followUpBeforeVisit": ["date", "visit"],
  // TPPS teams (tim percepatan penurunan stunting)
  "tpps.regionLevel": ["code"],
  "tpps.bidangRequired": [],
  "tpps.personOutside": [],
  // lokakarya mini (minilok)
  "minilok.duplicateItem": ["code"],
  "minilok.checklistSize": [],
  "minilok.villageOutside": ["code", "subdistrict"],
  "minilok.caseOutside": ["subdistrict"],
  "minilok.familyOutside": ["subdistrict"],
  "minilok.dueBeforeMeeting": ["date", "meeting"],
  "minilok.meetingOtherSubdistrict": [],
  // Audit Kasus Stunting
  "audit.cycleExists": ["semester", "district"],
  "audit.teamMemberNotEligible": ["username"],
  "audit.notAFoundCase": ["semester"],
  "audit.caseAlreadySelected": [],
  "audit.caseOfOtherCycle": [],
  "audit.teamOnly": [],
  "audit.reviewPanelOnly": [],
  // aksi konvergensi: cycles, plan, rembuk stunting, village documents, review
  "aksi.noConfig": ["year"],
  "aksi.cycleExists": ["district", "year"],
  "aksi.unknownOutput": ["output", "aksi", "expected"],
  "aksi.alreadyReviewed": ["aksi"],
  "aksi.reviewedEvidenceLocked": ["aksi"],
  "aksi.acceptOnlyDone": ["aksi", "status"],
  "aksi.configInvalid": ["errors"],
  "aksi.configVersionExists": ["version"],
  "aksi.lokusWeightsZero": [],
  "aksi.unknownIndicator": ["code"],
  "aksi.evidenceNotInCycle": [],
  "aksi.planTooManyRows": ["max"],
  "aksi.planRowErrors": ["count"],
  "aksi.rembukLevel": ["code", "level"],
  "aksi.reviewNoLessons": [],
  "aksi.regulationOfVillage": ["kind", "code"],
  "aksi.regulationOfDistrict": ["kind", "code"],
  "aksi.trainedBeforeAppointed": ["trained", "appointed"],
  "aksi.scorecardNotCount": ["field", "value"],
  "aksi.scorecardUnknownIndicator": ["indicator", "expected"],
  "aksi.scorecardOverTarget": ["indicator", "used", "targets"],
  "aksi.scorecardColumnsMissing": ["sheet", "columns", "expected"],
  // rows of an imported activity plan (the column and row are shown beside; `value` the cell as found)
  "aksi.planColumnMissing": ["column", "expected"],
  "aksi.planNotRupiah": ["value"],
  "aksi.planNotNumber": ["value"],
  "aksi.planNegative": ["value"],
  "aksi.planNotVillageCode": ["value"],
  "aksi.planVillageNotRupiah": ["village", "value"],
  "aksi.planVillageNoAmount": ["village"],
  "aksi.planVillageOutside": ["village"],
  "aksi.planVillageTwice": ["village"],
  "aksi.planTooManyVillages": ["max"],
  "aksi.planNotIntervention": ["value"],
  "aksi.planUnknownIndicator": ["value"],
  "aksi.planNotPillar": ["value"],
  "aksi.planNotCode": ["value"],
  "aksi.planKegiatanNotUnder": ["code", "parent"],
  "aksi.planSubKegiatanNotUnder": ["code", "parent"],
  "aksi.planNotMonth": ["value"],
  "aksi.planEndBeforeStart": ["value", "start"],
  "aksi.planRequired": [],
  "aksi.planTooLong": ["max"],
  "aksi.planInvalid": ["value"],
  // rows of an imported desa scorecard file
  "aksi.scorecardRowVillageCode": ["value"],
  "aksi.scorecardRowQuarter": ["value"],
  "aksi.scorecardRowIndicator": ["value", "expected"],
  "aksi.scorecardRowNotCount": ["value"],
  "aksi.scorecardRowNotCountOrEmpty": ["value"],
  "aksi.scorecardRowOverN": ["y", "ts", "n"],
  "aksi.scorecardRowNDiffers": ["value", "row", "previous", "village", "quarter"],
  "aksi.scorecardRowIndicatorTwice": ["indicator", "village", "quarter"],
  "aksi.scorecardRowUnknownVillage": ["value"],
  "aksi.scorecardRowVillageOutside": ["village", "scope"],
  // penilaian kinerja (provincial assessment of districts)
  "penilaian.exists": ["province", "year"],
  "penilaian.noDistricts": ["province"],
  "penilaian.published": [],
  "penilaian.instrumentMismatch": ["year", "province", "foundYear", "foundProvince"],
  "penilaian.instrumentInvalid": ["errors"],
  "penilaian.districtNotAssessed": ["code"],
  "penilaian.itemNotValue": ["item"],
  "penilaian.itemNotGraded": ["item"],
  "penilaian.oneChair": [],
  "penilaian.notAssessor": ["province"],
  "penilaian.notPanelist": [],
  "penilaian.chairOnly": [],
  // anything else
  "request.csrf": [],
  "request.refused": [],
  "server.internal": [],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof MESSAGES;

/** A message for the user: its code and parameters (numbers and plain text). */
export interface UserMessage {
  key: MessageCode;
  params?: Record<string, string | number>;
}

/** Every message code, in catalogue order. */
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

/** The parameters a code takes: none, or exactly the names the catalogue lists for it. */
export type MessageParams<K extends MessageCode> = (typeof MESSAGES)[K] extends readonly []
  ? []
  : [params: Record<(typeof MESSAGES)[K][number], string | number>];

/**
 * A user message, checked at compile time to be a catalogue code given exactly the parameters
 * the catalogue lists for it.
 */
export function userMessage<K extends MessageCode>(key: K, ...args: MessageParams<K>): UserMessage {
  const [params] = args;
  return params ? { key, params } : { key };
}
