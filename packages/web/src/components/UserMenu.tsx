import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session.tsx";
import { href, navigate } from "../routing/router.ts";

/** The signed-in user's name, role and scope, and the sign-out button (or a sign-in link). */
export function UserMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  if (!me) {
    return (
      <a className="button secondary" href={href("/login")}>
        {t("auth.signIn")}
      </a>
    );
  }
  const u = me.user;
  return (
    <div className="user-menu">
      <span className="user-name" data-testid="user-name">
        {u.displayName}
        <small>
          {t(`roles.${u.role}`)} · {u.regionName ?? u.regionCode}
        </small>
        <a className="account-link" href={href("/account/password")}>
          {t("account.passwordTitle")}
        </a>
      </span>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void signOut().then((done) => done && navigate("/login"));
        }}
      >
        {t("auth.signOut")}
      </button>
    </div>
  );
}
