import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Region } from "../api/types.ts";
import { href } from "../routing/router.ts";

/** Jump to any region in the user's scope by typing part of its name (at least 2 letters). */
export function RegionSearch({ path, period }: { path: string; period: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Region[]>([]);
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.get<{ regions: Region[] }>("/api/regions", { q: text, limit: 8 }).then(
        (r) => live && setResults(r.regions),
        () => live && setResults([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="field inline region-search">
      <label htmlFor={id}>{t("region.search")}</label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("region.searchPlaceholder")}
        autoComplete="off"
        aria-controls={`${id}-results`}
      />
      {results.length > 0 ? (
        <ul id={`${id}-results`} className="region-results" aria-live="polite">
          {results.map((r) => (
            <li key={r.code}>
              <a href={href(path, { region: r.code, period })} onClick={() => setQ("")}>
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
