/**
 * Named prepared statements for hot read queries on a PostgreSQL server. A query wrapped in
 * `prepared(...)` starts with a marker comment; each pooled connection then runs it as a named
 * statement, parsed and planned once per connection instead of on every request (about half of
 * a dashboard query's time on the server). Every other query runs as before, and PGlite runs the
 * marked ones as ordinary queries (the comment is just a comment).
 */
import { createHash } from "node:crypto";
import { type Compilable, type Kysely, type RawBuilder, sql } from "kysely";
import type pg from "pg";

export const PREPARED_MARK = "/* prepared */";

/** Marks a query to run as a named prepared statement (its text must not vary per call). */
export function prepared<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`/* prepared */ ${query}`;
}

/** Runs a query built with Kysely's builder as a named prepared statement; returns its rows. */
export async function executePrepared<D, O>(db: Kysely<D>, query: Compilable<O>): Promise<O[]> {
  const compiled = query.compile();
  return (await db.executeQuery<O>({ ...compiled, sql: `${PREPARED_MARK} ${compiled.sql}` })).rows;
}

const names = new Map<string, string>();

/** The statement name of a query text: the same text always gets the same name. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= 1_000) names.clear();
    name = `tumbuh_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pooled client run marked query texts (`query(text, values)`) as named statements;
 * every other call passes through unchanged. Installed on each new connection of the pool.
 */
export function prepareMarkedQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  const run: QueryFn = (...args) => {
    const [text, values] = args;
    if (args.length <= 2 && typeof text === "string" && text.startsWith(PREPARED_MARK)) {
      return query({ name: statementName(text), text, values: values ?? [] });
    }
    return query(...args);
  };
  (client as unknown as { query: QueryFn }).query = run;
}
