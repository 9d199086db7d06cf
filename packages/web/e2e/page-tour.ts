/**
 * Checks every page of the app in the browser tests: the pages a role reaches from the menu (so new
 * pages are covered as soon as they are in the menu) plus the detail pages found from them, each at
 * a phone's and a desktop's width: no page-wide horizontal overflow, every table figure reachable
 * (scrolled into view it is inside the screen and not covered, e.g. by the sticky first column).
 */
import type { Page } from "playwright-core";

/** Hash routes (`/...`) of the main menu's links for the signed-in user, in menu order. */
export async function menuRoutes(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator("#main-nav a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => h.startsWith("#/")).map((h) => h.slice(1));
}

/** Waits until the page shows no "loading" line and the network is quiet, then lets charts draw. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => {});
  await page
    .waitForFunction(() => document.querySelectorAll("main .loading").length === 0, undefined, {
      timeout: 30_000,
    })
    .catch(() => {});
  await page.waitForTimeout(300);
}

/** How many pixels the page itself is wider than the screen (0 when it fits). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
  );
}

/** Counts the table cells checked, and describes those that cannot be brought fully into view. */
async function unreachableCells(
  page: Page,
  maxRows = 15,
): Promise<{ checked: number; unreachable: string[] }> {
  return page.evaluate((max) => {
    const unreachable: string[] = [];
    let checked = 0;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    for (const table of Array.from(document.querySelectorAll("main table"))) {
      const rows = Array.from((table as HTMLTableElement).rows);
      const pick = rows.length > max + 1 ? [...rows.slice(0, max), rows[rows.length - 1]] : rows;
      for (const row of pick) {
        for (const cell of Array.from(row.cells)) {
          const text = (cell.textContent ?? "").trim();
          if (!text || cell.getClientRects().length === 0) continue;
          checked++;
          // as a reader would: scroll the row's box until the figure sits just right of the sticky first column
          cell.scrollIntoView({ block: "center", inline: "nearest" });
          const range = document.createRange();
          range.selectNodeContents(cell);
          const wrap = cell.closest(".table-wrap");
          const first = row.cells[0];
          if (wrap && cell !== first) {
            const stuck = getComputedStyle(first).position === "sticky";
            const edge = stuck ? first.getBoundingClientRect().right : wrap.getBoundingClientRect().left;
            wrap.scrollLeft += range.getBoundingClientRect().left - edge - 2;
          }
          const r = range.getBoundingClientRect();
          const y = Math.min(Math.max(r.top + r.height / 2, 0), vh - 1);
          const inside = r.left >= -1 && r.right <= vw + 1;
          const visible = [r.left + 1, r.right - 1].every((x) => {
            const el = document.elementFromPoint(x, y);
            return !!el && (el === cell || cell.contains(el));
          });
          if (!inside || !visible) {
            const tid = table.getAttribute("data-testid") ?? "table";
            unreachable.push(
              `${tid}: "${text.slice(0, 30)}" at ${Math.round(r.left)}–${Math.round(r.right)}`,
            );
          }
        }
      }
    }
    window.scrollTo(0, 0);
    return { checked, unreachable };
  }, maxRows);
}

/** A file-name-safe slug of a route: "/admin/users" → "admin-users", "/" → "home". */
function routeSlug(route: string): string {
  const path = route.split("?")[0];
  return path.replace(/^\/+|\/+$/g, "").replace(/[^a-z0-9]+/gi, "-") || "home";
}

export interface TourResult {
  /** "route @ width: what is wrong" for each failure. */
  problems: string[];
  /** How many page views and table cells were checked. */
  views: number;
  cells: number;
}

/**
 * Visits each route at each width: takes a full-page screenshot (before any table is scrolled),
 * then records page-wide overflow and unreachable table figures.
 */
export async function tourRoutes(
  page: Page,
  base: string,
  routes: string[],
  name: string,
  shoot: (page: Page, file: string) => Promise<unknown>,
  widths = [360, 1280],
): Promise<TourResult> {
  const result: TourResult = { problems: [], views: 0, cells: 0 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: width < 700 ? 740 : 900 });
    for (const route of routes) {
      await page.goto(`${base}/#${route}`);
      await settle(page);
      await shoot(page, `page-${name}-${routeSlug(route)}-${width}`);
      result.views++;
      const overflow = await pageOverflow(page);
      if (overflow > 0)
        result.problems.push(`${route} @ ${width}: page ${overflow} px wider than the screen`);
      const cells = await unreachableCells(page);
      result.cells += cells.checked;
      for (const u of cells.unreachable) result.problems.push(`${route} @ ${width}: ${u}`);
    }
  }
  return result;
}
