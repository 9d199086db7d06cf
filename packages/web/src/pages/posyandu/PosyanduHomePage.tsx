import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import type { Posyandu } from "../../api/types.ts";
import { useApi } from "../../api/useApi.ts";
import { useSession } from "../../auth/session.tsx";
import { ErrorMessage, Loading } from "../../components/Status.tsx";
import { href } from "../../routing/router.ts";
import { PosyanduPage } from "./PosyanduPage.tsx";

/** The posyandu of the user's scope: the one page when there is one (a cadre's home), else a list. */
export function PosyanduHomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const region = me?.user.regionCode ?? "";
  const list = useApi(`posyandu-list:${region}`, () =>
    api.get<{ posyandu: Posyandu[] }>("/api/posyandu", { region }),
  );
  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <Loading />;
  const items = list.data.posyandu;
  if (items.length === 1) return <PosyanduPage id={items[0].id} />;
  return (
    <div className="page" data-testid="posyandu-home">
      <h1>{t("posyandu.listTitle")}</h1>
      {items.length === 0 ? <p className="notice">{t("posyandu.none")}</p> : null}
      <ul className="plain-list">
        {items.map((p) => (
          <li key={p.id}>
            <a href={href(`/posyandu/${p.id}`)}>{p.name}</a>{" "}
            <span className="hint">{p.villageName ?? p.villageCode}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
