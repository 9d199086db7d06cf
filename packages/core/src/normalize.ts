/**
 * Text keys for matching names typed by people: case, accents, punctuation and spacing are
 * ignored, and for places the administrative prefix ("Kabupaten", "Kec.", "Desa") too.
 */

/** Lower case, accents removed, every run of non-letters/digits collapsed to one space. */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const PLACE_PREFIX =
  /^(provinsi|prov|kabupaten|kab|kota|kecamatan|kec|desa adat|desa|kelurahan|kel|ds|posyandu|pos|puskesmas|pkm|upt puskesmas|uptd puskesmas)\s+/;

/** searchKey without a leading administrative or facility prefix: "KAB. TRENGGALEK" -> "trenggalek". */
export function placeKey(text: string): string {
  const key = searchKey(text);
  const stripped = key.replace(PLACE_PREFIX, "");
  return stripped.length > 0 ? stripped : key;
}

/** Key for matching a child's name: searchKey with titles such as "an." (anak) removed. */
export function personKey(text: string): string {
  return searchKey(text).replace(/^(by ny|bayi ny|anak|an|bayi|by)\s+/, "");
}
