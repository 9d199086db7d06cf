/**
 * The set-based merge of an import's staged rows (import-stage.ts) into `children` and
 * `measurements`, in the import's transaction. Children are matched as import/matching.ts
 * describes: by NIK hash; else by name key, birth date, sex and village when one side has no
 * NIK; a child matching none but sharing name key, birth date and sex with a stored child or
 * another child of the file is a likely duplicate (reported, never merged). The file's last row
 * for a child, and for a child and date, counts.
 */
import { sql } from "kysely";
import type { Session } from "../connection.ts";
import { statementLabel, traced } from "../trace.ts";
import { CHILD_COLUMNS, columnList, IMPORT_SOURCE, MEASUREMENT_COLUMNS } from "./import-columns.ts";

export interface MergeInput {
  importId: string;
  /** CSV lines (district_code, child_key, nik_child_key): children staged both without and with a NIK. */
  identityMatches: string;
  /** Binary COPY data (district_code, id): children written directly whose later rows were staged. */
  handedOver: Uint8Array | null;
}

/**
 * A staged row that may be a child already known: `kind` says which (an existing child of the
 * same village with another NIK, one of another village, or a child of another row of the file),
 * `other` names it (its village code, or the other row's number).
 */
interface MergedDuplicate {
  rowNo: number;
  name: string;
  birthDate: string;
  kind: "otherNik" | "otherVillage" | "inFile";
  other: string;
}

export interface MergeResult {
  likelyDuplicates: MergedDuplicate[];
  childrenCreated: number;
  /** Stored children whose details changed, and those that did not (children written directly left out). */
  childrenUpdated: number;
  childrenUnchanged: number;
  /** Measurements inserted, of them for children written directly; stored ones changed (others than those). */
  measurementsAdded: number;
  measurementsAddedDirect: number;
  measurementsChanged: number;
  /** One per child and date merged, of them for children written directly. */
  measurementsMerged: number;
  measurementsMergedDirect: number;
}

async function exec(s: Session, query: string): Promise<void> {
  await traced(statementLabel(query), () => sql.raw(query).execute(s.db));
}

async function count(s: Session, query: string): Promise<number> {
  const r = await traced(statementLabel(query), () => sql.raw<{ n: number }>(query).execute(s.db));
  return Number(r.rows[0]?.n ?? 0);
}

/** Merges the staged rows; the staging tables must hold the whole file. */
export async function mergeStaged(s: Session, input: MergeInput): Promise<MergeResult> {
  if (!/^[0-9a-f-]{36}$/.test(input.importId)) throw new Error(`invalid import id '${input.importId}'`);
  // Sorts and hashes of a whole file in memory rather than in temporary files (this transaction only).
  await exec(s, "SET LOCAL work_mem = '128MB'");
  // Statistics for the columns the merge joins and groups on only: the rest is never filtered on.
  await exec(
    s,
    "ANALYZE import_stage (district_code, child_key, village_code, posyandu_key, nik_hash, name_key, sex, birth_date, measured_on)",
  );
  await joinIdentities(s, input.identityMatches);
  await exec(s, "CREATE TEMP TABLE import_direct (district_code text, id uuid) ON COMMIT DROP");
  if (input.handedOver) await s.copyBinary("import_direct (district_code, id)", input.handedOver);
  const inFile = await fileDistricts(s);
  await collectChildren(s, inFile);
  await matchStoredChildren(s, inFile);
  const likelyDuplicates = await findLikelyDuplicates(s, inFile);
  const children = await writeChildren(s, inFile);
  const m = await upsertMeasurements(s, input.importId, inFile);
  return { likelyDuplicates, ...children, ...m };
}

/**
 * SQL restricting an alias's rows to the districts of the file (`alias.district_code IN (...)`,
 * constants): every statement joining the staged rows to a district table names its districts,
 * so that Citus reads only their shards instead of every shard (db/citus-routing.int.test.ts).
 */
type DistrictFilter = (alias: string) => string;

async function fileDistricts(s: Session): Promise<DistrictFilter> {
  const r = await sql<{ d: string }>`SELECT DISTINCT district_code AS d FROM import_stage`.execute(s.db);
  const codes = r.rows.map((x) => x.d);
  for (const d of codes) if (!/^\d{2}\.\d{2}$/.test(d)) throw new Error(`invalid district code '${d}'`);
  const list = codes.length ? codes.map((d) => `'${d}'`).join(", ") : "NULL";
  return (alias) => `${alias}.district_code IN (${list})`;
}

/** A child written without NIK on some rows and with it on others is one child (pairs found while staging). */
async function joinIdentities(s: Session, matches: string): Promise<void> {
  if (!matches) return;
  await exec(
    s,
    "CREATE TEMP TABLE import_identity (district_code text, child_key text, nik_child_key text) ON COMMIT DROP",
  );
  await s.copyCsv("import_identity (district_code, child_key, nik_child_key)", matches);
  await exec(
    s,
    `UPDATE import_stage st SET child_key = m.nik_child_key FROM import_identity m
    WHERE st.nik_hash IS NULL AND st.district_code = m.district_code AND st.child_key = m.child_key`,
  );
}

/**
 * SQL selecting the ids of the district's children the merge matched or created (only these can
 * have been changed by it); valid inside the import's transaction, after the merge.
 */
export function mergedChildrenSql(district: string): string {
  if (!/^\d{2}\.\d{2}$/.test(district)) throw new Error(`invalid district code '${district}'`);
  return `SELECT child_id FROM import_children WHERE district_code = '${district}' AND child_id IS NOT NULL`;
}

/** `import_children`: one row per child of the file, with the attributes of its last row. */
async function collectChildren(s: Session, inFile: DistrictFilter): Promise<void> {
  // The ciphertexts of the staged rows' identifiers only: import_identifiers holds every identifier
  // of the file (about 300,000 in a 1,000,000-row file), most of them written directly already;
  // one pass over it costs a fraction of indexing it all.
  await exec(
    s,
    `CREATE TEMP TABLE import_enc ON COMMIT DROP AS
    SELECT DISTINCT ON (i.hash) i.hash, i.enc FROM import_identifiers i
    WHERE i.hash IN (
      SELECT substr(child_key, 3) FROM import_stage WHERE child_key LIKE 'n:%'
      UNION SELECT kk_hash FROM import_stage WHERE kk_hash IS NOT NULL
      UNION SELECT mother_nik_hash FROM import_stage WHERE mother_nik_hash IS NOT NULL)`,
  );
  await exec(s, "CREATE INDEX ON import_enc (hash)");
  const enc = (hash: string) => `(SELECT i.enc FROM import_enc i WHERE i.hash = c.${hash})`;
  await exec(
    s,
    `CREATE TEMP TABLE import_children ON COMMIT DROP AS
    SELECT c.district_code, c.child_key, c.row_no, c.village_code, c.posyandu_id,
      c.nik_hash, ${enc("nik_hash")} AS nik_enc, c.kk_hash, ${enc("kk_hash")} AS kk_enc,
      c.mother_nik_hash, ${enc("mother_nik_hash")} AS mother_nik_enc,
      c.name, c.name_key, c.sex, c.birth_date, c.birth_weight, c.birth_length, c.mother_name,
      c.rt, c.rw, c.address, NULL::uuid AS child_id, false AS is_new
    FROM (
      SELECT DISTINCT ON (st.district_code, st.child_key)
        st.district_code, st.child_key, st.row_no, st.village_code, py.id AS posyandu_id,
        -- The NIK is the child's key: kept even when its last row comes without one.
        CASE WHEN st.child_key LIKE 'n:%' THEN substr(st.child_key, 3) END AS nik_hash,
        st.kk_hash, st.mother_nik_hash,
        st.name, st.name_key, st.sex, st.birth_date, st.birth_weight, st.birth_length, st.mother_name,
        st.rt, st.rw, st.address
      FROM import_stage st
      LEFT JOIN posyandu py ON py.district_code = st.district_code AND py.village_code = st.village_code
        AND py.search_name = st.posyandu_key AND ${inFile("py")}
      ORDER BY st.district_code, st.child_key, st.row_no DESC) c`,
  );
  await exec(s, "ANALYZE import_children");
}

/** The matching rule: by NIK hash, else by name key + birth date + sex + village when one side has no NIK. */
async function matchStoredChildren(s: Session, inFile: DistrictFilter): Promise<void> {
  await exec(
    s,
    `UPDATE import_children s SET child_id = c.id FROM children c
    WHERE s.nik_hash IS NOT NULL AND c.district_code = s.district_code AND c.nik_hash = s.nik_hash AND ${inFile("c")}`,
  );
  await exec(
    s,
    `UPDATE import_children s SET child_id = c.id FROM children c
    WHERE s.child_id IS NULL AND c.district_code = s.district_code AND c.name_key = s.name_key
      AND c.birth_date = s.birth_date AND c.sex = s.sex AND c.village_code = s.village_code
      AND (c.nik_hash IS NULL OR s.nik_hash IS NULL) AND ${inFile("c")}`,
  );
}

/** Likely duplicates: unmatched children sharing name key, birth date and sex with a stored child or another of the file. */
async function findLikelyDuplicates(s: Session, inFile: DistrictFilter): Promise<MergedDuplicate[]> {
  const dups = await traced("likely duplicates", () =>
    sql
      .raw<{
        row_no: number;
        name: string;
        birth_date: string;
        kind: MergedDuplicate["kind"];
        other: string;
      }>(`
    SELECT s.row_no, s.name, s.birth_date::text AS birth_date,
      CASE WHEN c.village_code = s.village_code THEN 'otherNik' ELSE 'otherVillage' END AS kind,
      c.village_code AS other
    FROM import_children s
    JOIN children c ON c.district_code = s.district_code AND c.name_key = s.name_key
      AND c.birth_date = s.birth_date AND c.sex = s.sex AND ${inFile("c")}
    WHERE s.child_id IS NULL
    UNION ALL
    SELECT a.row_no, a.name, a.birth_date::text, 'inFile', b.row_no::text
    FROM import_children a JOIN import_children b ON a.district_code = b.district_code AND a.name_key = b.name_key
      AND a.birth_date = b.birth_date AND a.sex = b.sex AND a.child_key > b.child_key
    ORDER BY 1 LIMIT 10000`)
      .execute(s.db),
  );
  return dups.rows.map((d) => ({
    rowNo: d.row_no,
    name: d.name,
    birthDate: d.birth_date,
    kind: d.kind,
    other: d.other,
  }));
}

/** Inserts the new children and updates the stored ones the file changes. */
async function writeChildren(s: Session, inFile: DistrictFilter) {
  await exec(s, "UPDATE import_children SET child_id = tumbuh_uuid7(), is_new = true WHERE child_id IS NULL");
  const columns = columnList(CHILD_COLUMNS);
  const values = CHILD_COLUMNS.map((c) => (c.name === "id" ? "child_id" : c.name)).join(", ");
  const childrenCreated = await count(
    s,
    `WITH ins AS (INSERT INTO children (${columns}) SELECT ${values} FROM import_children WHERE is_new RETURNING 1)
    SELECT count(*) AS n FROM ins`,
  );
  // The file's values replace stored ones; a value the file leaves empty keeps the stored one.
  const childrenUpdated = await count(
    s,
    `WITH up AS (
      UPDATE children c SET
        village_code = s.village_code, posyandu_id = coalesce(s.posyandu_id, c.posyandu_id),
        nik_hash = coalesce(s.nik_hash, c.nik_hash),
        nik_enc = CASE WHEN s.nik_hash IS NULL OR s.nik_hash = c.nik_hash THEN c.nik_enc ELSE s.nik_enc END,
        kk_hash = coalesce(s.kk_hash, c.kk_hash),
        kk_enc = CASE WHEN s.kk_hash IS NULL OR s.kk_hash = c.kk_hash THEN c.kk_enc ELSE s.kk_enc END,
        mother_nik_hash = coalesce(s.mother_nik_hash, c.mother_nik_hash),
        mother_nik_enc = CASE WHEN s.mother_nik_hash IS NULL OR s.mother_nik_hash = c.mother_nik_hash THEN c.mother_nik_enc ELSE s.mother_nik_enc END,
        name = s.name, name_key = s.name_key, sex = s.sex, birth_date = s.birth_date,
        birth_weight = coalesce(s.birth_weight, c.birth_weight), birth_length = coalesce(s.birth_length, c.birth_length),
        mother_name = coalesce(s.mother_name, c.mother_name), rt = coalesce(s.rt, c.rt), rw = coalesce(s.rw, c.rw),
        address = coalesce(s.address, c.address), updated_at = now(), version = c.version + 1
      FROM import_children s
      WHERE NOT s.is_new AND c.district_code = s.district_code AND c.id = s.child_id AND ${inFile("c")}
        AND (c.village_code, c.posyandu_id, c.nik_hash, c.kk_hash, c.mother_nik_hash, c.name, c.sex, c.birth_date,
             c.birth_weight, c.birth_length, c.mother_name, c.rt, c.rw, c.address)
        IS DISTINCT FROM
            (s.village_code, coalesce(s.posyandu_id, c.posyandu_id), coalesce(s.nik_hash, c.nik_hash),
             coalesce(s.kk_hash, c.kk_hash), coalesce(s.mother_nik_hash, c.mother_nik_hash), s.name, s.sex, s.birth_date,
             coalesce(s.birth_weight, c.birth_weight), coalesce(s.birth_length, c.birth_length),
             coalesce(s.mother_name, c.mother_name), coalesce(s.rt, c.rt), coalesce(s.rw, c.rw), coalesce(s.address, c.address))
      RETURNING c.id)
    SELECT count(*) AS n FROM up WHERE id NOT IN (SELECT id FROM import_direct)`,
  );
  const stored = await count(
    s,
    "SELECT count(*) AS n FROM import_children WHERE NOT is_new AND child_id NOT IN (SELECT id FROM import_direct)",
  );
  return { childrenCreated, childrenUpdated, childrenUnchanged: stored - childrenUpdated };
}

/** What the merge's `m` (one row per child and date) takes each measurement column from; the rest from the staged row. */
const FROM_STAGE: Record<string, string> = { child_id: "ch.child_id", posyandu_id: "py.id" };

/** Measurements: one per child and date (the file's last row for it counts), inserted or updated. */
async function upsertMeasurements(s: Session, importId: string, inFile: DistrictFilter) {
  const merged = MEASUREMENT_COLUMNS.filter((c) => c.role !== "id" && c.role !== "provenance");
  const select = merged.map((c) => `${FROM_STAGE[c.name] ?? `st.${c.name}`} AS ${c.name}`).join(", ");
  const made: Record<string, string> = {
    id: "tumbuh_uuid7()",
    source: `'${IMPORT_SOURCE}'`,
    import_id: `'${importId}'::uuid`,
  };
  const insert = `INSERT INTO measurements AS x (${columnList(MEASUREMENT_COLUMNS)})
    SELECT ${MEASUREMENT_COLUMNS.map((c) => made[c.name] ?? c.name).join(", ")} FROM m`;
  const replaced = MEASUREMENT_COLUMNS.filter((c) => c.role !== "key" && c.role !== "id");
  const compared = MEASUREMENT_COLUMNS.filter((c) => c.role === "value").map((c) => c.name);
  const counts = await traced("measurements upsert", () =>
    sql
      .raw<{ added: number; added_direct: number; changed: number; total: number; total_direct: number }>(`
    WITH m AS (
      SELECT DISTINCT ON (st.district_code, ch.child_id, st.measured_on) ${select},
        ch.is_new, ch.child_id IN (SELECT id FROM import_direct) AS direct
      FROM import_stage st
      JOIN import_children ch ON ch.district_code = st.district_code AND ch.child_key = st.child_key
      LEFT JOIN posyandu py ON py.district_code = st.district_code AND py.village_code = st.village_code
        AND py.search_name = st.posyandu_key AND ${inFile("py")}
      WHERE st.measured_on IS NOT NULL
      ORDER BY st.district_code, ch.child_id, st.measured_on, st.row_no DESC
    ), fresh AS (
      -- A new child has no measurements yet: a plain insert, no conflict to look for.
      ${insert} WHERE is_new RETURNING 1
    ), up AS (
      ${insert} WHERE NOT is_new
      ON CONFLICT (district_code, child_id, measured_on) DO UPDATE SET
        ${replaced.map((c) => `${c.name} = EXCLUDED.${c.name}`).join(", ")},
        -- The proposed row's updated_at is its default, the transaction's now(): Citus refuses a
        -- function that is not IMMUTABLE (now() is STABLE) in DO UPDATE SET on a distributed table.
        updated_at = EXCLUDED.updated_at, version = x.version + 1
      WHERE (${compared.map((c) => `x.${c}`).join(", ")})
        IS DISTINCT FROM (${compared.map((c) => `EXCLUDED.${c}`).join(", ")})
      -- What a row was is worked out outside RETURNING: on Citus, RETURNING runs on the node
      -- holding the shard, which cannot see this session's temporary tables.
      RETURNING (x.xmax = 0) AS inserted, x.child_id)
    SELECT (SELECT count(*) FROM fresh) + count(*) FILTER (WHERE inserted) AS added,
      count(*) FILTER (WHERE inserted AND direct) AS added_direct,
      count(*) FILTER (WHERE NOT inserted AND NOT direct) AS changed,
      (SELECT count(*) FROM m) AS total, (SELECT count(*) FROM m WHERE direct) AS total_direct
    FROM (SELECT inserted, child_id IN (SELECT id FROM import_direct) AS direct FROM up) u`)
      .execute(s.db),
  );
  const c = counts.rows[0];
  return {
    measurementsAdded: Number(c.added),
    measurementsAddedDirect: Number(c.added_direct),
    measurementsChanged: Number(c.changed),
    measurementsMerged: Number(c.total),
    measurementsMergedDirect: Number(c.total_direct),
  };
}
