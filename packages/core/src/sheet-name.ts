/** Worksheet names for every XLSX export (server and web). */

/** A worksheet name Excel accepts: no \ / ? * [ ] :, at most 31 characters, cut at a word. */
export function sheetName(name: string): string {
  const clean = name
    .replace(/[\\/?*[\]:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= 31) return clean || "Tabel";
  const cut = clean.slice(0, 31);
  const space = cut.lastIndexOf(" ");
  return space > 10 ? cut.slice(0, space) : cut;
}
