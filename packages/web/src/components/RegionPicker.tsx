import { isRegionCode } from "@tumbuh/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { Region } from "../api/types.ts";
import { rankRegions } from "./RegionSearch.tsx";

type Level = "province" | "district" | "subdistrict" | "village";

/**
 * A region field that takes a name or a code: typing part of a name lists the matching regions in
 * the user's area (of one level when given), choosing one fills in its code; a typed code is taken
 * as it is. The chosen region's name shows under the field.
 */
export function RegionPicker({
  id,
  value,
  onChange,
  level,
  describedBy,
  readOnly,
  label,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  level?: Level;
  describedBy?: string;
  readOnly?: boolean;
  /** The field's name when no <label> names it (e.g. inside a table row). */
  label?: string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(value);
  const [chosen, setChosen] = useState<Region | null>(null);
  const [results, setResults] = useState<Region[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const typed = text.trim();
    if (typed.length < 2 || isRegionCode(typed) || !open) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.get<{ regions: Region[] }>("/api/regions", { q: typed, level, limit: 8 }).then(
        (r) => live && setResults(rankRegions(r.regions, typed)),
        () => live && setResults([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, level, open]);

  useEffect(() => {
    const close = (e: Event) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);

  function type(v: string) {
    setText(v);
    setChosen(null);
    setOpen(true);
    onChange(isRegionCode(v.trim()) ? v.trim() : "");
  }

  function choose(r: Region) {
    setText(r.code);
    setChosen(r);
    setOpen(false);
    onChange(r.code);
  }

  return (
    <div className="region-search" ref={box}>
      <input
        id={id}
        value={text}
        readOnly={readOnly}
        autoComplete="off"
        placeholder={t("regionPicker.placeholder")}
        aria-describedby={describedBy}
        aria-label={label}
        aria-controls={`${id}-options`}
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && results.length > 0 ? (
        <ul id={`${id}-options`} className="region-results" aria-live="polite">
          {results.map((r) => (
            <li key={r.code}>
              <button type="button" className="region-option" onClick={() => choose(r)}>
                {r.name}{" "}
                <small>
                  {t(`region.level.${r.level}`)} · {r.code}
                </small>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen ? (
        <span className="hint" data-testid="region-chosen">
          {chosen.name} ({t(`region.level.${chosen.level}`)})
        </span>
      ) : null}
    </div>
  );
}
