import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import type { Me, Meta, User } from "../api/types.ts";
import { refreshOutboxKey } from "../offline/outboxKey.ts";
import { signOutKeepingNothing } from "../offline/signOut.ts";
import { loadMe, saveMe } from "../offline/store.ts";

export interface SessionState {
  /** Server facts every page may need: demo flag, national target, map attribution. */
  meta: Meta | null;
  /** The signed-in user, or null when nobody is signed in; undefined while still checking. */
  me: Me | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  /** Resolves false when the user chose to stay signed in (unsent data, or no network). */
  signOut(): Promise<boolean>;
  /** True when the signed-in user's role holds the permission (the server checks again). */
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Provides the session (who is signed in, what they may do) to the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { t } = useTranslation();

  useEffect(() => {
    api.get<Meta>("/api/meta").then(setMeta, () => setMeta(null));
    api.get<Me>("/api/auth/me").then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
        void saveMe(m)
          .then(() => refreshOutboxKey(m.user.id))
          .catch(() => {});
      },
      // no network: the user who signed in last on this device works on with the device's copy
      (e) =>
        e instanceof ApiError
          ? setMe(null)
          : loadMe().then(
              (cached) => setMe(cached),
              () => setMe(null),
            ),
    );
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const res = await api.post<{ user: User; csrfToken: string }>("/api/auth/login", { username, password });
    setCsrfToken(res.csrfToken);
    const full = await api.get<Me>("/api/auth/me");
    setCsrfToken(full.csrfToken);
    setMe(full);
    // The outbox key arrives in the background: the user goes on at once (the sign-in page moves to
    // the page asked for), and what is saved before the key is there is sealed when it comes.
    void saveMe(full)
      .then(() => refreshOutboxKey(full.user.id))
      .catch(() => {});
  }, []);

  const signOut = useCallback(async () => {
    if (!me) return true;
    if (!(await signOutKeepingNothing(me.user.id, t))) return false;
    setCsrfToken(null);
    setMe(null);
    return true;
  }, [me, t]);

  const value = useMemo<SessionState>(
    () => ({
      meta,
      me,
      signIn,
      signOut,
      can: (permission) => !!me && me.permissions.includes(permission),
    }),
    [meta, me, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; only valid inside SessionProvider. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
