import { useEffect, useState } from "react";

/**
 * Hash routing: "#/children/abc?q=siti" → { path: "/children/abc", query }. Hash routes work
 * behind any static file server and keep the server's SPA fallback trivial.
 */
export interface Route {
  path: string;
  query: URLSearchParams;
}

/** Parses a location hash into a route; an empty hash is the home route "/". */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, qs = ""] = raw.split("?", 2);
  return { path: path.startsWith("/") ? path : `/${path}`, query: new URLSearchParams(qs) };
}

/** Builds an href for a route, leaving out empty query values. */
export function href(path: string, query?: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ""}`;
}

/** Goes to a route (adds a history entry, so the browser's back button works). */
export function navigate(path: string, query?: Record<string, string | null | undefined>): void {
  window.location.hash = href(path, query);
}

/** Matches a path against a pattern with ":name" parts; returns the named parts or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const a = path.split("/").filter(Boolean);
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}

/** The current route, updated when the hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
