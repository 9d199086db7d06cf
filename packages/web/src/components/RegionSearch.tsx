import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Region } from "../api/types.ts";
import { href } from "../routing/router.ts";

/**
 * The regions found, best first: the name that is exactly what was typed, then names starting with
 * it, then the others (higher levels first), each group in the server's order.
 */
export function rankRegions(found: Region[], typed: string): Region[] {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  const q = key(typed);
  const depth = (r: Region) => r.code.split(".").length;
  const score = (r: Region) => {
    const name = key(r.name);
    return name === q ? 0 : name.startsWith(q) ? 1 : 2;
  };
  return found
    .map((r, i) => ({ r, i }))
    .sort((a, b) => score(a.r) - score(b.r) || depth(a.r) - depth(b.r) || a.i - b.i)
    .map((x) => x.r);
}

/**
 * Jump to any region in the user's scope by typing part of its name (at least 2 letters). The list
 * closes on Escape, on a click elsewhere and when a region is chosen.
 */
export function RegionSearch({ path, period }: { path: string; period: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Region[]>([]);
  useEffect(() => {
    const close = (e: MouseEvent | FocusEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("focusin", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("focusin", close);
    };
  }, []);
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.get<{ regions: Region[] }>("/api/regions", { q: text, limit: 8 }).then(
        (r) => live && setResults(rankRegions(r.regions, text)),
        () => live && setResults([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="field inline region-search" ref={box}>
      <label htmlFor={id}>{t("region.search")}</label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        placeholder={t("region.searchPlaceholder")}
        autoComplete="off"
        aria-controls={`${id}-results`}
      />
      {open && results.length > 0 ? (
        <ul id={`${id}-results`} className="region-results" aria-live="polite">
          {results.map((r) => (
            <li key={r.code}>
              <a
                href={href(path, { region: r.code, period })}
                onClick={() => {
                  setQ("");
                  setOpen(false);
                }}
              >
                {r.name}{" "}
                <small>
                  {t(`region.level.${r.level}`)} · {r.code}
                </small>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
