/**
 * The `tumbuh` command line: a thin dispatcher. Each subcommand lives in its own module under
 * `commands/` and is loaded only when called, so `tumbuh zscore` does not pay for the database.
 */

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A subcommand: receives the arguments after its name and returns the process exit code. */
export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  summary: string;
  load: () => Promise<{ run: CommandRun }>;
}

export const commands: Record<string, CommandEntry> = {
  db: {
    summary: "database maintenance: migrate, distribute (Citus)",
    load: () => import("./commands/db.ts"),
  },
  users: { summary: "create a user (the first administrator)", load: () => import("./commands/users.ts") },
  serve: {
    summary: "start the web application and API (http://localhost:3000)",
    load: () => import("./commands/serve.ts"),
  },
  import: {
    summary: "import an e-PPGBM or district measurement file (CSV/XLSX)",
    load: () => import("./commands/import.ts"),
  },
  targets: {
    summary: "import target children (sasaran) per village and year",
    load: () => import("./commands/targets.ts"),
  },
  check: {
    summary: "check that roll-ups sum up at every level and match the raw rows",
    load: () => import("./commands/check.ts"),
  },
  synth: {
    summary: "write a synthetic e-PPGBM file for a real district",
    load: () => import("./commands/synth.ts"),
  },
  regions: {
    summary: "load and look up provinces, districts, subdistricts and villages",
    load: () => import("./commands/regions.ts"),
  },
  zscore: {
    summary: "WHO z-scores, flags and Permenkes categories for every row of a CSV file",
    load: () => import("./commands/zscore.ts"),
  },
  prevalence: {
    summary: "prevalence tables (anthro's columns) from a CSV file, or from the database with --region",
    load: () => import("./commands/prevalence.ts"),
  },
  quality: {
    summary: "WHO data-quality figures of a region and period from the database, as CSV",
    load: () => import("./commands/quality.ts"),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Usage: tumbuh <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'tumbuh <command> --help' for a command's options.\n`;
}

/** Runs one CLI invocation and returns its exit code (0 success, 1 failure, 2 usage error). */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    io.stderr.write(`tumbuh: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const { run } = await entry.load();
  try {
    return await run(rest, io);
  } catch (err) {
    io.stderr.write(`tumbuh ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
