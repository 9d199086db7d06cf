/**
 * Which peers may tell the client's address (X-Forwarded-For) and protocol (X-Forwarded-Proto):
 * only the reverse proxies named in TUMBUH_TRUST_PROXY, as addresses or CIDR ranges
 * (`127.0.0.1,10.0.0.5` or `10.0.0.0/24`). A header from any other peer is ignored, so it changes
 * neither sign-in throttling nor the address the audit log records.
 */
import { isIP } from "node:net";

/** Names proxy-addr (Fastify's trustProxy) knows for whole ranges. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * The trusted proxies of a TUMBUH_TRUST_PROXY value (comma-separated addresses, CIDR ranges or
 * `loopback`/`linklocal`/`uniquelocal`); an empty list when unset. Anything else — including the
 * `1` that once trusted every peer — is an error saying what to write instead.
 */
export function parseTrustProxy(value: string | undefined, name = "TUMBUH_TRUST_PROXY"): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length > 0) {
    throw new Error(
      `${name}: found '${wrong.join(", ")}', expected the addresses or CIDR ranges of your reverse proxies, ` +
        `e.g. ${name}=127.0.0.1 for a proxy on this machine or ${name}=10.0.0.5,10.0.1.0/24 ` +
        "(a header X-Forwarded-For from any other peer is ignored)",
    );
  }
  return entries;
}
