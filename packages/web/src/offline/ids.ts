/** Ids made on the device for offline writes. */

/**
 * A random (version 4) UUID: crypto.randomUUID where the page is a secure context, otherwise the
 * same from crypto.getRandomValues (a server reached over plain http on a local network).
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let counter = 0;
/** An increasing number for the order of writes made in the same millisecond. */
export function nextSeq(): number {
  counter = Math.max(counter + 1, Date.now() * 1000);
  return counter;
}
