/**
 * End-to-end benchmark of `tumbuh zscore`: a generated 1,000,000-row CSV scored by the real command in a
 * child process, timed with its peak memory, beside a parse-only pass over the same file (the floor set
 * by CSV parsing) and a 100,000-row run (flat memory means the same peak for both sizes).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse";

const root = join(import.meta.dirname, "..");
const outDir = join(root, "bench", "out");

/** Writes `rows` plausible anthro-style rows (seeded), the mix of ages and positions of a posyandu. */
async function writeAnthroCsv(path: string, rows: number, seed = 1): Promise<void> {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = createWriteStream(path);
  out.write("id,sex,age,weight,lenhei,measure,oedema\n");
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    const age = Math.floor(rand() * 1826);
    const growth = age / 1826;
    const lenhei = (48 + growth * 60 + (rand() - 0.5) * 12).toFixed(1);
    const weight = (3.2 + growth * 14 + (rand() - 0.5) * 4).toFixed(2);
    const measure = age < 731 ? (rand() < 0.95 ? "l" : "h") : rand() < 0.95 ? "h" : "l";
    buf.push(
      `${i + 1},${rand() < 0.5 ? 1 : 2},${age},${weight},${lenhei},${measure},${rand() < 0.002 ? "y" : "n"}\n`,
    );
    if (buf.length === 10_000) {
      if (!out.write(buf.join(""))) await once(out, "drain");
      buf = [];
    }
  }
  out.end(buf.join(""));
  await once(out, "finish");
}

/** Runs `tumbuh zscore` in a child process; returns seconds and the peak resident memory (MiB). */
async function runZscore(
  input: string,
  output: string,
  extra: string[] = [],
): Promise<{ seconds: number; peakMiB: number }> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, "packages/server/bin/tumbuh.mjs"), "zscore", input, "--out", output, ...extra],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  let peakKiB = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
    } catch {
      // the process has just ended
    }
  }, 20);
  const [code] = await once(child, "exit");
  clearInterval(poll);
  if (code !== 0) throw new Error(`tumbuh zscore exited with ${code}`);
  return { seconds: (performance.now() - t0) / 1000, peakMiB: peakKiB / 1024 };
}

async function parseOnly(input: string): Promise<number> {
  const t0 = performance.now();
  const parser = createReadStream(input, { highWaterMark: 1 << 20 }).pipe(parse({}));
  parser.on("data", () => {});
  await once(parser, "end");
  return (performance.now() - t0) / 1000;
}

const rate = (rows: number, seconds: number) =>
  Math.round(rows / seconds)
    .toLocaleString("en-US")
    .padStart(10);

export async function benchCli(): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const m1 = join(outDir, "anthro-1m.csv");
  const m3 = join(outDir, "anthro-3m.csv");
  const scored = join(outDir, "scored.csv");
  await writeAnthroCsv(m1, 1_000_000);
  await writeAnthroCsv(m3, 3_000_000, 2);
  const lines: string[] = [];
  const parseSeconds = await parseOnly(m1);
  lines.push(`csv-parse alone (parse only, one core), 1,000,000 rows  ${rate(1e6, parseSeconds)} rows/s`);
  const a = await runZscore(m1, scored);
  lines.push(
    `tumbuh zscore (default), 1,000,000 rows, end to end    ${rate(1e6, a.seconds)} rows/s   peak RSS ${a.peakMiB.toFixed(0)} MiB  (target ≥ 500,000 rows/s)`,
  );
  const b = await runZscore(m3, scored);
  lines.push(
    `tumbuh zscore (default), 3,000,000 rows, end to end    ${rate(3e6, b.seconds)} rows/s   peak RSS ${b.peakMiB.toFixed(0)} MiB  (flat memory: same peak as 1M)`,
  );
  const two = await runZscore(m1, scored, ["--threads", "2"]);
  lines.push(
    `tumbuh zscore --threads 2, 1,000,000 rows, end to end  ${rate(1e6, two.seconds)} rows/s   peak RSS ${two.peakMiB.toFixed(0)} MiB`,
  );
  for (const f of [m1, m3, scored]) rmSync(f, { force: true });
  return lines;
}
