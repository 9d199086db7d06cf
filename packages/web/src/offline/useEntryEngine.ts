import { useEffect, useState } from "react";

type Engine = typeof import("./entryEngine.ts");

let loading: Promise<Engine> | null = null;

/** How long to wait before trying again to load the engine (e.g. offline before it was kept). */
const RETRY_MS = 5_000;

/** The on-device entry checks, loaded once on first use (null until they are). */
export function useEntryEngine(): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      loading ??= import("./entryEngine.ts");
      loading.then(
        (m) => live && setEngine(m),
        () => {
          // not loaded (no network, and the service worker had not kept it yet): try again
          loading = null;
          if (live) timer = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  return engine;
}
