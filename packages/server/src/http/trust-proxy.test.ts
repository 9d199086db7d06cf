import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "./trust-proxy.ts";

describe("TUMBUH_TRUST_PROXY", () => {
  it.each([
    [undefined, []],
    ["", []],
    ["127.0.0.1", ["127.0.0.1"]],
    ["127.0.0.1, 10.0.0.5", ["127.0.0.1", "10.0.0.5"]],
    ["10.0.0.0/24,::1,fd00::/8", ["10.0.0.0/24", "::1", "fd00::/8"]],
    ["loopback", ["loopback"]],
  ])("%j trusts %j", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each(["1", "true", "*", "10.0.0.0/33", "10.0.0.300", "proxy.local", "10.0.0.1/8/1"])(
    "refuses %j, saying what to write",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(
        /TUMBUH_TRUST_PROXY: found .*expected the addresses or CIDR ranges/,
      );
    },
  );
});
