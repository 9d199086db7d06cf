import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import type { ChildListItem, Posyandu } from "../api/types.ts";
import { useApi } from "../api/useApi.ts";
import { PERMISSION } from "../auth/permissions.ts";
import { useSession } from "../auth/session.tsx";
import { ExportButtons } from "../components/ExportButtons.tsx";
import { ErrorMessage, Loading } from "../components/Status.tsx";
import { StatusChip } from "../components/StatusChip.tsx";
import { TableScroll } from "../components/TableScroll.tsx";
import { formatDate } from "../lib/format.ts";
import { nikDigits } from "../lib/nik.ts";
import { href, navigate } from "../routing/router.ts";

const PAGE = 25;

type Found = { children: ChildListItem[]; total: number };

/**
 * Search of children within the user's scope by name, or — for roles that may see NIK — by a full
 * 16-digit NIK. A NIK is sent in a POST body and kept out of the page's address (and so out of the
 * browser history and every server log).
 */
export function ChildrenPage({
  q,
  posyandu,
  offset,
}: {
  q: string;
  posyandu: string | null;
  offset: number;
}) {
  const { t } = useTranslation();
  const { can, me } = useSession();
  const mayUseNik = can(PERMISSION.identity);
  const [text, setText] = useState(q);
  // A NIK search belongs to the page it was made on: moving to another search or page leaves it.
  const [nikSearch, setNikSearch] = useState<{ digits: string; q: string; offset: number } | null>(null);
  const nik = nikSearch && nikSearch.q === q && nikSearch.offset === offset ? nikSearch.digits : null;
  const [refusal, setRefusal] = useState<string | null>(null);
  const [posyanduChoice, setPosyanduChoice] = useState(posyandu ?? "");
  const places = useApi("posyandu", () => api.get<{ posyandu: Posyandu[] }>("/api/posyandu"));
  const list = useApi(nik ? `children-nik:${nik}` : `children:${q}:${posyandu ?? ""}:${offset}`, () =>
    nik
      ? api.post<Found>("/api/children/search", { nik })
      : api.get<Found>("/api/children", {
          q: q || undefined,
          posyanduId: posyandu ?? undefined,
          limit: PAGE,
          offset,
        }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const digits = nikDigits(text);
    if (digits === null) {
      setNikSearch(null);
      navigate("/children", { q: text.trim(), posyandu: posyanduChoice || null });
    } else if (!mayUseNik) {
      setRefusal(t("children.nikNotAllowed"));
    } else if (digits.length !== 16) {
      setRefusal(t("children.nikLength"));
    } else {
      setNikSearch({ digits, q, offset });
    }
  }

  const data = list.data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("children.title")}</h1>
        {can(PERMISSION.export) && me ? (
          <ExportButtons
            title={t("children.title")}
            // the list as searched on screen (a NIK search is never put in a URL: then the whole list)
            server={{
              table: "children",
              region: me.user.regionCode,
              q: nik ? undefined : q || undefined,
              posyanduId: nik ? undefined : (posyandu ?? undefined),
            }}
          />
        ) : null}
      </div>
      <search>
        <form className="card filters" onSubmit={submit}>
          <div className="field inline grow">
            <label htmlFor="child-q">{mayUseNik ? t("children.search") : t("children.searchName")}</label>
            <input
              id="child-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={mayUseNik ? t("children.searchPlaceholder") : t("children.searchNamePlaceholder")}
              aria-describedby="child-q-hint"
            />
            <span id="child-q-hint" className="hint">
              {mayUseNik ? t("children.searchHint") : t("children.searchNameHint")}
            </span>
          </div>
          <div className="field inline">
            <label htmlFor="child-posyandu">{t("children.posyanduFilter")}</label>
            <select
              id="child-posyandu"
              value={posyanduChoice}
              onChange={(e) => setPosyanduChoice(e.target.value)}
              aria-busy={!places.data}
            >
              <option value="">{places.data ? t("children.allPosyandu") : t("common.loading")}</option>
              {(places.data?.posyandu ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.villageName ? ` · ${p.villageName}` : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("common.search")}</button>
        </form>
      </search>
      {refusal ? (
        <p role="alert" className="error">
          {refusal}
        </p>
      ) : null}
      <ErrorMessage error={list.error} />
      {list.loading && !data ? <Loading /> : null}
      {data ? (
        <section className="card">
          <p role="status">{t("children.found", { count: data.total })}</p>
          <TableScroll>
            <table data-testid="children-table">
              <thead>
                <tr>
                  <th scope="col">{t("children.name")}</th>
                  <th scope="col">{t("children.sex")}</th>
                  <th scope="col">{t("children.birthDate")}</th>
                  <th scope="col">NIK</th>
                  <th scope="col">{t("children.village")}</th>
                  <th scope="col">{t("children.posyandu")}</th>
                  <th scope="col">{t("children.lastMeasured")}</th>
                  <th scope="col">{t("children.tbu")}</th>
                </tr>
              </thead>
              <tbody>
                {data.children.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={href(`/children/${c.id}`)}>{c.name}</a>
                    </th>
                    <td>{c.sex === 1 ? t("common.male") : t("common.female")}</td>
                    <td>{formatDate(c.birthDate)}</td>
                    <td>{c.nikMasked ?? "–"}</td>
                    <td>{c.villageName ?? c.villageCode}</td>
                    <td>{c.posyanduName ?? "–"}</td>
                    <td>{formatDate(c.lastMeasurement?.date)}</td>
                    <td>
                      <StatusChip indicator="tbu" code={c.lastMeasurement?.tbu ?? null} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="button-row">
            {!nik && offset > 0 ? (
              <a
                className="button secondary"
                href={href("/children", { q, posyandu, offset: String(Math.max(0, offset - PAGE)) })}
              >
                {t("children.previous")}
              </a>
            ) : null}
            {!nik && offset + PAGE < data.total ? (
              <a
                className="button secondary"
                href={href("/children", { q, posyandu, offset: String(offset + PAGE) })}
              >
                {t("children.next")}
              </a>
            ) : null}
            <span className="hint">
              {data.total > 0
                ? t("children.range", {
                    from: offset + 1,
                    to: Math.min(offset + PAGE, data.total),
                    total: data.total,
                  })
                : null}
            </span>
          </div>
        </section>
      ) : null}
    </div>
  );
}
