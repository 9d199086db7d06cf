-- Regions of Indonesia (wilayah): province, district (kabupaten/kota), subdistrict (kecamatan)
-- and village (desa/kelurahan/desa adat), keyed by their dot-separated Kemendagri code. A code's
-- prefix is its subtree ('35.03' covers every code starting with '35.03.'). A reference table:
-- replicated to every node in a distributed deployment.
CREATE TABLE region_code_sets (
  version text PRIMARY KEY,            -- e.g. 'idn-area-data@3.1.2'
  source text NOT NULL,
  licence text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  provinces integer NOT NULL,
  districts integer NOT NULL,
  subdistricts integer NOT NULL,
  villages integer NOT NULL
);

CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'subdistrict', 'village')),
  kind text NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota', 'kecamatan', 'desa', 'kelurahan', 'desa_adat')),
  parent_code text,                    -- null for provinces
  code_set text NOT NULL,              -- region_code_sets.version the row came from
  search_name text NOT NULL,           -- lower case, accents and punctuation removed, prefixes dropped
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regions_code_prefix_idx ON regions (code text_pattern_ops);
CREATE INDEX regions_parent_idx ON regions (parent_code);
CREATE INDEX regions_search_idx ON regions (search_name text_pattern_ops);
