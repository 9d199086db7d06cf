-- Writes made offline carry an id the device made (client_id), so a write sent twice (the answer
-- lost on a weak connection, the sync replayed) is stored once: the server finds the earlier row
-- by its client id and answers with it. Imports leave it null; the partial unique indexes hold
-- only rows with a client id, so imports pay nothing for them. District first, as every key on
-- these tables (one shard answers).
ALTER TABLE children ADD COLUMN client_id uuid;
ALTER TABLE measurements ADD COLUMN client_id uuid;
CREATE UNIQUE INDEX children_client_id_idx ON children (district_code, client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX measurements_client_id_idx ON measurements (district_code, client_id)
  WHERE client_id IS NOT NULL;
