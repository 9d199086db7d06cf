/**
 * The bare COPY the benchmarks compare the import against, on a server: the file streamed into
 * `COPY … FROM STDIN` in 64 KiB chunks on a connection of its own, as `psql \copy` sends it, so
 * the server parses while the file is read. (A whole file sent as one CopyData message is only
 * parsed once all of it has arrived: on 2026-12-06 a 1,000,000-row file took 6.8–9.2 s that way
 * against 3.3–3.8 s streamed.)
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

/** Seconds to COPY the CSV file at `path` (header line skipped) into `target` in `schema`. */
export async function streamedCsvCopy(
  url: string,
  schema: string,
  target: string,
  path: string,
): Promise<number> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const t0 = performance.now();
    await pipeline(
      createReadStream(path, { highWaterMark: 1 << 16 }),
      client.query(copyFrom(`COPY ${target} FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}

/**
 * Seconds the server takes to write `table`'s rows again, alone: its rows are copied out (binary)
 * to a file, then timed while streamed back by binary COPY into an empty table made `LIKE` it
 * (columns, defaults, constraints and indexes; not its triggers), which is dropped after. After an
 * import, the sum over its tables is what the database does for its rows with no reading,
 * checking or figures on the importing side: the floor under the import's time on that server.
 */
export async function rewriteSeconds(url: string, schema: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const dir = await mkdtemp(join(tmpdir(), "tumbuh-bench-rewrite-"));
  const file = join(dir, `${table}.bin`);
  const copyOf = `${table}_rewrite`;
  try {
    await pipeline(
      client.query(copyTo(`COPY ${table} TO STDOUT WITH (FORMAT binary)`)),
      createWriteStream(file),
    );
    await client.query(`CREATE TABLE ${copyOf} (LIKE ${table} INCLUDING ALL)`);
    await client.query("CHECKPOINT");
    const t0 = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1 << 16 }),
      client.query(copyFrom(`COPY ${copyOf} FROM STDIN WITH (FORMAT binary)`)),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${copyOf}`);
    await client.end();
    await rm(dir, { recursive: true, force: true });
  }
}
