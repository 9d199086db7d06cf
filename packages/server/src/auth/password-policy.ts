/**
 * What a new password must be: at least MIN_PASSWORD_LENGTH characters (the API schema checks the
 * length too), not one of the common passwords in packages/server/data/common-passwords.txt
 * (compared case-insensitively; source and licence in that file and the README), and not the
 * username. One rule for user creation, an admin's reset, a user's own change and the command
 * line's TUMBUH_ADMIN_PASSWORD.
 */

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type UserMessage, userMessage } from "@tumbuh/core";

export const MIN_PASSWORD_LENGTH = 10;

/** The common-passwords file shipped with the server. */
const COMMON_PASSWORDS_FILE = resolve(import.meta.dirname, "../../data/common-passwords.txt");

function readList(file: string): Set<string> {
  const list = new Set<string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const p = line.trim();
    if (p && !p.startsWith("#")) list.add(p.toLowerCase());
  }
  return list;
}

/** The refused passwords, lower case. */
export const COMMON_PASSWORDS: ReadonlySet<string> = readList(COMMON_PASSWORDS_FILE);

const fold = (s: string) => s.normalize("NFKC").toLowerCase();

/**
 * Why `password` may not be the password of `username`, or null when it may. `demoAccount` lets
 * the installation give its demo accounts the demo password published in the README (which the
 * list refuses for everyone else).
 */
export function passwordProblem(
  password: string,
  username: string,
  opts: { demoAccount?: boolean } = {},
): { text: string; message: UserMessage } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      text: `expected at least ${MIN_PASSWORD_LENGTH} characters`,
      message: userMessage("password.tooShort", { min: MIN_PASSWORD_LENGTH }),
    };
  }
  const folded = fold(password);
  if (folded === fold(username)) {
    return { text: "the password may not be the username", message: userMessage("password.isUsername") };
  }
  if (!opts.demoAccount && COMMON_PASSWORDS.has(folded)) {
    return {
      text: "this password is one of the most common passwords; choose another (a few unrelated words work well)",
      message: userMessage("password.common"),
    };
  }
  return null;
}
