-- Time-ordered UUIDs (version 7 layout: 48-bit Unix milliseconds, then random bits) for rows
-- created in bulk by the database: index inserts land at the right edge of the B-tree instead
-- of at random pages. PostgreSQL 15 has no uuidv7(), so it is built from gen_random_uuid().
CREATE OR REPLACE FUNCTION tumbuh_uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
          || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14, 19))::uuid
$$;
