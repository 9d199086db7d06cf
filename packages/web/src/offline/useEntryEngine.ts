import { useEffect, useState } from "react";

type Engine = typeof import("./entryEngine.ts");

let loading: Promise<Engine> | null = null;

/** The on-device entry checks, loaded once on first use (null until they are). */
export function useEntryEngine(): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import("./entryEngine.ts");
    void loading.then((m) => live && setEngine(m));
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
