import type { Region } from "@tumbuh/core/api";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useApi } from "../../api/useApi.ts";

/** The level of a region code by its parts: 1 province, 2 district, 3 subdistrict, 4 village. */
const depth = (code: string) => code.split(".").length;

/**
 * Picks a village within the user's scope: fixed for a village scope, one list for a kecamatan,
 * kecamatan then village for a district.
 */
export function VillagePicker({
  scope,
  value,
  onChange,
}: {
  scope: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [kecamatan, setKecamatan] = useState(depth(scope) === 3 ? scope : "");
  const kecList = useApi(depth(scope) === 2 ? `regions:${scope}` : null, () =>
    api.get<{ regions: Region[] }>(`/api/regions/${scope}/children`),
  );
  const villages = useApi(kecamatan ? `regions:${kecamatan}` : null, () =>
    api.get<{ regions: Region[] }>(`/api/regions/${kecamatan}/children`),
  );
  if (depth(scope) === 4) return <p>{scope}</p>;
  return (
    <>
      {depth(scope) === 2 ? (
        <div className="field">
          <label htmlFor="vp-kec">{t("region.level.subdistrict")}</label>
          <select
            id="vp-kec"
            value={kecamatan}
            onChange={(e) => {
              setKecamatan(e.target.value);
              onChange("");
            }}
          >
            <option value="">–</option>
            {kecList.data?.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="vp-village">{t("families.village")}</label>
        <select id="vp-village" required value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">–</option>
          {villages.data?.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
