import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The box every table sits in: it scrolls sideways when the table is wider than the screen (the
 * first column stays put, see styles), says so in words while it does, and takes keyboard focus
 * so the arrow keys scroll it too.
 */
export function TableScroll({ children, label }: { children: ReactNode; label?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <>
      {overflows ? (
        <p className="scroll-hint" aria-hidden="true">
          {t("table.scrollHint")}
        </p>
      ) : null}
      <section
        ref={ref}
        className={overflows ? "table-wrap overflows" : "table-wrap"}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls sideways must be reachable by keyboard
        tabIndex={0}
        aria-label={label ?? t("table.scrollRegion")}
      >
        {children}
      </section>
    </>
  );
}
