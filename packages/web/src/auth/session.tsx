import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from "../api/client.ts";
import type { Me, Meta, User } from "../api/types.ts";

export interface SessionState {
  /** Server facts every page may need: demo flag, national target, map attribution. */
  meta: Meta | null;
  /** The signed-in user, or null when nobody is signed in; undefined while still checking. */
  me: Me | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** True when the signed-in user's role holds the permission (the server checks again). */
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Provides the session (who is signed in, what they may do) to the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | null>(null);
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    api.get<Meta>("/api/meta").then(setMeta, () => setMeta(null));
    api.get<Me>("/api/auth/me").then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      },
      () => setMe(null),
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
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post("/api/auth/logout");
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    setCsrfToken(null);
    setMe(null);
  }, []);

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
