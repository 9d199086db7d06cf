/** The errors an import throws that a caller tells apart (and shows the user as they are). */

/** Thrown for a file Tumbuh cannot read at all (no usable sheet, missing columns, a wrong --district). */
export class ImportFileError extends Error {}

/** The file landed but the roll-up refresh after it failed (the districts stay marked pending). */
export class RollupRefreshError extends Error {}
