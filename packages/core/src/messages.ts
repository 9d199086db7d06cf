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

/** A user message, checked at compile time to be a catalogue code. */
export function userMessage(key: MessageCode, params?: Record<string, string | number>): UserMessage {
  return params ? { key, params } : { key };
}
