-- Referrals of children the posyandu found faltering (workflows.md §3.1–3.2): 2T, below the red
-- line (BGM) or a single T, referred to the puskesmas; the puskesmas (the district health office's
-- accounts: no puskesmas role exists yet) marks them attended and resolved. Every status change is
-- an event with who, when and a note. At most one open (not resolved) referral per child.
CREATE TABLE referrals (
  district_code text NOT NULL,
  id uuid NOT NULL,
  child_id uuid NOT NULL,
  village_code text NOT NULL,
  posyandu_id uuid,
  puskesmas_id uuid,
  reasons text[] NOT NULL,               -- rules that held when referred: '2T', 'BGM', 'T', 'other'
  alert_month text NOT NULL CHECK (alert_month ~ '^[0-9]{4}-[0-9]{2}$'),
  status text NOT NULL DEFAULT 'referred' CHECK (status IN ('referred', 'attended', 'resolved')),
  referred_on date NOT NULL,
  note text,
  status_by uuid,
  status_by_name text,
  status_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id)
);
CREATE UNIQUE INDEX referrals_open_child_idx ON referrals (district_code, child_id) WHERE status <> 'resolved';
CREATE INDEX referrals_village_idx ON referrals (district_code, village_code text_pattern_ops, status);
CREATE INDEX referrals_id_idx ON referrals (id);

-- The history of a referral: one row per status it took (the first is 'referred').
CREATE TABLE referral_events (
  district_code text NOT NULL,
  referral_id uuid NOT NULL,
  seq integer NOT NULL,
  status text NOT NULL CHECK (status IN ('referred', 'attended', 'resolved')),
  note text,
  user_id uuid,
  username text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_code, referral_id, seq),
  FOREIGN KEY (district_code, referral_id) REFERENCES referrals (district_code, id) ON DELETE CASCADE
);
