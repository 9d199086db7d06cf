/**
 * The bare COPY the benchmarks compare the import against, on a server: the file streamed into
 * `COPY … FROM STDIN` in 64 KiB chunks on a connection of its own, as `psql \copy` sends it, so
 * the server parses while the file is read. (A whole file sent as one CopyData message is only
 * parsed once all of it has arrived, and took 1.2–2.3× as long.)
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

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
