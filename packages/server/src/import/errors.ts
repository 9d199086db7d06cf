/** The errors an import throws that a caller tells apart (and shows the user as they are). */

import type { UserMessage } from "@tumbuh/core";

/**
 * Thrown for a file Tumbuh cannot read at all (no usable sheet, missing columns, a wrong
 * --district): `message` for the command line and logs, `userMessage` (a catalogue code with its
 * parameters) for the web app, which shows it in the user's language.
 */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly userMessage: UserMessage,
  ) {
    super(message);
  }
}
