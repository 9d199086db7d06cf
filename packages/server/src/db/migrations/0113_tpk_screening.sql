-- Brides-to-be and pregnant women screened during TPK visits, for the Audit Kasus Stunting case
-- finding (catin and ibu hamil at risk):
-- * a bride-to-be (catin) carries her wedding date: she is a TPK target from 3 months before it;
-- * a visit to a catin or a pregnant woman may record her mid-upper-arm circumference (LiLA, cm),
--   haemoglobin (Hb, g/dL) and the Elsimil screening result (ideal / berisiko);
-- * an audit case may be a TPK target (a catin, or a pregnant woman not linked to a family).
ALTER TABLE tpk_targets ADD COLUMN wedding_date date;

ALTER TABLE tpk_visits ADD COLUMN lila_cm double precision CHECK (lila_cm BETWEEN 10 AND 50);
ALTER TABLE tpk_visits ADD COLUMN hb_gdl double precision CHECK (hb_gdl BETWEEN 3 AND 20);
ALTER TABLE tpk_visits ADD COLUMN elsimil text CHECK (elsimil IN ('ideal', 'berisiko'));

ALTER TABLE aks_cases ADD COLUMN tpk_target_id uuid;
CREATE UNIQUE INDEX aks_cases_target_idx ON aks_cases (district_code, cycle_id, tpk_target_id)
  WHERE tpk_target_id IS NOT NULL;
