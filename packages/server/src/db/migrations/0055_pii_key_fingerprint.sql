-- The fingerprint of the key that protects NIK and No. KK (db/pii.ts keyFingerprint): an HMAC of
-- a constant under a key derived for that purpose, never the key. Written by the first process
-- that opens the database with a key; a process whose key gives another fingerprint refuses to
-- run, instead of hashing identifiers that match none of those stored (db/key-binding.ts).
CREATE TABLE pii_key_fingerprint (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
